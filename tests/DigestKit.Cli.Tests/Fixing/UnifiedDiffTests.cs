using DigestKit.Cli.Fixing;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Fixing;

public sealed class UnifiedDiffTests
{
    private static string Lines(int from, int to, Func<int, string>? line = null) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => (line?.Invoke(i) ?? $"line {i}") + "\n"));

    [Fact]
    public void Identical_texts_give_no_diff() =>
        Assert.Equal(string.Empty, UnifiedDiff.Create("a", "b", Lines(1, 10), Lines(1, 10)));

    [Fact]
    public void One_changed_line_gets_three_lines_of_context()
    {
        var old = Lines(1, 10);
        var @new = old.Replace("line 5\n", "line five\n", StringComparison.Ordinal);
        Assert.Equal(
            "--- f.md\n+++ f.md\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n",
            UnifiedDiff.Create("f.md", "f.md", old, @new));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_near_ones_merge()
    {
        var old = Lines(1, 30);
        var @new = old.Replace("line 2\n", "LINE 2\n", StringComparison.Ordinal)
            .Replace("line 20\n", "LINE 20\n", StringComparison.Ordinal)
            .Replace("line 25\n", "LINE 25\n", StringComparison.Ordinal);
        var diff = UnifiedDiff.Create("f", "f", old, @new);
        var hunks = diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -17,12 +17,12 @@"], hunks);
    }

    [Fact]
    public void Insertions_deletions_and_a_missing_final_newline_are_marked()
    {
        var old = "a\nb\nc\nd";
        var @new = "a\nc\nx\nd";
        Assert.Equal(
            "--- f\n+++ f\n@@ -1,4 +1,4 @@\n a\n-b\n c\n+x\n d\n\\ No newline at end of file\n",
            UnifiedDiff.Create("f", "f", old, @new));
    }

    [Fact]
    public void Crlf_lines_keep_their_cr_so_the_patch_applies_to_the_file_as_it_is()
    {
        var old = "one\r\ntwo\r\nthree\r\n";
        var @new = "one\r\n2\r\nthree\r\n";
        Assert.Equal("--- f\n+++ f\n@@ -1,3 +1,3 @@\n one\r\n-two\r\n+2\r\n three\r\n", UnifiedDiff.Create("f", "f", old, @new));
    }

    [Fact]
    public void Diff_of_a_long_file_with_many_changes_reconstructs_the_new_text()
    {
        var old = Lines(1, 3000);
        var @new = Lines(1, 3000, i => i % 97 == 0 ? $"changed {i}" : $"line {i}");
        var diff = UnifiedDiff.Create("f", "f", old, @new);
        Assert.Equal(@new, TestPatch.Apply(old, diff));
    }
}
