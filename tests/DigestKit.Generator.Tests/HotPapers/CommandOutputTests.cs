using System.Text.Json;
using DigestKit.Tests;
using static DigestKit.Generator.Tests.HotPapersApp.AppRunner;

namespace DigestKit.Generator.Tests.HotPapersApp;

/// <summary>
/// Each command's text over the embedded content/, pinned in Golden/hotpapers/ (regenerate with
/// DIGESTKIT_REGENERATE_GOLDEN=1 and review the diff), and the behaviour a reader relies on, asserted directly.
/// </summary>
public sealed class CommandOutputTests
{
    [Theory]
    [InlineData("list", "list")]
    [InlineData("show", "show hot-papers-2021-06-21")]
    [InlineData("paper", "paper 2106.10207")]
    [InlineData("top", "top --count 8")]
    [InlineData("search-author", "search --author velickovic")]
    [InlineData("search-category", "search --category cs.CV --since 2021-06-01 --sort date --count 4")]
    [InlineData("stats", "stats")]
    public void Output_at_100_columns_matches_its_golden_file(string name, string commandLine)
    {
        var (code, output, error) = Run(100, commandLine.Split(' '));
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 100 || line.Contains("://", StringComparison.Ordinal), line));
        GoldenFileTests.AssertGolden(Path.Combine("hotpapers", name + ".txt"), output);
    }

    [Fact]
    public void Paper_shows_everything_about_one_paper()
    {
        var (code, output, _) = Run(null, "paper", "arXiv:2106.10155v1");
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Equal("World-GAN: a Generative Model for Minecraft Worlds", lines[0]);
        Assert.Equal("Maren Awiszus, Frederik Schubert, Bodo Rosenhahn", lines[1]);
        Assert.Contains("abs:        https://arxiv.org/abs/2106.10155", lines);
        Assert.Contains("pdf:        https://arxiv.org/pdf/2106.10155", lines);
        Assert.Contains("categories: cs.LG, cs.CV, cs.NE", lines);
        Assert.Matches(@"^hot-papers-2021-06-21\s+2021-06-22\s+1\s+10359\s+9936\s+423\s+2021-06-22 07:43$", lines.Single(l => l.StartsWith("hot-papers-", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("  This work introduces World-GAN", StringComparison.Ordinal));
        Assert.Contains("  AK (@ak92501), 2021-06-21 00:00", lines);
        Assert.Contains("    https://twitter.com/ak92501/status/1406794228320120833?ref_src=twsrc%5Etfw", lines);

        var (missing, _, error) = Run(null, "paper", "9999.99999");
        Assert.Equal(1, missing);
        Assert.Contains("9999.99999", error);
    }

    [Fact]
    public void Show_lists_each_paper_with_authors_score_and_links()
    {
        var (_, output, _) = Run(null, "show", "hot-papers-2021-06-21");
        var lines = output.Split('\n');
        var first = Array.IndexOf(lines, " 1. World-GAN: a Generative Model for Minecraft Worlds");
        Assert.True(first > 0, output);
        Assert.Equal("    Maren Awiszus, Frederik Schubert, Bodo Rosenhahn", lines[first + 1]);
        Assert.Equal("    score 10359 (9936 retweets + 423 favorites), 1 tweet(s)", lines[first + 2]);
        Assert.Equal("    abs https://arxiv.org/abs/2106.10155", lines[first + 3]);
        Assert.Equal("    pdf https://arxiv.org/pdf/2106.10155", lines[first + 4]);
        Assert.Contains("file: content/2021-06-21---Hot-Papers.md", lines[1]);
    }

    [Fact]
    public void Search_ignores_accents_and_case_and_shows_the_matching_author()
    {
        foreach (var text in new[] { "Velickovic", "VELIČKOVIĆ", "petar velič" })
        {
            var (_, output, _) = Run(null, "search", "--author", text, "--json");
            using var json = JsonDocument.Parse(output);
            var hit = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("2105.02761", hit.GetProperty("arxivId").GetString());
            Assert.Equal(["Petar Veličković"], hit.GetProperty("matchedAuthors").EnumerateArray().Select(a => a.GetString()));
        }

        var (_, table, _) = Run(null, "search", "--author", "velickovic");
        Assert.Contains("MATCHING AUTHOR", table);
        Assert.Matches(@"\s443\s+1\s+hot-papers-2021-05-07\s+2\s+2105\.02761\s+Neural Algorithmic Reasoning\s+Petar Veličković\n", table);

        var (_, titles, _) = Run(null, "search", "--title", "MINECRAFT", "--json");
        using var titleJson = JsonDocument.Parse(titles);
        Assert.Equal("2106.10155", Assert.Single(titleJson.RootElement.EnumerateArray()).GetProperty("arxivId").GetString());
    }

    [Fact]
    public void Search_combines_author_category_and_dates_and_sorts_and_counts()
    {
        var all = HotPapers.Digests.All;
        string[] Ids(params string[] args)
        {
            var (code, output, error) = Run(null, [.. args, "--json"]);
            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            return json.RootElement.EnumerateArray().Select(e => e.GetProperty("arxivId").GetString()!).ToArray();
        }

        var cv = all.SelectMany(d => d.Papers).Where(p => p.Categories.Contains("cs.CV")).ToList();
        Assert.Equal(cv.OrderByDescending(p => p.Score).Select(p => p.ArxivId), Ids("search", "--category", "cs.cv"));

        // --author and --category together: only papers that meet both.
        Assert.Equal(["2106.10155"], Ids("search", "--author", "rosenhahn", "--category", "cs.CV"));
        Assert.Empty(Ids("search", "--author", "rosenhahn", "--category", "cs.CL"));

        var june = all.Single(d => d.Slug == "hot-papers-2021-06-21").Papers.Where(p => p.Categories.Contains("cs.CV")).ToList();
        Assert.True(june.Count > 0 && june.Count < cv.Count);
        Assert.Equal(june.OrderByDescending(p => p.Score).Select(p => p.ArxivId), Ids("search", "--category", "cs.CV", "--since", "2021-06-22"));
        Assert.Equal(cv.Count - june.Count, Ids("search", "--category", "cs.CV", "--until", "2021-06-21").Length);

        // Newest digest first, then by rank within it.
        var byDate = Ids("search", "--category", "cs.CV", "--sort", "date");
        Assert.Equal(june.OrderBy(p => p.Rank).Select(p => p.ArxivId), byDate.Take(june.Count));
        Assert.Equal(2, Ids("search", "--category", "cs.CV", "--count", "2").Length);
    }

    /// <summary>Over Digests.All the app asks the typed index; over a plain list it scans: the answers are the same.</summary>
    [Theory]
    [InlineData("search --author velickovic")]
    [InlineData("search --author a")]
    [InlineData("search --author Rosenhahn --category cs.cv")]
    [InlineData("search --category CS.LG --sort date")]
    [InlineData("search --category cs.LG --until 2021-06-01 --count 3")]
    [InlineData("search --title transformer --since 2021-06-01")]
    [InlineData("paper 2106.10155v3")]
    [InlineData("paper ARXIV:2105.02761")]
    [InlineData("search --category no.such")]
    public void The_index_and_a_scan_give_the_same_answer(string commandLine)
    {
        var args = commandLine.Split(' ').Append("--json").ToArray();
        Assert.IsType<DigestCollection>(HotPapers.Digests.All);
        var indexed = Run(HotPapers.Digests.All, null, args);
        var scanned = Run(HotPapers.Digests.All.ToList(), null, args);
        Assert.Equal(scanned, indexed);
        Assert.Equal(0, indexed.Code);
        Assert.Equal(commandLine.Contains("no.such", StringComparison.Ordinal), indexed.Output.Trim() == "[]");
    }

    [Fact]
    public void Top_counts_a_paper_once_at_its_best_score_with_its_digest_count()
    {
        var early = Digest(new DateTime(2021, 1, 1), Paper(1, "Shared paper", ["A. One"], 500, "2101.00001"), Paper(2, "Other", ["B. Two"], 300, "2101.00002"));
        var late = Digest(new DateTime(2021, 1, 8), Paper(1, "Shared paper", ["A. One"], 900, "2101.00001v2"), Paper(2, "Third", ["C. Three"], 100, "2101.00003"));
        var (code, output, _) = Run([early, late], null, "top", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["2101.00001v2", "2101.00002", "2101.00003"], rows.Select(r => r.GetProperty("arxivId").GetString()));
        Assert.Equal(900, rows[0].GetProperty("score").GetInt64());
        Assert.Equal(2, rows[0].GetProperty("digests").GetInt32());
        Assert.Equal("hot-papers-2021-01-08", rows[0].GetProperty("digest").GetString());
        Assert.Equal(1, rows[1].GetProperty("digests").GetInt32());

        var (_, text, _) = Run([early, late], null, "top");
        Assert.Matches(@"^SCORE\s+DIGESTS\s+BEST IN", text);
        Assert.Matches(@"\n  900\s+2\s+hot-papers-2021-01-08\s+1\s+2101\.00001v2\s+Shared paper\s+A\. One\n", text);

        var (_, paper, _) = Run([early, late], null, "paper", "2101.00001", "--json");
        using var paperJson = JsonDocument.Parse(paper);
        Assert.Equal([500L, 900L], paperJson.RootElement.GetProperty("appearances").EnumerateArray().Select(a => a.GetProperty("score").GetInt64()));
    }

    [Fact]
    public void Tables_fit_the_width_and_shorten_titles_with_an_ellipsis()
    {
        var long1 = Paper(1, "A very long title " + string.Concat(Enumerable.Repeat("that keeps going ", 10)) + "END", ["An Author With A Long Name", "B"], 100, "2101.00001");
        var digest = Digest(new DateTime(2021, 1, 1), long1);
        var (_, narrow, _) = Run([digest], 60, "top");
        var lines = narrow.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 60, $"{l.Length}: {l}"));
        Assert.Contains("…", lines[2]);
        Assert.StartsWith("  100", lines[2]);
        Assert.DoesNotContain("END", narrow);

        // No width (output redirected): nothing is cut, however long.
        var (_, full, _) = Run([digest], null, "top");
        Assert.Contains(global::HotPapers.Text.OneLine(long1.Title), full);
        Assert.DoesNotContain("…", full);
    }

    [Fact]
    public void The_executable_fits_COLUMNS_and_cuts_nothing_when_redirected_without_it()
    {
        var (code, narrow, _) = Process(TestPaths.RepoRoot, "50", "top", "--count", "20");
        Assert.Equal(0, code);
        Assert.All(narrow.TrimEnd('\n').Split('\n'), l => Assert.True(l.Length <= 50, $"{l.Length}: {l}"));
        Assert.Contains("…", narrow);

        var (_, full, _) = Process(TestPaths.RepoRoot, null, "top", "--count", "20");
        Assert.DoesNotContain("…", full);
        Assert.Contains("Efficient Self-supervised Vision Transformers for Representation Learning", full);
    }

    [Fact]
    public void Paths_print_relative_to_the_current_directory()
    {
        var content = Path.Combine(TestPaths.RepoRoot, "content", "2021-06-21---Hot-Papers.md");
        foreach (var directory in new[] { TestPaths.RepoRoot, Path.Combine(TestPaths.RepoRoot, "src", "HotPapers"), Path.GetTempPath() })
        {
            var (code, output, _) = Process(directory, null, "list", "--json");
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            var path = json.RootElement[1].GetProperty("sourcePath").GetString();
            Assert.Equal(Path.GetRelativePath(directory, content), path);
        }

        var (_, fromRoot, _) = Process(TestPaths.RepoRoot, null, "show", "hot-papers-2021-06-21");
        Assert.Contains("file: content/2021-06-21---Hot-Papers.md", fromRoot);
    }
}
