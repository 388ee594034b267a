using System.Globalization;
using DigestKit;

namespace HotPapers;

/// <summary>One place a paper appeared: the digest and the paper as that digest ranked and measured it.</summary>
internal sealed record Appearance(Digest Digest, Paper Paper);

/// <summary>
/// A paper across digests: every appearance, oldest digest first. The same arXiv paper ranked in two digests is
/// one <see cref="PaperGroup"/>, so listings count it once.
/// </summary>
internal sealed class PaperGroup(string key, IReadOnlyList<Appearance> appearances)
{
    public string Key { get; } = key;

    public IReadOnlyList<Appearance> Appearances { get; } = appearances;

    /// <summary>The latest appearance: its title, authors and abstract are the freshest the digests hold.</summary>
    public Paper Latest => Appearances[^1].Paper;

    /// <summary>The highest-scoring appearance (the earliest on a tie).</summary>
    public Appearance Best => Appearances.OrderByDescending(a => a.Paper.Score).First();

    /// <summary>Every tweet of every appearance once (a tweet is one status, whichever digest quoted it).</summary>
    public IReadOnlyList<Tweet> Tweets =>
        Appearances.SelectMany(a => a.Paper.Tweets).DistinctBy(t => t.StatusId?.ToString(CultureInfo.InvariantCulture) ?? t.Url + "\n" + t.Text).ToList();
}

/// <summary>
/// Looking papers up across digests. Over an embedded <see cref="DigestCollection"/> (what <c>Digests.All</c> is),
/// lookups go through its typed index (<see cref="DigestCollection.Index"/>), built at build time; any other list
/// (a test's digests) is scanned. Both compare through <see cref="IndexKeys"/>, so they find the same papers.
/// </summary>
internal static class Library
{
    /// <summary>
    /// What makes two appearances the same paper: the arXiv identifier's index key (no version, lower case), else
    /// the abs link, else the digest and rank (a paper without links is only ever itself).
    /// </summary>
    public static string PaperKey(Digest digest, Paper paper)
    {
        if (!string.IsNullOrEmpty(paper.ArxivId))
        {
            return IndexKeys.ArxivId(paper.ArxivId);
        }

        return paper.AbsUrl.Length != 0 ? paper.AbsUrl : digest.Slug + "#" + paper.Rank.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The papers of <paramref name="appearances"/>, grouped, in the order each was first seen.</summary>
    public static List<PaperGroup> Group(IEnumerable<Appearance> appearances) =>
        appearances
            .GroupBy(a => PaperKey(a.Digest, a.Paper), StringComparer.Ordinal)
            .Select(g => new PaperGroup(g.Key, g.Distinct().OrderBy(a => a.Digest.Date).ThenBy(a => a.Digest.Slug, StringComparer.Ordinal).ToList()))
            .ToList();

    public static IEnumerable<Appearance> Appearances(IReadOnlyList<Digest> digests) =>
        digests.SelectMany(d => d.Papers.Select(p => new Appearance(d, p)));

    /// <summary>The paper with arXiv identifier <paramref name="id"/> (with or without "arXiv:" and a version).</summary>
    public static PaperGroup? FindPaper(IReadOnlyList<Digest> digests, string id)
    {
        var key = IndexKeys.ArxivId(id);
        var found = digests is DigestCollection embedded
            ? embedded.Index.FindPaper(id)?.Appearances.Select(Of).ToList() ?? []
            : Appearances(digests).Where(a => a.Paper.ArxivId is { } arxiv && IndexKeys.ArxivId(arxiv) == key).ToList();
        return found.Count == 0 ? null : Group(found)[0];
    }

    /// <summary>
    /// The appearances that can match <paramref name="query"/>: from the index, the category's papers or those of
    /// every author whose key contains the searched text; from a scan, all of them. The caller still applies the
    /// whole query to each.
    /// </summary>
    public static IEnumerable<Appearance> Candidates(IReadOnlyList<Digest> digests, SearchQuery query)
    {
        if (digests is not DigestCollection embedded)
        {
            return Appearances(digests);
        }

        var index = embedded.Index;
        if (query.Category is not null)
        {
            return index.InCategory(query.Category).Select(Of);
        }

        if (query.FoldedAuthor is { } author)
        {
            return index.Authors.Where(a => a.Key.Contains(author, StringComparison.Ordinal)).SelectMany(a => a.Papers).Select(Of).Distinct();
        }

        return Appearances(digests);
    }

    /// <summary>Text as search compares it: the index's author key, which folds accents, case and punctuation.</summary>
    public static string Fold(string text) => IndexKeys.Author(text);

    private static Appearance Of(PaperAppearance a) => new(a.Digest, a.Paper);
}
