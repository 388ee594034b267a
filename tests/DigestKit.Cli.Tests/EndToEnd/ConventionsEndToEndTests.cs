using System.Text;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// The conventions of linters the CLI follows, through the real executable: <c>-</c> for the standard input,
/// <c>--quiet</c>, FORCE_COLOR, and a <c>fix --dry-run</c> diff that <c>git apply</c> takes from the repository root.
/// </summary>
public sealed class ConventionsEndToEndTests
{
    private static string CheckData(string name) => Path.Combine(CliTestPaths.CheckDataDir, name);

    private static string Data => CliTestPaths.TestDataDir;

    [Fact]
    public void Dash_reads_one_digest_from_stdin_reported_as_stdin()
    {
        if (OperatingSystem.IsWindows()) return; // the test feeds stdin through sh
        var result = CliRunner.RunWithStdin(Data, CheckData("broken.md"), "check", "--format", "msbuild", "-");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("<stdin>(22,13,22,17): error DK3001: The retweets count '-208' is not a whole number of 0 or more; write one such as 12", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Stdin_path_names_the_digest_in_messages_and_picks_its_editorconfig_section()
    {
        if (OperatingSystem.IsWindows()) return; // the test feeds stdin through sh
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", Encoding.UTF8.GetBytes("root = true\n\n[content/**.md]\ndigestkit_diagnostic.DK3001.severity = warning\n"));
        var input = dir.CopyIn(CheckData("broken.md"), "piped.txt");

        var configured = CliRunner.RunWithStdin(dir.Path, input, "check", "--format", "msbuild", "--stdin-path", "content/x.md", "-");
        Assert.Contains("content/x.md(22,13,22,17): warning DK3001: ", configured.StdOut, StringComparison.Ordinal);

        var elsewhere = CliRunner.RunWithStdin(dir.Path, input, "check", "--format", "msbuild", "--stdin-path", "other/x.md", "-");
        Assert.Contains("other/x.md(22,13,22,17): error DK3001: ", elsewhere.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_is_checked_with_the_named_files_across_files_too()
    {
        if (OperatingSystem.IsWindows()) return; // the test feeds stdin through sh
        var result = CliRunner.RunWithStdin(Data, CheckData("clean.md"), "check", "--format", "msbuild", "check/clean.md", "-");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("check/clean.md(6,7,6,30): error DK6001: Slug 'hot-papers-2021-06-21' is also used by <stdin>; give each digest its own slug\n", result.StdOut);
    }

    [Theory]
    [InlineData("'fix' rewrites files in place and cannot read the standard input: name the file", "fix", "-")]
    [InlineData("'--stdin-path' names the digest read from '-', and no '-' was given", "check", "--stdin-path", "x.md", "check/clean.md")]
    [InlineData("'-' (the standard input) can be named only once", "check", "-", "-")]
    [InlineData("unknown option '--quiet' for 'fix'", "fix", "--quiet", "check")]
    [InlineData("option '--exclude' needs a value", "check", "check", "--exclude")]
    public void Stdin_and_selection_usage_errors_exit_2(string message, params string[] args)
    {
        var result = CliRunner.Run(Data, args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Equal($"digestkit: {message}", result.StdErr.Split('\n')[0].Split(" (see ")[0]);
    }

    [Fact]
    public void Quiet_shows_errors_only_and_nothing_at_all_for_a_clean_run()
    {
        var full = CliRunner.Run(Data, "check", "--format", "msbuild", "check/broken.md");
        Assert.Contains(": warning DK2003: ", full.StdOut, StringComparison.Ordinal);

        var quiet = CliRunner.Run(Data, "check", "--format", "msbuild", "--quiet", "check/broken.md");
        Assert.True(quiet.ExitCode == 1, quiet.ToString());
        var lines = quiet.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(full.StdOut.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)), lines);
        Assert.Equal(2, lines.Length);

        var human = CliRunner.Run(Data, "check", "-q", "check/broken.md");
        Assert.EndsWith("Checked 1 file: 2 errors, 0 warnings, 0 infos; 1 can be repaired by 'digestkit fix'.\n", human.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(" warning ", human.StdOut, StringComparison.Ordinal);

        // Warnings that fail the run (--warnaserror) are shown: quiet never hides why the exit code is 1.
        var strict = CliRunner.Run(Data, "check", "--format", "msbuild", "-q", "--warnaserror", "check/renumber.md");
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.StartsWith("check/renumber.md(32,3,32,4): warning DK2003: ", strict.StdOut, StringComparison.Ordinal);

        // A clean run prints nothing, notes included.
        var clean = CliRunner.Run(Data, "check", "--quiet", "check/clean.md", TestPaths.SeedsDir);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(string.Empty, clean.StdOut);
        Assert.Equal(string.Empty, clean.StdErr);
    }

    [Theory]
    [InlineData(true, "FORCE_COLOR", "1")]
    [InlineData(true, "FORCE_COLOR", "")]
    [InlineData(true, "FORCE_COLOR", "3", "NO_COLOR", "1")]
    [InlineData(false, "FORCE_COLOR", "0")]
    [InlineData(false, "FORCE_COLOR", "false")]
    [InlineData(false, "FORCE_COLOR", "1", "--no-color")]
    [InlineData(false, "NO_COLOR", "1", "--color=auto")]
    [InlineData(true, "NO_COLOR", "1", "--color")]
    public void FORCE_COLOR_turns_colour_on_when_redirected_and_the_flags_win_over_the_environment(bool coloured, string variable, string value, params string[] more)
    {
        var environment = new Dictionary<string, string?> { [variable] = value };
        var flags = new List<string>();
        for (var i = 0; i < more.Length; i++)
        {
            if (more[i].StartsWith("--", StringComparison.Ordinal))
            {
                flags.Add(more[i]);
            }
            else
            {
                environment[more[i]] = more[++i];
            }
        }

        var result = CliRunner.Run(Data, environment, ["check", .. flags, "check/broken.md"]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(coloured, result.StdOut.Contains('\u001b'));
    }

    [Fact]
    public void Dry_run_diff_applies_with_git_apply_from_the_repository_root_and_exits_1_while_repairs_are_pending()
    {
        using var dir = new TempDirectory();
        Git(dir.Path, "init", "-q", ".");
        dir.CopyIn(CheckData("renumber.md"), "content/renumber.md");
        dir.CopyIn(TestPaths.MisEncodedSeed, "content/sub/seed.md");
        dir.CopyIn(CheckData("clean.md"), "content/clean.md");
        Git(dir.Path, "add", "-A");

        var dryRun = CliRunner.Run(dir.Path, "fix", "--dry-run", "content");
        Assert.True(dryRun.ExitCode == 1, dryRun.ToString());
        Assert.StartsWith("--- a/content/renumber.md\n+++ b/content/renumber.md\n@@ ", dryRun.StdOut, StringComparison.Ordinal);
        Assert.Contains("\n--- a/content/sub/seed.md\n+++ b/content/sub/seed.md\n@@ ", dryRun.StdOut, StringComparison.Ordinal);
        var patch = dir.Write("fixes.patch", Encoding.UTF8.GetBytes(dryRun.StdOut));
        Git(dir.Path, "apply", "--check", patch);
        Git(dir.Path, "apply", patch);
        var applied = new[] { "content/renumber.md", "content/sub/seed.md" }.Select(f => File.ReadAllBytes(dir.Combine(f))).ToList();

        // git apply gave byte for byte what fix writes, and then there is nothing left to repair: exit 0.
        Git(dir.Path, "checkout", "-q", "--", "content");
        var fix = CliRunner.Run(dir.Path, "fix", "content");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal(applied, new[] { "content/renumber.md", "content/sub/seed.md" }.Select(f => File.ReadAllBytes(dir.Combine(f))));
        var again = CliRunner.Run(dir.Path, "fix", "--dry-run", "content");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(string.Empty, again.StdOut);
    }

    private static void Git(string workingDirectory, params string[] args)
    {
        var result = DotnetCommand.Run("git", workingDirectory, new Dictionary<string, string?>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.com",
            ["GIT_COMMITTER_NAME"] = "test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.com",
        }, args);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
