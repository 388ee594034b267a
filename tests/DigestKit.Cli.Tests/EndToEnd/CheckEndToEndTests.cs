using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real <c>digestkit</c> executable over the test digests, run from TestData/ with relative paths so the
/// output is the same on every machine. Goldens hold the real engine's verdicts on TestData/check/.
/// </summary>
public sealed class CheckEndToEndTests
{
    private static string Data => CliTestPaths.TestDataDir;

    [Theory]
    [InlineData("human", "check.human.txt")]
    [InlineData("msbuild", "check.msbuild.txt")]
    [InlineData("json", "check.json")]
    public void Check_output_of_the_test_digests_matches_golden_file(string format, string golden)
    {
        var result = CliRunner.Run(Data, "check", "--format", format, "check");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.StdErr);
        Golden.AssertMatches(CliTestPaths.GoldenDir, Path.Combine("e2e", golden), result.StdOut);
    }

    /// <summary>
    /// SARIF paths are relative to the repository root, so the golden run is in a repository of its own (the
    /// test digests' place in this repository is no concern of the output), and the root's URI is the one
    /// machine-specific value.
    /// </summary>
    [Fact]
    public void Sarif_output_is_relative_to_the_repository_root_from_any_folder_and_matches_golden_file()
    {
        using var repo = new TempDirectory();
        Directory.CreateDirectory(repo.Combine(".git"));
        foreach (var file in Directory.GetFiles(CliTestPaths.CheckDataDir))
        {
            repo.CopyIn(file, Path.Combine("check", Path.GetFileName(file)));
        }

        var fromRoot = CliRunner.Run(repo.Path, "check", "--format", "sarif", "check");
        Assert.True(fromRoot.ExitCode == 1, fromRoot.ToString());
        Assert.Equal(string.Empty, fromRoot.StdErr);
        var rootUri = new Uri(repo.Path + "/").AbsoluteUri;
        Assert.Contains($"\"uri\": \"{rootUri}\"", fromRoot.StdOut, StringComparison.Ordinal);
        Golden.AssertMatches(CliTestPaths.GoldenDir, Path.Combine("e2e", "check.sarif.json"), fromRoot.StdOut.Replace(rootUri, "file:///repository/", StringComparison.Ordinal));

        // From a subfolder, with the paths typed from there: the same locations and fingerprints.
        var fromSubfolder = CliRunner.Run(repo.Combine("check"), "check", "--format", "sarif", ".");
        Assert.True(fromSubfolder.ExitCode == 1, fromSubfolder.ToString());
        static IEnumerable<string> Identities(string sarif)
        {
            using var json = JsonDocument.Parse(sarif);
            return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations").GetRawText() + r.GetProperty("partialFingerprints").GetRawText())
                .ToList();
        }

        Assert.Equal(Identities(fromRoot.StdOut), Identities(fromSubfolder.StdOut));
        Assert.Contains("\"uri\": \"check/broken.md\"", fromSubfolder.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_output_annotates_paths_from_the_repository_root_and_matches_golden_file()
    {
        using var repo = new TempDirectory();
        Directory.CreateDirectory(repo.Combine(".git"));
        foreach (var file in Directory.GetFiles(CliTestPaths.CheckDataDir))
        {
            repo.CopyIn(file, Path.Combine("content", "check", Path.GetFileName(file)));
        }

        var result = CliRunner.Run(repo.Combine("content"), "check", "--format", "github", "check");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.StdErr);
        Assert.StartsWith("::warning file=content/check/broken.md,line=6,col=7,endLine=6,endColumn=30,title=DK1008::", result.StdOut, StringComparison.Ordinal);
        Golden.AssertMatches(CliTestPaths.GoldenDir, Path.Combine("e2e", "check.github.txt"), result.StdOut);
    }

    [Fact]
    public void Clean_digest_exits_0_with_a_summary_and_no_colour_when_redirected()
    {
        var result = CliRunner.Run(Data, "check", "check/clean.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Checked 1 file: 0 errors, 0 warnings, 0 infos.\n", result.StdOut);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Every_defect_of_every_file_is_reported_and_errors_exit_1()
    {
        var result = CliRunner.Run(Data, "check", "--format", "json", "check/broken.md", "check/renumber.md");
        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var ids = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => d.GetProperty("path").GetString() + " " + d.GetProperty("id").GetString()).ToList();
        Assert.Contains("check/broken.md DK3001", ids);
        Assert.Contains("check/broken.md DK4002", ids);
        Assert.Contains("check/broken.md DK2003", ids);
        Assert.Contains("check/renumber.md DK2003", ids);
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void Warnings_exit_0_unless_warnaserror()
    {
        var plain = CliRunner.Run(Data, "check", "--format", "msbuild", "check/renumber.md");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("check/renumber.md(32,3,32,4): warning DK2003: ", plain.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(": error ", plain.StdOut, StringComparison.Ordinal);

        var strict = CliRunner.Run(Data, "check", "--format", "msbuild", "--warnaserror", "check/renumber.md");
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Equal(plain.StdOut, strict.StdOut);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var dir = new TempDirectory();
        var target = dir.Combine("report.sarif");
        var toFile = CliRunner.Run(Data, "check", "--format", "sarif", "--output", target, "check");
        Assert.True(toFile.ExitCode == 1, toFile.ToString());
        Assert.Equal(string.Empty, toFile.StdOut);
        var toStdout = CliRunner.Run(Data, "check", "--format", "sarif", "check");
        Assert.Equal(toStdout.StdOut, File.ReadAllText(target));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void Colour_is_used_only_when_asked_or_on_a_terminal_and_NO_COLOR_wins_over_auto()
    {
        var forced = CliRunner.Run(Data, "check", "--color", "check/broken.md");
        Assert.Contains("\u001b[", forced.StdOut, StringComparison.Ordinal);
        var noColor = CliRunner.Run(Data, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "check", "check/broken.md");
        Assert.DoesNotContain("\u001b[", noColor.StdOut, StringComparison.Ordinal);
        Assert.Equal(noColor.StdOut, System.Text.RegularExpressions.Regex.Replace(forced.StdOut, "\u001b\\[[0-9;]*m", string.Empty));
    }

    [Theory]
    [InlineData("'check/missing' does not exist", "check", "check/missing")]
    [InlineData("unknown option '--bogus' for 'check'", "check", "--bogus", "check")]
    [InlineData("unknown format 'xml'", "check", "--format", "xml", "check")]
    [InlineData("'check' needs at least one file or folder", "check")]
    [InlineData("unknown command 'lint'", "lint", "check")]
    [InlineData("missing command")]
    [InlineData("unknown option '--bogus' for 'fix'", "fix", "--bogus", "check")]
    public void Usage_problems_exit_2_with_one_clear_line_and_no_stack_trace(string message, params string[] args)
    {
        var result = CliRunner.Run(Data, args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("digestkit: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_exits_2_after_checking_the_others()
    {
        if (OperatingSystem.IsWindows()) return; // a dangling symbolic link needs no privilege on Unix only
        using var dir = new TempDirectory();
        dir.CopyIn(Path.Combine(Data, "check", "broken.md"));
        File.CreateSymbolicLink(dir.Combine("dangling.md"), dir.Combine("nowhere.md"));
        var result = CliRunner.Run(dir.Path, "check", "--format", "msbuild", ".");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("DK3001", result.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("digestkit: cannot read './dangling.md'", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_digests_exits_2_saying_there_is_nothing_to_check()
    {
        // The seeds are .txt files: a folder contributes *.md only, named files are taken whatever their extension.
        // Checking nothing is a mistake (a wrong folder, an exclude that leaves nothing), never a green run.
        var result = CliRunner.Run(Data, "check", TestPaths.SeedsDir);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Equal(
            $"digestkit: no *.md files in the folder '{TestPaths.SeedsDir}'\n" +
            "digestkit: nothing to check: no digest file found (folders contribute *.md files; git-ignored files and node_modules are left out unless --no-ignore)\n",
            result.StdErr);
    }

    [Theory]
    [InlineData("digestkit_diagnostic.DK2003.severity = error", "check/renumber.md(32,3,32,4): error DK2003: ", 1)]
    [InlineData("dotnet_analyzer_diagnostic.category-DigestKit.Structure.severity = error", "check/renumber.md(32,3,32,4): error DK2003: ", 1)]
    [InlineData("dotnet_analyzer_diagnostic.severity = suggestion", "check/renumber.md(32,3,32,4): info DK2003: ", 0)]
    [InlineData("digestkit_diagnostic.DK2003.severity = none", null, 0)]
    [InlineData("digestkit_diagnostic.DK2003.severity = silent", null, 0)]
    [InlineData("digestkit_diagnostic.DK2003.severity = default\ndotnet_analyzer_diagnostic.severity = error", "check/renumber.md(32,3,32,4): error DK2003: ", 1)]
    // The compiler strips dotnet_diagnostic.* from what analyzers see for AdditionalFiles: the build ignores it here.
    [InlineData("dotnet_diagnostic.DK2003.severity = error", "check/renumber.md(32,3,32,4): warning DK2003: ", 0)]
    public void Severities_configured_in_editorconfig_apply_as_in_the_build(string setting, string? expected, int exitCode)
    {
        using var dir = new TempDirectory();
        dir.CopyIn(Path.Combine(Data, "check", "renumber.md"), "check/renumber.md");
        dir.Write(".editorconfig", System.Text.Encoding.UTF8.GetBytes("root = true\n\n[*.md]\n" + setting + "\n"));
        var result = CliRunner.Run(dir.Path, "check", "--format", "msbuild", "check/renumber.md");
        Assert.True(result.ExitCode == exitCode, result.ToString());
        if (expected is null)
        {
            Assert.Equal(string.Empty, result.StdOut);
        }
        else
        {
            Assert.StartsWith(expected, result.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_and_help()
    {
        var version = CliRunner.Run(Data, "--version");
        Assert.Equal((0, $"digestkit {ToolInfo.Version}\n"), (version.ExitCode, version.StdOut));
        var help = CliRunner.Run(Data, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("digestkit check [options] <file-or-folder>...", help.StdOut, StringComparison.Ordinal);
        Assert.Contains("--dry-run", help.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_sample_is_checked_in_one_run()
    {
        var result = CliRunner.Run(Data, "check", "--format", "json", TestPaths.CorpusDir, TestPaths.CleanSeed, TestPaths.MisEncodedSeed);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(TestPaths.AllSampleFiles.Count, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.DoesNotContain(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "DK9001");
    }
}
