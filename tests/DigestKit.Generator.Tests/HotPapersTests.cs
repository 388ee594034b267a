using System.Diagnostics;
using System.Text.Json;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The HotPapers app as `dotnet build` made it: its <c>Digests</c> class exists only if the generator loaded in the
/// real compiler with its dependencies (a generator that fails to load only warns, CS8784/CS8032, which
/// TreatWarningsAsErrors makes a build error).
/// </summary>
public sealed class HotPapersTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = HotPapers.App.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>What content/ holds: the two seeds, the second repaired by 'digestkit fix' (see the engine's ContentTests).</summary>
    private static List<DigestAnalysis> Seeds() =>
        [.. new[] { "2021-06-21---Hot-Papers.md", "2021-05-07---Hot-Papers.md" }
            .Select(name => Path.Combine(TestPaths.RepoRoot, "content", name))
            .Select(f => DigestEngine.Analyze(f, File.ReadAllText(f)))];

    [Fact]
    public void The_app_embeds_both_digests_of_content_through_the_real_build()
    {
        var all = HotPapers.Digests.All;
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21"], all.Select(d => d.Slug));
        Assert.Same(all[1], HotPapers.Digests.HotPapers20210621);
        Assert.Equal("../../content/2021-06-21---Hot-Papers.md", all[1].SourcePath);
        var seeds = Seeds();
        ReadBackTests.AssertSame(seeds[0].Document, all[1]);
        ReadBackTests.AssertSame(seeds[1].Document, all[0]);
    }

    [Fact]
    public void Stats_json_gives_the_counts_of_the_two_seeds()
    {
        var seeds = Seeds();
        var papers = seeds.Sum(a => a.Document.Papers.Count);
        var authors = seeds.Sum(a => a.Document.Papers.Sum(p => p.Authors.Count));
        var tweets = seeds.Sum(a => a.Document.Papers.Sum(p => p.Tweets.Count));
        Assert.True(papers > 0 && authors > papers && tweets > 0);

        var (code, output, error) = Run("stats", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal($"{{\"digests\":2,\"papers\":{papers},\"authors\":{authors},\"tweets\":{tweets}}}", output.TrimEnd());
        Assert.Equal("{\"digests\":2,\"papers\":25,\"authors\":147,\"tweets\":34}", output.TrimEnd());
    }

    [Fact]
    public void Stats_json_from_the_built_executable()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "HotPapers.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { app, "stats", "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("{\"digests\":2,\"papers\":25,\"authors\":147,\"tweets\":34}", output.TrimEnd());
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("list --bogus")]
    [InlineData("show")]
    [InlineData("top --count zero")]
    [InlineData("top --count")]
    [InlineData("search")]
    [InlineData("search --since 2021-06-01")]
    [InlineData("search --author a --sort rank")]
    [InlineData("search --author a --since 2021-13-01")]
    [InlineData("search --author a --since 2021-06-02 --until 2021-06-01")]
    [InlineData("search --author a --count 0")]
    [InlineData("paper")]
    [InlineData("site")]
    [InlineData("site out --json")]
    [InlineData("stats --author x")]
    public void Usage_errors_exit_with_2_and_say_why(string commandLine)
    {
        var (code, output, error) = Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("HotPapers: ", error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public void Help_prints_usage_and_succeeds()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("search [--author <text>]", output);
    }

    [Fact]
    public void List_prints_an_aligned_table_and_json()
    {
        var (code, output, _) = Run("list");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("DATE", lines[0]);
        Assert.Matches(@"^2021-05-08\s+hot-papers-2021-05-07\s+Hot Papers 2021-05-07\s+15\s+15$", lines[2].TrimEnd());
        Assert.Equal(lines[2].IndexOf("hot-papers", StringComparison.Ordinal), lines[3].IndexOf("hot-papers", StringComparison.Ordinal));

        (code, output, _) = Run("list", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21"], json.RootElement.EnumerateArray().Select(e => e.GetProperty("slug").GetString()));
    }

    [Fact]
    public void Top_orders_papers_by_score_across_digests()
    {
        var (code, output, _) = Run("top", "--count", "3", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var scores = json.RootElement.EnumerateArray().Select(e => e.GetProperty("score").GetInt64()).ToList();
        Assert.Equal(3, scores.Count);
        Assert.Equal(10359, scores[0]);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var all = HotPapers.Digests.All.SelectMany(d => d.Papers).Max(p => p.Score);
        Assert.Equal(all, scores[0]);
    }

    [Fact]
    public void Search_finds_papers_by_author_and_by_category()
    {
        var (_, output, _) = Run("search", "--author", "rosenhahn", "--json");
        using (var json = JsonDocument.Parse(output))
        {
            var hit = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("2106.10155", hit.GetProperty("arxivId").GetString());
        }

        (_, output, _) = Run("search", "--category", "cs.NE", "--json");
        var expected = HotPapers.Digests.All.SelectMany(d => d.Papers).Count(p => p.Categories.Contains("cs.NE"));
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(expected, json.RootElement.GetArrayLength());
            Assert.True(expected > 0);
        }
    }

    [Fact]
    public void Show_prints_one_digest_or_reports_an_unknown_slug()
    {
        var (code, output, _) = Run("show", "hot-papers-2021-06-21", "--json");
        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(10, json.RootElement.GetProperty("papers").GetArrayLength());
        }

        (code, output, _) = Run("show", "hot-papers-2021-06-21");
        Assert.Contains("World-GAN", output);

        var (missing, _, error) = Run("show", "nope");
        Assert.Equal(1, missing);
        Assert.Contains("nope", error);
    }

    [Fact]
    public void Tables_keep_one_line_per_row_whatever_the_titles_hold()
    {
        var paper = new DigestKit.Paper(1, "Line one\nline\u2028two  and   spaces", ["A. Author"], 60, 40, null, "2101.00001", "abs", "pdf", ["cs.LG"], "", []);
        var digest = new DigestKit.Digest("Hot Papers 2021-01-01", new DateTime(2021, 1, 2), "post", false, "hot-papers-2021-01-01", "arXiv", [], "", "", [paper], "x.md");
        var output = new StringWriter();
        Assert.Equal(0, HotPapers.App.Run(["top"], output, new StringWriter(), [digest]));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("Line one line two and spaces", lines[2]);
        Assert.StartsWith("  100", lines[2]);
    }
}
