using System.Text;
using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary><c>digestkit fix</c> through the real executable, always on copies in a temporary folder.</summary>
public sealed class FixEndToEndTests
{
    private static string CheckData(string name) => Path.Combine(CliTestPaths.CheckDataDir, name);

    private static byte[] Bytes(string text, bool bom, bool crlf)
    {
        var body = Encoding.UTF8.GetBytes(crlf ? text.ReplaceLineEndings("\r\n") : text.ReplaceLineEndings("\n"));
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    [Fact]
    public void Fix_renumbers_in_place_and_reports_the_change()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var result = CliRunner.Run(dir.Path, "fix", "renumber.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllText(CheckData("clean.md")), File.ReadAllText(path));
        Assert.Contains("renumber.md: fixed 1 problem", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("  32:3 DK2003 '3' -> '2'", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(dir.TempLeftovers());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Fix_keeps_the_bom_and_the_line_endings_byte_for_byte(bool bom, bool crlf)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("digest.md", Bytes(File.ReadAllText(CheckData("renumber.md")), bom, crlf));
        var result = CliRunner.Run(dir.Path, "fix", "digest.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Bytes(File.ReadAllText(CheckData("clean.md")), bom, crlf), File.ReadAllBytes(path));
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var before = File.ReadAllBytes(path);
        var result = CliRunner.Run(dir.Path, "fix", "--dry-run", "renumber.md");

        // Repairs pending: exit 1, as the --check modes of formatters do.
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            "--- a/renumber.md\n+++ b/renumber.md\n@@ -29,7 +29,7 @@\n \n \n \n-# 3. Graph Attention Networks for Everyone\n+# 2. Graph Attention Networks for Everyone\n \n Petar Veličković, Guillem Cucurull, Arantxa Casanova\n \n",
            result.StdOut);
        Assert.Contains("renumber.md: would fix 1 problem", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void Dry_run_diff_applied_to_the_file_gives_exactly_what_fix_writes()
    {
        // The mis-encoded seed saved with a BOM and CRLF: the diff's lines keep their CR, so it applies as is.
        using var dir = new TempDirectory();
        var original = File.ReadAllText(TestPaths.MisEncodedSeed);
        var path = dir.Write("seed.md", Bytes(original, bom: true, crlf: true));
        var dryRun = CliRunner.Run(dir.Path, "fix", "--dry-run", "seed.md");
        Assert.True(dryRun.ExitCode == 1, dryRun.ToString());
        Assert.StartsWith("--- a/seed.md\n+++ b/seed.md\n@@ ", dryRun.StdOut, StringComparison.Ordinal);
        var patched = TestPatch.Apply(original.ReplaceLineEndings("\r\n"), dryRun.StdOut);

        var fix = CliRunner.Run(dir.Path, "fix", "seed.md");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        var written = File.ReadAllBytes(path);
        Assert.Equal(Bytes(patched, bom: true, crlf: true), written);
        Assert.NotEqual(original.ReplaceLineEndings("\r\n"), patched);
    }

    [Fact]
    public void A_failed_write_exits_non_zero_and_leaves_the_file_intact_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var other = dir.CopyIn(CheckData("renumber.md"), "writable/renumber.md");
        var before = File.ReadAllBytes(path);
        new FileInfo(path).IsReadOnly = true;
        var result = CliRunner.Run(dir.Path, "fix", "renumber.md", "writable");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("digestkit: cannot write 'renumber.md', left unchanged: ", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(dir.TempLeftovers());

        // The other file is still fixed: one failure does not stop the run.
        Assert.Equal(File.ReadAllText(CheckData("clean.md")), File.ReadAllText(other));
    }

    [Fact]
    public void A_failed_write_in_a_read_only_folder_leaves_the_folder_as_it_was()
    {
        if (OperatingSystem.IsWindows()) return; // folder permissions are Unix modes
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"), "locked/renumber.md");
        var before = File.ReadAllBytes(path);
        var locked = Path.GetDirectoryName(path)!;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var result = CliRunner.Run(dir.Path, "fix", "locked");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["renumber.md"], Directory.GetFiles(locked).Select(Path.GetFileName));
    }

    [Fact]
    public void Fixing_the_mis_encoded_seed_restores_the_names_and_rechecks_without_DK5001()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(TestPaths.MisEncodedSeed, "seed.md");
        var original = File.ReadAllText(path);
        Assert.DoesNotContain("Petar Veličković", original, StringComparison.Ordinal);

        var result = CliRunner.Run(dir.Path, "fix", "seed.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        var repaired = File.ReadAllText(path);
        Assert.Contains("Petar Veličković", repaired, StringComparison.Ordinal);
        Assert.Contains("DK5001", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(original.Split('\n').Length, repaired.Split('\n').Length);

        // Names and emoji alike, the Apple-logo sequences included (Mac OS Roman 0xF0 is U+F8FF).
        foreach (var expected in new[] { "Michal Rolínek", "Vít Musil", "Tomáš Gonda", "💻⛈️", "👇", "🎤", "’" })
        {
            Assert.Contains(expected, repaired, StringComparison.Ordinal);
        }

        Assert.DoesNotContain('\uF8FF', repaired);

        var check = CliRunner.Run(dir.Path, "check", "--format", "json", "seed.md");
        using var json = JsonDocument.Parse(check.StdOut);
        Assert.DoesNotContain(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() is "DK5001" or "DK5002");

        // A second fix finds nothing left to do.
        var again = CliRunner.Run(dir.Path, "fix", "seed.md");
        Assert.Contains("Fixed 0 problems in 0 files", again.StdOut, StringComparison.Ordinal);
        Assert.Equal(repaired, File.ReadAllText(path));
    }

    [Fact]
    public void A_clean_folder_is_left_untouched()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("clean.md"));
        var stamp = File.GetLastWriteTimeUtc(path);
        var result = CliRunner.Run(dir.Path, "fix", ".");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Fixed 0 problems in 0 files; 1 file examined.\n", result.StdOut);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_file_that_is_not_valid_utf8_is_not_rewritten()
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(CheckData("renumber.md")).Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();
        var path = dir.Write("bad.md", bytes);
        var result = CliRunner.Run(dir.Path, "fix", "bad.md");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'bad.md' is not valid UTF-8; left unchanged", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }
}
