using System.Globalization;
using System.Text;
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

/// <summary>Looking papers up across the embedded digests.</summary>
internal static class Library
{
    /// <summary>
    /// What makes two appearances the same paper: the arXiv identifier without its version, else the abs link,
    /// else the digest and rank (a paper without links is only ever itself).
    /// </summary>
    public static string PaperKey(Digest digest, Paper paper)
    {
        if (!string.IsNullOrEmpty(paper.ArxivId))
        {
            return StripVersion(paper.ArxivId);
        }

        return paper.AbsUrl.Length != 0 ? paper.AbsUrl : digest.Slug + "#" + paper.Rank.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The papers of <paramref name="appearances"/>, grouped, in the order each was first seen.</summary>
    public static List<PaperGroup> Group(IEnumerable<Appearance> appearances) =>
        appearances
            .GroupBy(a => PaperKey(a.Digest, a.Paper), StringComparer.OrdinalIgnoreCase)
            .Select(g => new PaperGroup(g.Key, g.OrderBy(a => a.Digest.Date).ThenBy(a => a.Digest.Slug, StringComparer.Ordinal).ToList()))
            .ToList();

    public static IEnumerable<Appearance> Appearances(IReadOnlyList<Digest> digests) =>
        digests.SelectMany(d => d.Papers.Select(p => new Appearance(d, p)));

    /// <summary>The paper with arXiv identifier <paramref name="id"/> (with or without "arXiv:" and a version).</summary>
    public static PaperGroup? FindPaper(IReadOnlyList<Digest> digests, string id)
    {
        var key = NormaliseArxivId(id);
        var found = Appearances(digests).Where(a => string.Equals(PaperKey(a.Digest, a.Paper), key, StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 0 ? null : Group(found)[0];
    }

    public static string NormaliseArxivId(string id)
    {
        var text = id.Trim();
        if (text.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["arxiv:".Length..];
        }

        return StripVersion(text);
    }

    private static string StripVersion(string id)
    {
        var v = id.LastIndexOf('v');
        return v > 0 && v < id.Length - 1 && char.IsAsciiDigit(id[v - 1]) && id.AsSpan(v + 1).IndexOfAnyExceptInRange('0', '9') < 0 ? id[..v] : id;
    }

    /// <summary>
    /// Text as search compares it: accents dropped (Veličković → velickovic), case folded, white space collapsed.
    /// Kept to what matching needs here; the runtime's index key replaces it when one exists.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length != 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            // Letters that are not a base letter plus a mark, so FormD leaves them whole.
            folded.Append(char.ToLowerInvariant(c) switch
            {
                'ł' => "l",
                'ø' => "o",
                'đ' => "d",
                'ı' => "i",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                var other => other.ToString(),
            });
        }

        return folded.ToString();
    }
}
