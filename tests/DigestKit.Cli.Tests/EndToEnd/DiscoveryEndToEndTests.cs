using System.Text;
using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// Which files <c>check</c> and <c>fix</c> read, through the real executable: .gitignore, node_modules, quoted
/// globs, --exclude, and files that are not plain files (FIFOs, devices, link loops, unreadable folders).
/// </summary>
public sealed class DiscoveryEndToEndTests
{
    private static readonly byte[] Clean = File.ReadAllBytes(Path.Combine(CliTestPaths.CheckDataDir, "clean.md"));

    private static readonly byte[] Broken = File.ReadAllBytes(Path.Combine(CliTestPaths.CheckDataDir, "broken.md"));

    /// <summary>The display paths a JSON check reports as checked.</summary>
    private static List<string> CheckedFiles(CliResult result)
    {
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        return json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
    }

    private static void WriteText(TempDirectory dir, string name, string text) => dir.Write(name, Encoding.UTF8.GetBytes(text));

    private static TempDirectory Repository()
    {
        var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine(".git", "info"));
        WriteText(dir, ".gitignore", "# build output\nout/\n*.tmp.md\n!keep.tmp.md\n/content/top-only.md\n");
        WriteText(dir, Path.Combine(".git", "info", "exclude"), "secret.md\n");
        WriteText(dir, Path.Combine("content", ".gitignore"), "local.md\n");
        foreach (var name in new[]
        {
            "content/a.md", "content/local.md", "content/x.tmp.md", "content/keep.tmp.md", "content/secret.md",
            "content/top-only.md", "content/sub/top-only.md", "content/sub/local.md", "out/built.md",
            "node_modules/pkg/README.md", "content/node_modules/dep/notes.md", ".hidden/h.md",
        })
        {
            dir.Write(name, Clean);
        }

        return dir;
    }

    [Fact]
    public void Folders_are_walked_with_nested_gitignore_files_and_the_repository_exclude_file_respected()
    {
        using var dir = Repository();
        Assert.Equal(["./content/a.md", "./content/keep.tmp.md", "./content/sub/top-only.md"], CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", ".")));

        // From a subfolder the .gitignore files above it, up to the repository root, still apply.
        Assert.Equal(["a.md", "keep.tmp.md", "sub/top-only.md"], CheckedFiles(CliRunner.Run(dir.Combine("content"), "check", "--format", "json", ".")).Select(p => p[2..]));
    }

    [Fact]
    public void No_ignore_reads_git_ignored_files_and_node_modules_but_not_dot_folders()
    {
        using var dir = Repository();
        var files = CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "--no-ignore", "."));
        Assert.Equal(
            [
                "./content/a.md", "./content/keep.tmp.md", "./content/local.md", "./content/node_modules/dep/notes.md",
                "./content/secret.md", "./content/sub/local.md", "./content/sub/top-only.md", "./content/top-only.md",
                "./content/x.tmp.md", "./node_modules/pkg/README.md", "./out/built.md",
            ],
            files);
    }

    [Fact]
    public void A_file_named_explicitly_is_checked_even_when_git_ignored()
    {
        using var dir = Repository();
        Assert.Equal(["out/built.md"], CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "out/built.md")));
    }

    [Fact]
    public void Quoted_globs_are_expanded_by_digestkit()
    {
        using var dir = new TempDirectory();
        dir.Write("content/a.md", Clean);
        dir.Write("content/b.markdown", Clean);
        dir.Write("content/deep/c.md", Clean);
        dir.Write("other/d.md", Clean);
        Assert.Equal(["content/a.md"], CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "content/*.md")));
        Assert.Equal(["content/a.md", "content/deep/c.md"], CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "content/**/*.md")));
        Assert.Equal(["content/b.markdown"], CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "content/*.mark?own")));
        Assert.Equal(["other/d.md", "content/a.md"], CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "*/d.md", "content/[a-b].md")));

        var missing = CliRunner.Run(dir.Path, "check", "nowhere/*.md");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Equal("digestkit: 'nowhere/*.md' matches no file: the folder 'nowhere' does not exist\n", missing.StdErr);
    }

    [Fact]
    public void Exclude_leaves_out_files_and_folders_found_or_named_and_can_be_repeated()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "content/a.md", "content/README.md", "content/drafts/b.md", "content/deep/README.md", "content/deep/c.md" })
        {
            dir.Write(name, Clean);
        }

        Assert.Equal(
            ["content/a.md", "content/deep/c.md"],
            CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "--exclude", "README.md", "-x", "content/drafts/", "content")));
        Assert.Equal(
            ["content/a.md"],
            CheckedFiles(CliRunner.Run(dir.Path, "check", "--format", "json", "--exclude=**/deep/*", "--exclude", "drafts", "content/a.md", "content/drafts/b.md", "content/deep/c.md")));

        // A folder named explicitly but excluded says so, rather than that it holds no digest.
        var excludedFolder = CliRunner.Run(dir.Path, "check", "--exclude", "drafts/", "content/drafts", "content/a.md");
        Assert.True(excludedFolder.ExitCode == 0, excludedFolder.ToString());
        Assert.Equal("digestkit: the folder 'content/drafts' is left out by --exclude\n", excludedFolder.StdErr);

        // The same selection for fix.
        var fix = CliRunner.Run(dir.Path, "fix", "--exclude", "README.md", "--exclude", "drafts/", "--exclude", "deep/", "content");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal("Fixed 0 problems in 0 files; 1 file examined.\n", fix.StdOut);
    }

    [Fact]
    public void Nothing_to_check_exits_2_for_check_and_fix()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("empty"));
        dir.Write("only/README.md", Clean);
        foreach (var args in new[] { new[] { "check", "empty" }, ["fix", "empty"], ["check", "--exclude", "README.md", "only"] })
        {
            var result = CliRunner.Run(dir.Path, args);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal(string.Empty, result.StdOut);
            Assert.Contains("digestkit: nothing to check: no digest file found", result.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_fifo_in_a_folder_is_skipped_with_a_note_and_does_not_hang_check_or_fix()
    {
        if (OperatingSystem.IsWindows()) return; // FIFOs are a Unix file type
        using var dir = new TempDirectory();
        dir.Write("d/good.md", Broken);
        MakeFifo(dir.Combine("d", "pipe.md"));

        var check = CliRunner.RunWithTimeout(dir.Path, "check", "--format", "msbuild", "d");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("d/good.md(22,13,22,17): error DK3001: ", check.StdOut, StringComparison.Ordinal);
        Assert.Equal("digestkit: skipped 'd/pipe.md': it is a FIFO (named pipe), not a regular file\n", check.StdErr);

        var fix = CliRunner.RunWithTimeout(dir.Path, "fix", "d");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("d/good.md: fixed 2 problems", fix.StdOut, StringComparison.Ordinal);

        // Named explicitly, it is refused rather than opened.
        var named = CliRunner.RunWithTimeout(dir.Path, "check", "d/good.md", "d/pipe.md");
        Assert.True(named.ExitCode == 2, named.ToString());
        Assert.Equal("digestkit: 'd/pipe.md' is a FIFO (named pipe), not a regular file: refused\n", named.StdErr);
    }

    [Fact]
    public void A_device_named_explicitly_is_refused_with_exit_2_after_the_other_files_are_reported()
    {
        if (OperatingSystem.IsWindows()) return; // /dev/zero
        using var dir = new TempDirectory();
        dir.Write("good.md", Clean);
        var result = CliRunner.RunWithTimeout(dir.Path, "check", "good.md", "/dev/zero");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("Checked 1 file: 0 errors, 0 warnings, 0 infos.\n", result.StdOut);
        Assert.Equal("digestkit: '/dev/zero' is a character device, not a regular file: refused\n", result.StdErr);
    }

    [Fact]
    public void A_symbolic_link_loop_is_not_followed_and_each_file_is_checked_once()
    {
        if (OperatingSystem.IsWindows()) return; // directory links need privileges there
        using var dir = new TempDirectory();
        dir.Write("d/post.md", Clean);
        dir.Write("target/linked.md", Broken);
        Directory.CreateSymbolicLink(dir.Combine("d", "self"), ".");
        Directory.CreateSymbolicLink(dir.Combine("d", "up"), "..");
        File.CreateSymbolicLink(dir.Combine("d", "file-link.md"), Path.Combine("..", "target", "linked.md"));

        var result = CliRunner.RunWithTimeout(dir.Path, "check", "--format", "json", "d");
        Assert.Equal(["d/file-link.md", "d/post.md"], CheckedFiles(result));
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.DoesNotContain(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "DK6001");

        // A link to a folder named explicitly is walked (it is what the user asked for).
        Assert.Equal(["d/self/file-link.md", "d/self/post.md"], CheckedFiles(CliRunner.RunWithTimeout(dir.Path, "check", "--format", "json", "d/self")));
    }

    [Fact]
    public void An_unreadable_folder_is_reported_and_the_rest_is_still_checked()
    {
        if (OperatingSystem.IsWindows()) return; // folder permissions are Unix modes
        using var dir = new TempDirectory();
        dir.Write("a.md", Broken);
        dir.Write("locked/b.md", Clean);
        dir.Write("z/c.md", Broken);
        File.SetUnixFileMode(dir.Combine("locked"), UnixFileMode.None);

        // Root reads any folder whatever its mode: then the check runs as the unprivileged 'nobody' instead,
        // so the test proves the behaviour rather than passing without the folder ever being unreadable.
        var asRoot = Environment.UserName == "root";
        if (asRoot && !File.Exists("/usr/bin/setpriv"))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "running as root in CI: setpriv (util-linux) is needed to drop privileges");
            return;
        }

        var result = asRoot
            ? CliRunner.RunVia("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups"], dir.Path, null, "check", "--format", "msbuild", ".")
            : CliRunner.Run(dir.Path, "check", "--format", "msbuild", ".");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("./a.md(22,13,22,17): error DK3001: ", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("./z/c.md(22,13,22,17): error DK3001: ", result.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("digestkit: cannot list the folder './locked': ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_64_MB_is_refused_with_a_clear_error_and_the_others_are_checked()
    {
        using var dir = new TempDirectory();
        dir.Write("good.md", Clean);
        using (var big = File.Create(dir.Combine("big.md")))
        {
            big.SetLength(64L * 1024 * 1024 + 1); // sparse: no 64 MB written to disk
        }

        var result = CliRunner.Run(dir.Path, "check", ".");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("Checked 1 file: 0 errors, 0 warnings, 0 infos.\n", result.StdOut);
        Assert.Equal("digestkit: cannot read './big.md': it is larger than 64 MB, the limit for a digest (64.0 MB)\n", result.StdErr);
    }

    private static void MakeFifo(string path)
    {
        var made = DigestKit.Tests.DotnetCommand.Run("mkfifo", Path.GetDirectoryName(path)!, new Dictionary<string, string?>(), path);
        Assert.True(made.ExitCode == 0, made.ToString());
    }
}
