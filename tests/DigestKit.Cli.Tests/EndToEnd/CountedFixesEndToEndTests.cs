using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// Every repair <c>check</c> counts is one <c>fix</c> applies, in one run: after <c>fix</c>, <c>check</c> is clean
/// and a second <c>fix</c> changes nothing.
/// </summary>
public sealed class CountedFixesEndToEndTests
{
    private const string FrontMatter =
        "---\ntitle: Hot Papers 2021-06-21\ndate: 2021-06-22T07:43:12.Z\ntemplate: \"post\"\ndraft: false\n" +
        "slug: \"hot-papers-2021-06-21\"\ncategory: \"arXiv\"\ntags:\n  - \"arXiv\"\ndescription: \"Hot papers 2021-06-21\"\n" +
        "socialImage: \"/media/flying-marine.jpg\"\n\n---\n\n";

    /// <summary>One paper; <paramref name="links"/> null gives both links of arXiv 2106.0290<paramref name="index"/>.</summary>
    internal static string Paper(int number, int index, string? links = null) =>
        $"# {number}. Paper number {index}\n\nAda Lovelace, Alan Turing\n\n" +
        $"- retweets: {100 - index}, favorites: {500 - index} (06/22/2021 07:43:13)\n\n" +
        $"- links: {links ?? $"[abs](https://arxiv.org/abs/2106.0290{index}) | [pdf](https://arxiv.org/pdf/2106.0290{index})"}\n" +
        "- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nAn abstract.\n\n\n";

    internal static string Digest(params int[] numbers) =>
        FrontMatter + string.Concat(numbers.Select((n, i) => Paper(n, i + 1)));

    private static (CliResult Check, CliResult Fix, string Fixed, CliResult Again, CliResult After) CheckFixCheck(string text)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("digest.md", System.Text.Encoding.UTF8.GetBytes(text));
        var check = CliRunner.Run(dir.Path, "check", "digest.md");
        var fix = CliRunner.Run(dir.Path, "fix", "digest.md");
        var fixedText = File.ReadAllText(path);
        var again = CliRunner.Run(dir.Path, "fix", "digest.md");
        Assert.Equal(fixedText, File.ReadAllText(path));
        var after = CliRunner.Run(dir.Path, "check", "digest.md");
        return (check, fix, fixedText, again, after);
    }

    [Fact]
    public void The_digest_itself_is_clean()
    {
        using var dir = new TempDirectory();
        dir.Write("digest.md", System.Text.Encoding.UTF8.GetBytes(Digest(1, 2, 3, 4, 5)));
        var check = CliRunner.Run(dir.Path, "check", "digest.md");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("0 errors, 0 warnings", check.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 2, 3, 4 }, 3)]
    [InlineData(new[] { 1, 2, 2, 4, 5 }, 1)]
    [InlineData(new[] { 5, 5, 3, 4 }, 2)]
    [InlineData(new[] { 1, 1, 1 }, 2)]
    [InlineData(new[] { 3, 3, 3 }, 2)]
    public void Duplicate_numbers_are_renumbered_1_to_N_in_one_run(int[] numbers, int repairs)
    {
        var expected = Digest(Enumerable.Range(1, numbers.Length).ToArray());
        var (check, fix, fixedText, again, after) = CheckFixCheck(Digest(numbers));

        Assert.Contains($"; {repairs} can be repaired by 'digestkit fix'.", check.StdOut, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains($"digest.md: fixed {repairs} problem", fix.StdOut, StringComparison.Ordinal);
        Assert.Equal(expected, fixedText);
        Assert.DoesNotContain("fixed", again.StdOut, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("0 errors, 0 warnings", after.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("can be repaired", after.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_abs_and_pdf_links_are_restored_from_the_other_link_with_its_version()
    {
        var text = FrontMatter
            + Paper(1, 1, "[pdf](https://arxiv.org/pdf/2106.02901v2)")
            + Paper(2, 2, "[abs](https://arxiv.org/abs/2106.02902v3)")
            + Paper(3, 3);
        var expected = FrontMatter
            + Paper(1, 1, "[abs](https://arxiv.org/abs/2106.02901v2) | [pdf](https://arxiv.org/pdf/2106.02901v2)")
            + Paper(2, 2, "[abs](https://arxiv.org/abs/2106.02902v3) | [pdf](https://arxiv.org/pdf/2106.02902v3)")
            + Paper(3, 3);
        var (check, fix, fixedText, _, after) = CheckFixCheck(text);

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("DK4001", check.StdOut, StringComparison.Ordinal);
        Assert.Contains("add '[abs](https://arxiv.org/abs/2106.02901v2)' before the pdf link ('digestkit fix' adds it)", check.StdOut, StringComparison.Ordinal);
        Assert.Contains("; 2 can be repaired by 'digestkit fix'.", check.StdOut, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("digest.md: fixed 2 problems", fix.StdOut, StringComparison.Ordinal);
        Assert.Equal(expected, fixedText);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("0 errors, 0 warnings", after.StdOut, StringComparison.Ordinal);
    }

    /// <summary>
    /// The diff <c>fix --dry-run</c> prints for a digest with one repair, with the exit code that says one is
    /// pending; the file itself stays as it was.
    /// </summary>
    private static string DryRunOfOneRepair(string text)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("digest.md", System.Text.Encoding.UTF8.GetBytes(text));
        var result = CliRunner.Run(dir.Path, "fix", "--dry-run", "digest.md");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("digest.md: would fix 1 problem", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
        return result.StdOut;
    }

    [Fact]
    public void Dry_run_shows_the_restored_link()
    {
        Assert.Equal(
            "--- a/digest.md\n+++ b/digest.md\n@@ -18,7 +18,7 @@\n \n - retweets: 99, favorites: 499 (06/22/2021 07:43:13)\n \n-- links: [abs](https://arxiv.org/abs/2106.02901)\n+- links: [abs](https://arxiv.org/abs/2106.02901) | [pdf](https://arxiv.org/pdf/2106.02901)\n - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n \n An abstract.\n",
            DryRunOfOneRepair(FrontMatter + Paper(1, 1, "[abs](https://arxiv.org/abs/2106.02901)")));
    }

    [Fact]
    public void Dry_run_shows_the_duplicate_renumbered()
    {
        Assert.Equal(
            "--- a/digest.md\n+++ b/digest.md\n@@ -24,7 +24,7 @@\n An abstract.\n \n \n-# 1. Paper number 2\n+# 2. Paper number 2\n \n Ada Lovelace, Alan Turing\n \n",
            DryRunOfOneRepair(Digest(1, 1)));
    }

    [Fact]
    public void Dry_run_shows_the_repaired_name()
    {
        var diff = DryRunOfOneRepair(FrontMatter + Paper(1, 1).Replace("Ada Lovelace", "Petar Veli\u0192\u00e7kovi\u0192\u00e1", StringComparison.Ordinal));
        Assert.Contains("\n-Petar Veli\u0192\u00e7kovi\u0192\u00e1, Alan Turing\n+Petar Veli\u010dkovi\u0107, Alan Turing\n", diff, StringComparison.Ordinal);
        Assert.StartsWith("--- a/digest.md\n+++ b/digest.md\n", diff, StringComparison.Ordinal);
    }
}
