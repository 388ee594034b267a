using System.Security.Cryptography;
using DigestKit.Cli.Fixing;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Fixing;

/// <summary><see cref="AtomicFile.Replace"/>: the re-read before the replacement, on both of its paths.</summary>
public sealed class AtomicFileReplaceTests
{
    private static readonly byte[] Original = "original content\n"u8.ToArray();
    private static readonly byte[] Replacement = "new content\n"u8.ToArray();
    private static readonly byte[] OriginalHash = SHA256.HashData(Original);

    [Fact]
    public void An_unchanged_file_is_replaced_and_no_temporary_file_is_left()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        AtomicFile.Replace(path, Replacement, OriginalHash);
        Assert.Equal(Replacement, File.ReadAllBytes(path));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_file_whose_content_differs_from_the_planned_hash_is_not_touched()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        var ex = Assert.Throws<FileChangedException>(() => AtomicFile.Replace(path, Replacement, SHA256.HashData("other"u8.ToArray())));
        Assert.Equal("it changed after it was read; left as it is, run fix again", ex.Message);
        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_hard_linked_file_changed_at_the_last_moment_is_not_touched()
    {
        if (!OperatingSystem.IsLinux()) return; // link counts come from statx
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        var result = DigestKit.Tests.DotnetCommand.Run("ln", dir.Path, new Dictionary<string, string?>(), "a.md", "b.md");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2u, UnixFileStatus.TryGet(path)!.Value.LinkCount);

        Assert.Throws<FileChangedException>(() => AtomicFile.Replace(path, Replacement, OriginalHash, _ => File.AppendAllText(path, "more\n")));
        Assert.Equal("original content\nmore\n", File.ReadAllText(dir.Combine("b.md")));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_dangling_symbolic_link_is_not_turned_into_a_file()
    {
        using var dir = new TempDirectory();
        var link = dir.Combine("a.md");
        File.CreateSymbolicLink(link, "gone.md");
        var ex = Assert.Throws<FileChangedException>(() => AtomicFile.Replace(link, Replacement, OriginalHash));
        Assert.Equal("it was deleted after it was read; not re-created", ex.Message);
        Assert.False(File.Exists(dir.Combine("gone.md")));
        Assert.Equal("gone.md", new FileInfo(link).LinkTarget);
    }
}
