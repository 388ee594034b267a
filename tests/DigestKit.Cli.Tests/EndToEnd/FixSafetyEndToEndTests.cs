using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// <c>fix</c> never loses a byte it did not mean to change (issue 13): files changed or deleted while it runs,
/// symbolic and hard links, mode and owner. Through the real executable; the "changed meanwhile" cases use the
/// DIGESTKIT_TEST_FIX_BEFORE_REPLACE hook (FixTestHook), which acts after the plan, just before the re-read.
/// </summary>
public sealed class FixSafetyEndToEndTests
{
    private const string Hook = "DIGESTKIT_TEST_FIX_BEFORE_REPLACE";

    private static string CheckData(string name) => Path.Combine(CliTestPaths.CheckDataDir, name);

    private static string Clean => File.ReadAllText(CheckData("clean.md"));

    /// <summary><c>stat -c FORMAT</c> of a path (links followed with <c>-L</c>): inode, owner, link count.</summary>
    private static string Stat(string format, string path)
    {
        var result = DotnetCommand.Run("stat", Path.GetDirectoryName(path)!, new Dictionary<string, string?>(), "-L", "-c", format, path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StdOut.Trim();
    }

    private static void Run(string program, string workingDirectory, params string[] args)
    {
        var result = DotnetCommand.Run(program, workingDirectory, new Dictionary<string, string?>(), args);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void A_file_changed_between_plan_and_replace_is_skipped_with_exit_2_and_keeps_every_byte()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var before = File.ReadAllText(path);
        var result = CliRunner.Run(dir.Path, new Dictionary<string, string?> { [Hook] = "append:a line added meanwhile\n" }, "fix", "renumber.md");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("digestkit: 'renumber.md' skipped: it changed after it was read; left as it is, run fix again\n", result.StdErr);
        Assert.Contains("Fixed 0 problems in 0 files; 1 file examined.", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(before + "a line added meanwhile\n", File.ReadAllText(path));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_hard_linked_file_changed_meanwhile_is_skipped_too()
    {
        if (OperatingSystem.IsWindows()) return; // ln
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var before = File.ReadAllText(path);
        Run("ln", dir.Path, "renumber.md", "other.md");
        var result = CliRunner.Run(dir.Path, new Dictionary<string, string?> { [Hook] = "append:x" }, "fix", "renumber.md");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("digestkit: 'renumber.md' skipped: it changed after it was read", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(before + "x", File.ReadAllText(dir.Combine("other.md")));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_file_deleted_between_plan_and_replace_is_not_re_created()
    {
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var other = dir.CopyIn(CheckData("renumber.md"), "other/renumber.md");
        var result = CliRunner.Run(dir.Path, new Dictionary<string, string?> { [Hook] = "delete" }, "fix", "renumber.md");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("digestkit: 'renumber.md' skipped: it was deleted after it was read; not re-created\n", result.StdErr);
        Assert.False(File.Exists(path));
        Assert.Equal([other], Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_symbolic_link_is_written_through_to_its_target_and_stays_a_link()
    {
        using var dir = new TempDirectory();
        var target = dir.CopyIn(CheckData("renumber.md"), "elsewhere/real.md");
        var link = dir.Combine("linked.md");
        File.CreateSymbolicLink(link, Path.Combine("elsewhere", "real.md"));

        var result = CliRunner.Run(dir.Path, "fix", "linked.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("linked.md: fixed 1 problem", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(Clean, File.ReadAllText(target));
        Assert.Equal(Path.Combine("elsewhere", "real.md"), new FileInfo(link).LinkTarget);
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_link_and_its_target_in_one_run_are_fixed_once()
    {
        using var dir = new TempDirectory();
        var target = dir.CopyIn(CheckData("renumber.md"), "posts/a.md");
        File.CreateSymbolicLink(dir.Combine("posts", "b.md"), "a.md");

        var result = CliRunner.Run(dir.Path, "fix", "posts");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Fixed 1 problem in 1 file; 2 files examined.", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("digestkit: 'posts/b.md' is the same file as 'posts/a.md', already fixed\n", result.StdErr.Replace('\\', '/'));
        Assert.Equal(Clean, File.ReadAllText(target));
        Assert.Equal("a.md", new FileInfo(dir.Combine("posts", "b.md")).LinkTarget);
    }

    [Fact]
    public void A_hard_link_is_kept_same_inode_and_both_names_see_the_fix()
    {
        if (OperatingSystem.IsWindows()) return; // ln, stat
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var other = dir.Combine("other.md");
        Run("ln", dir.Path, "renumber.md", "other.md");
        var inode = Stat("%i", path);
        Assert.Equal("2", Stat("%h", path));

        var result = CliRunner.Run(dir.Path, "fix", "renumber.md", "other.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Fixed 1 problem in 1 file; 2 files examined.", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("digestkit: 'other.md' is the same file as 'renumber.md', already fixed\n", result.StdErr);
        Assert.Equal(inode, Stat("%i", path));
        Assert.Equal(inode, Stat("%i", other));
        Assert.Equal("2", Stat("%h", path));
        Assert.Equal(Clean, File.ReadAllText(path));
        Assert.Equal(Clean, File.ReadAllText(other));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void Mode_0640_is_kept()
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        var result = CliRunner.Run(dir.Path, "fix", "renumber.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Clean, File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal("640", Stat("%a", path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Owner_and_group_are_kept_when_run_as_root(bool hardLinked)
    {
        // Only root can give a file away; .ci/run runs the tests as root, so there this always runs.
        if (OperatingSystem.IsWindows() || Environment.UserName != "root") return;
        using var dir = new TempDirectory();
        var path = dir.CopyIn(CheckData("renumber.md"));
        if (hardLinked)
        {
            Run("ln", dir.Path, "renumber.md", "other.md");
        }

        Run("chown", dir.Path, "65534:65534", "renumber.md");
        var result = CliRunner.Run(dir.Path, "fix", "renumber.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Clean, File.ReadAllText(path));
        Assert.Equal("65534:65534", Stat("%u:%g", path));
    }
}
