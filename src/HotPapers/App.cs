using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestKit;

namespace HotPapers;

/// <summary>
/// The commands. Everything reads <see cref="Digests.All"/>, the digests the DigestKit generator embedded from
/// content/ at build time: no file is read at run time.
/// </summary>
public static class App
{
    public const int Ok = 0;
    public const int NotFound = 1;
    public const int UsageError = 2;

    private const string Usage = """
        Usage: HotPapers <command> [options]

        Commands:
          list                          the digests, oldest first
          show <slug>                   one digest and its papers
          top [--count N]               the N highest-scoring papers across digests (default 10)
          search --author <text>        papers with an author whose name contains <text> (case-insensitive)
          search --category <cat>       papers in an arXiv category, e.g. cs.LG
          stats                         how many digests, papers, author entries and tweets

        Options:
          --json                        print JSON instead of a table (every command)
          -h, --help                    print this help
        """;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        Run(args, output, error, Digests.All);

    /// <summary>Runs one command over <paramref name="digests"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyList<Digest> digests)
    {
        try
        {
            var line = CommandLine.Parse(args);
            if (line.Help)
            {
                output.WriteLine(Usage);
                return Ok;
            }

            switch (line.Command)
            {
                case "list":
                    line.Allow();
                    line.ExpectPositionals(0, "no arguments");
                    return List(digests, line.Json, output);
                case "show":
                    line.Allow();
                    line.ExpectPositionals(1, "a slug, e.g. 'show hot-papers-2021-06-21'");
                    return Show(digests, line.Positionals[0], line.Json, output, error);
                case "top":
                    line.Allow("--count");
                    line.ExpectPositionals(0, "no arguments");
                    return Top(digests, ParseCount(line.Value("--count")), line.Json, output);
                case "search":
                    line.Allow("--author", "--category");
                    line.ExpectPositionals(0, "no arguments");
                    return Search(digests, line.Value("--author"), line.Value("--category"), line.Json, output);
                case "stats":
                    line.Allow();
                    line.ExpectPositionals(0, "no arguments");
                    return Stats(digests, line.Json, output);
                case null:
                    throw new UsageException("no command given");
                default:
                    throw new UsageException($"unknown command '{line.Command}'");
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine("HotPapers: " + ex.Message);
            error.WriteLine();
            error.WriteLine(Usage);
            return UsageError;
        }
    }

    /// <summary>The figures <c>stats</c> prints; authors counts author entries (a name in two papers counts twice).</summary>
    public static StatsResult ComputeStats(IReadOnlyList<Digest> digests) => new(
        digests.Count,
        digests.Sum(d => d.Papers.Count),
        digests.Sum(d => d.Papers.Sum(p => p.Authors.Count)),
        digests.Sum(d => d.Papers.Sum(p => p.Tweets.Count)));

    private static int List(IReadOnlyList<Digest> digests, bool json, TextWriter output)
    {
        var rows = digests.Select(d => new DigestRow(d.Slug, d.Title, d.Date, d.Papers.Count, d.Papers.Sum(p => p.Tweets.Count), d.SourcePath)).ToList();
        if (json)
        {
            return WriteJson(rows, output);
        }

        var table = new Table("DATE", "SLUG", "TITLE", "PAPERS", "TWEETS").Numeric(3, 4);
        foreach (var row in rows)
        {
            table.Add(Day(row.Date), row.Slug, row.Title, row.Papers, row.Tweets);
        }

        table.Write(output);
        output.WriteLine($"{rows.Count} digest(s)");
        return Ok;
    }

    private static int Show(IReadOnlyList<Digest> digests, string slug, bool json, TextWriter output, TextWriter error)
    {
        var digest = digests.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.Ordinal));
        if (digest is null)
        {
            error.WriteLine($"HotPapers: no digest has the slug '{slug}'. Try 'list'.");
            return NotFound;
        }

        if (json)
        {
            return WriteJson(new DigestDetail(
                digest.Slug, digest.Title, digest.Date, digest.Template, digest.Draft, digest.Category, digest.Tags,
                digest.Description, digest.SocialImage, digest.SourcePath,
                digest.Papers.Select(p => PaperRow.From(digest, p)).ToList()), output);
        }

        output.WriteLine(digest.Title);
        output.WriteLine($"slug: {digest.Slug}   date: {digest.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}   file: {digest.SourcePath}");
        output.WriteLine($"tags: {string.Join(", ", digest.Tags)}");
        output.WriteLine();
        var table = new Table("#", "SCORE", "ARXIV", "TITLE", "AUTHORS", "TWEETS").Numeric(0, 1, 4, 5);
        foreach (var paper in digest.Papers)
        {
            table.Add(paper.Rank, paper.Score, paper.ArxivId, paper.Title, paper.Authors.Count, paper.Tweets.Count);
        }

        table.Write(output);
        return Ok;
    }

    private static int Top(IReadOnlyList<Digest> digests, int count, bool json, TextWriter output)
    {
        var top = digests
            .SelectMany(d => d.Papers.Select(p => (Digest: d, Paper: p)))
            .OrderByDescending(x => x.Paper.Score)
            .ThenBy(x => x.Digest.Date)
            .ThenBy(x => x.Paper.Rank)
            .Take(count)
            .Select(x => PaperRow.From(x.Digest, x.Paper))
            .ToList();
        return WritePapers(top, json, output);
    }

    private static int Search(IReadOnlyList<Digest> digests, string? author, string? category, bool json, TextWriter output)
    {
        if ((author is null) == (category is null))
        {
            throw new UsageException("'search' needs exactly one of --author <text> or --category <cat>");
        }

        if (string.IsNullOrWhiteSpace(author ?? category))
        {
            throw new UsageException("the search text is empty");
        }

        var found = digests
            .SelectMany(d => d.Papers.Select(p => (Digest: d, Paper: p)))
            .Where(x => author is not null
                ? x.Paper.Authors.Any(a => a.Contains(author, StringComparison.OrdinalIgnoreCase))
                : x.Paper.Categories.Any(c => string.Equals(c, category, StringComparison.OrdinalIgnoreCase)))
            .Select(x => PaperRow.From(x.Digest, x.Paper))
            .ToList();
        return WritePapers(found, json, output);
    }

    private static int Stats(IReadOnlyList<Digest> digests, bool json, TextWriter output)
    {
        var stats = ComputeStats(digests);
        if (json)
        {
            return WriteJson(stats, output);
        }

        var table = new Table("WHAT", "COUNT").Numeric(1);
        table.Add("digests", stats.Digests);
        table.Add("papers", stats.Papers);
        table.Add("authors (entries)", stats.Authors);
        table.Add("tweets", stats.Tweets);
        table.Write(output);
        return Ok;
    }

    private static int WritePapers(List<PaperRow> papers, bool json, TextWriter output)
    {
        if (json)
        {
            return WriteJson(papers, output);
        }

        var table = new Table("SCORE", "DIGEST", "#", "ARXIV", "TITLE", "FIRST AUTHOR").Numeric(0, 2);
        foreach (var p in papers)
        {
            table.Add(p.Score, p.Digest, p.Rank, p.ArxivId, p.Title, p.Authors.Count == 0 ? "" : p.Authors[0] + (p.Authors.Count > 1 ? " et al." : ""));
        }

        table.Write(output);
        output.WriteLine($"{papers.Count} paper(s)");
        return Ok;
    }

    private static int WriteJson<T>(T value, TextWriter output)
    {
        output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        return Ok;
    }

    private static int ParseCount(string? text)
    {
        if (text is null)
        {
            return 10;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new UsageException($"--count needs a positive whole number, not '{text}'");
        }

        return count;
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record StatsResult(int Digests, int Papers, int Authors, int Tweets);

internal sealed record DigestRow(string Slug, string Title, DateTime Date, int Papers, int Tweets, string SourcePath);

internal sealed record DigestDetail(
    string Slug, string Title, DateTime Date, string Template, bool Draft, string Category, IReadOnlyList<string> Tags,
    string Description, string SocialImage, string SourcePath, IReadOnlyList<PaperRow> Papers);

internal sealed record PaperRow(
    string Digest, int Rank, string Title, IReadOnlyList<string> Authors, long Retweets, long Favorites, long Score,
    string? ArxivId, string AbsUrl, IReadOnlyList<string> Categories, int Tweets)
{
    public static PaperRow From(Digest digest, Paper paper) => new(
        digest.Slug, paper.Rank, paper.Title, paper.Authors, paper.Retweets, paper.Favorites, paper.Score,
        paper.ArxivId, paper.AbsUrl, paper.Categories, paper.Tweets.Count);
}
