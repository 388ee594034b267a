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
          show <slug>                   one digest: its papers with authors, score and links
          paper <arxiv-id>              one paper: every digest it appeared in, links, abstract and tweets
          top [--count N]               the N highest-scoring papers (default 10), each once at its best score
          search [--author <text>] [--title <text>] [--category <cat>]
                 [--since yyyy-MM-dd] [--until yyyy-MM-dd] [--sort score|date] [--count N]
                                        papers matching every option given; names and titles match
                                        ignoring case and accents (Velickovic finds Veličković)
          stats                         how many digests, papers, author entries and tweets
          site <folder>                 write a static HTML site of every digest and paper into <folder>

        Options:
          --json                        print JSON instead of text (every command but site)
          -h, --help                    print this help

        Tables fit $COLUMNS, else the terminal; output redirected to a file is never shortened.
        """;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        Run(args, output, error, Digests.All, RunEnvironment.Current);

    /// <summary>Runs one command over <paramref name="digests"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyList<Digest> digests, RunEnvironment? environment = null)
    {
        var env = environment ?? new RunEnvironment(null, Directory.GetCurrentDirectory());
        try
        {
            var line = CommandLine.Parse(args);
            if (line.Help)
            {
                output.WriteLine(Usage);
                return Ok;
            }

            var width = line.Json ? null : env.Width;
            switch (line.Command)
            {
                case "list":
                    line.Allow();
                    line.ExpectPositionals(0, "no arguments");
                    return List(digests, line.Json, width, env, output);
                case "show":
                    line.Allow();
                    line.ExpectPositionals(1, "a slug, e.g. 'show hot-papers-2021-06-21'");
                    return Show(digests, line.Positionals[0], line.Json, width, env, output, error);
                case "paper":
                    line.Allow();
                    line.ExpectPositionals(1, "an arXiv identifier, e.g. 'paper 2106.10155'");
                    return ShowPaper(digests, line.Positionals[0], line.Json, width, output, error);
                case "top":
                    line.Allow("--count");
                    line.ExpectPositionals(0, "no arguments");
                    return Top(digests, ParseCount(line.Value("--count")) ?? 10, line.Json, width, output);
                case "search":
                    line.Allow("--author", "--title", "--category", "--since", "--until", "--sort", "--count");
                    line.ExpectPositionals(0, "no arguments");
                    return Search(digests, SearchQuery.From(line), line.Json, width, output);
                case "stats":
                    line.Allow();
                    line.ExpectPositionals(0, "no arguments");
                    return Stats(digests, line.Json, width, output);
                case "site":
                    line.Allow();
                    line.ExpectPositionals(1, "a folder to write the site into, e.g. 'site out/site'");
                    if (line.Json)
                    {
                        throw new UsageException("'site' writes HTML files and does not take --json");
                    }

                    return Site(digests, line.Positionals[0], env, output, error);
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

    private static int List(IReadOnlyList<Digest> digests, bool json, int? width, RunEnvironment env, TextWriter output)
    {
        var rows = digests.Select(d => new DigestRow(d.Slug, d.Title, d.Date, d.Papers.Count, d.Papers.Sum(p => p.Tweets.Count), env.DisplayPath(d.SourcePath))).ToList();
        if (json)
        {
            return WriteJson(rows, output);
        }

        var table = new Table("DATE", "SLUG", "TITLE", "PAPERS", "TWEETS").Numeric(3, 4).Flexible(2).Optional(2);
        foreach (var row in rows)
        {
            table.Add(Day(row.Date), row.Slug, row.Title, row.Papers, row.Tweets);
        }

        table.Write(output, width);
        output.WriteLine($"{rows.Count} digest(s)");
        return Ok;
    }

    private static int Show(IReadOnlyList<Digest> digests, string slug, bool json, int? width, RunEnvironment env, TextWriter output, TextWriter error)
    {
        var digest = digests.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.Ordinal));
        if (digest is null)
        {
            error.WriteLine($"HotPapers: no digest has the slug '{slug}'. Try 'list'.");
            return NotFound;
        }

        if (json)
        {
            return WriteJson(DigestJson.From(digest, env), output);
        }

        output.WriteLine(digest.Title);
        output.WriteLine($"slug: {digest.Slug}   date: {digest.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}   file: {env.DisplayPath(digest.SourcePath)}");
        if (digest.Tags.Count != 0)
        {
            output.WriteLine($"tags: {string.Join(", ", digest.Tags)}");
        }

        foreach (var paper in digest.Papers)
        {
            output.WriteLine();
            var head = $"{paper.Rank,2}. ";
            var indent = new string(' ', head.Length);
            var lines = Text.Wrap(paper.Title, width - head.Length).ToList();
            output.WriteLine(head + (lines.Count == 0 ? "" : lines[0]));
            foreach (var more in lines.Skip(1))
            {
                output.WriteLine(indent + more);
            }

            WriteWrapped(output, indent, string.Join(", ", paper.Authors), width);
            output.WriteLine($"{indent}score {paper.Score} ({paper.Retweets} retweets + {paper.Favorites} favorites), {paper.Tweets.Count} tweet(s)");
            WriteLink(output, indent, "abs", paper.AbsUrl);
            WriteLink(output, indent, "pdf", paper.PdfUrl);
        }

        output.WriteLine();
        output.WriteLine($"{digest.Papers.Count} paper(s)");
        return Ok;
    }

    private static int ShowPaper(IReadOnlyList<Digest> digests, string id, bool json, int? width, TextWriter output, TextWriter error)
    {
        var group = Library.FindPaper(digests, id);
        if (group is null)
        {
            error.WriteLine($"HotPapers: no digest has the paper '{id}'. Try 'search'.");
            return NotFound;
        }

        if (json)
        {
            return WriteJson(PaperDetailJson.From(group), output);
        }

        var paper = group.Latest;
        foreach (var titleLine in Text.Wrap(paper.Title, width))
        {
            output.WriteLine(titleLine);
        }

        WriteWrapped(output, "", string.Join(", ", paper.Authors), width);
        output.WriteLine();
        output.WriteLine($"arXiv:      {paper.ArxivId ?? "(none)"}");
        output.WriteLine($"categories: {string.Join(", ", paper.Categories)}");
        WriteLink(output, "", "abs:       ", paper.AbsUrl);
        WriteLink(output, "", "pdf:       ", paper.PdfUrl);
        output.WriteLine();

        var table = new Table("DIGEST", "DATE", "#", "SCORE", "RETWEETS", "FAVORITES", "MEASURED").Numeric(2, 3, 4, 5).Optional(6, 4, 5);
        foreach (var a in group.Appearances)
        {
            table.Add(a.Digest.Slug, Day(a.Digest.Date), a.Paper.Rank, a.Paper.Score, a.Paper.Retweets, a.Paper.Favorites,
                a.Paper.MeasuredAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
        }

        output.WriteLine($"In {group.Appearances.Count} digest(s):");
        table.Write(output, width);

        if (paper.Abstract.Length != 0)
        {
            output.WriteLine();
            output.WriteLine("Abstract:");
            WriteWrapped(output, "  ", paper.Abstract, width);
        }

        var tweets = group.Tweets;
        output.WriteLine();
        output.WriteLine($"Tweets ({tweets.Count}):");
        foreach (var t in tweets)
        {
            output.WriteLine();
            var when = t.Date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            output.WriteLine($"  {Text.OneLine(t.AuthorName)} (@{t.Handle}){(when is null ? "" : ", " + when)}");
            WriteWrapped(output, "    ", t.Text, width);
            WriteLink(output, "    ", "", t.Url);
        }

        return Ok;
    }

    private static int Top(IReadOnlyList<Digest> digests, int count, bool json, int? width, TextWriter output)
    {
        var top = Library.Group(Library.Appearances(digests))
            .Select(g => PaperRow.From(g, []))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Date)
            .ThenBy(r => r.Rank)
            .Take(count)
            .ToList();
        return WritePapers(top, json, width, output);
    }

    private static int Search(IReadOnlyList<Digest> digests, SearchQuery query, bool json, int? width, TextWriter output)
    {
        var rows = Library.Group(Library.Candidates(digests, query).Where(query.Matches))
            .Select(g => PaperRow.From(g, query.MatchedAuthors(g.Best.Paper)));
        rows = query.SortByDate
            ? rows.OrderByDescending(r => r.Date).ThenBy(r => r.Rank)
            : rows.OrderByDescending(r => r.Score).ThenBy(r => r.Date).ThenBy(r => r.Rank);
        var found = rows.Take(query.Count ?? int.MaxValue).ToList();
        return WritePapers(found, json, width, output, query.Author is not null);
    }

    private static int Stats(IReadOnlyList<Digest> digests, bool json, int? width, TextWriter output)
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
        table.Write(output, width);
        return Ok;
    }

    private static int Site(IReadOnlyList<Digest> digests, string folder, RunEnvironment env, TextWriter output, TextWriter error)
    {
        var target = env.ResolveUserPath(folder);
        int files;
        try
        {
            files = SiteWriter.Write(digests, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"HotPapers: cannot write the site into '{env.DisplayFullPath(target)}': {ex.Message}");
            return UsageError;
        }

        var shown = env.DisplayFullPath(target);
        output.WriteLine($"wrote {files} file(s) into {shown}; open {Path.Combine(shown, "index.html")}");
        return Ok;
    }

    private static int WritePapers(List<PaperRow> papers, bool json, int? width, TextWriter output, bool showMatchedAuthor = false)
    {
        if (json)
        {
            return WriteJson(papers, output);
        }

        var table = new Table("SCORE", "DIGESTS", "BEST IN", "#", "ARXIV", "TITLE", showMatchedAuthor ? "MATCHING AUTHOR" : "AUTHORS")
            .Numeric(0, 1, 3).Flexible(5, 6).Optional(3, 2, 6);
        foreach (var p in papers)
        {
            var who = showMatchedAuthor && p.MatchedAuthors.Count != 0
                ? string.Join(", ", p.MatchedAuthors)
                : p.Authors.Count == 0 ? "" : p.Authors[0] + (p.Authors.Count > 1 ? " et al." : "");
            table.Add(p.Score, p.Digests, p.Digest, p.Rank, p.ArxivId, p.Title, who);
        }

        table.Write(output, width);
        output.WriteLine($"{papers.Count} paper(s)");
        return Ok;
    }

    private static void WriteWrapped(TextWriter output, string indent, string text, int? width)
    {
        foreach (var line in Text.Wrap(text, width - indent.Length))
        {
            output.WriteLine(indent + line);
        }
    }

    // Links are never shortened: a cut URL is a broken one.
    private static void WriteLink(TextWriter output, string indent, string label, string url)
    {
        if (url.Length != 0)
        {
            output.WriteLine(indent + (label.Length == 0 ? "" : label + " ") + url);
        }
    }

    private static int WriteJson<T>(T value, TextWriter output)
    {
        output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        return Ok;
    }

    internal static int? ParseCount(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new UsageException($"--count needs a positive whole number, not '{text}'");
        }

        return count;
    }

    internal static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record StatsResult(int Digests, int Papers, int Authors, int Tweets);
