using System.Globalization;
using DigestKit;

namespace HotPapers;

/// <summary>What <c>search</c> was asked: every option given must hold.</summary>
internal sealed class SearchQuery
{
    private string? _foldedTitle;

    /// <summary>The --author text as an index key (<see cref="Library.Fold"/>), or null.</summary>
    public string? FoldedAuthor { get; private set; }

    public string? Author { get; private init; }

    public string? Title { get; private init; }

    public string? Category { get; private init; }

    public DateTime? Since { get; private init; }

    public DateTime? Until { get; private init; }

    public bool SortByDate { get; private init; }

    public int? Count { get; private init; }

    public static SearchQuery From(CommandLine line)
    {
        var query = new SearchQuery
        {
            Author = NonEmpty(line, "--author"),
            Title = NonEmpty(line, "--title"),
            Category = NonEmpty(line, "--category"),
            Since = ParseDate(line, "--since"),
            Until = ParseDate(line, "--until"),
            SortByDate = line.Value("--sort") switch
            {
                null or "score" => false,
                "date" => true,
                var other => throw new UsageException($"--sort takes 'score' or 'date', not '{other}'"),
            },
            Count = App.ParseCount(line.Value("--count")),
        };
        if (query.Author is null && query.Title is null && query.Category is null)
        {
            throw new UsageException("'search' needs at least one of --author <text>, --title <text> or --category <cat>");
        }

        if (query.Since > query.Until)
        {
            throw new UsageException("--since is after --until");
        }

        query.FoldedAuthor = Folded(query.Author, "--author");
        query._foldedTitle = Folded(query.Title, "--title");
        return query;
    }

    public bool Matches(Appearance a)
    {
        var day = a.Digest.Date.Date;
        return (Since is null || day >= Since)
            && (Until is null || day <= Until)
            && (Category is null || a.Paper.Categories.Any(c => IndexKeys.Category(c) == IndexKeys.Category(Category)))
            && (_foldedTitle is null || Library.Fold(a.Paper.Title).Contains(_foldedTitle, StringComparison.Ordinal))
            && (FoldedAuthor is null || a.Paper.Authors.Any(IsMatchingAuthor));
    }

    /// <summary>The authors the <c>--author</c> text matched, as written (empty without --author).</summary>
    public IReadOnlyList<string> MatchedAuthors(Paper paper) =>
        FoldedAuthor is null ? [] : paper.Authors.Where(IsMatchingAuthor).ToList();

    private bool IsMatchingAuthor(string author) => Library.Fold(author).Contains(FoldedAuthor!, StringComparison.Ordinal);

    private static string? NonEmpty(CommandLine line, string option)
    {
        var value = line.Value(option);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"the text of {option} is empty");
        }

        return value;
    }

    private static string? Folded(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var folded = Library.Fold(text);
        return folded.Length != 0 ? folded : throw new UsageException($"the text of {option} has no letters or digits to match");
    }

    private static DateTime? ParseDate(CommandLine line, string option)
    {
        var value = line.Value(option);
        if (value is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"{option} needs a date as yyyy-MM-dd, not '{value}'");
        }

        return date;
    }
}
