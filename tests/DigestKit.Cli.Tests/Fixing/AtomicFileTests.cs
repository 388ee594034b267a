using DigestKit.Cli.Fixing;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Fixing;

public sealed class AtomicFileTests
{
    private static readonly byte[] Original = "original content\n"u8.ToArray();
    private static readonly byte[] Replacement = "new content\n"u8.ToArray();

    [Fact]
    public void Write_replaces_the_content_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        AtomicFile.Write(path, Replacement);
        Assert.Equal(Replacement, File.ReadAllBytes(path));
        Assert.Empty(dir.TempLeftovers());
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_failure_just_before_the_rename_leaves_the_original_intact_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        string? seenTemp = null;
        var ex = Assert.Throws<IOException>(() => AtomicFile.Write(path, Replacement, temp =>
        {
            seenTemp = temp;
            Assert.Equal(Replacement, File.ReadAllBytes(temp));
            throw new IOException("disk pulled out");
        }));
        Assert.Equal("disk pulled out", ex.Message);
        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.NotNull(seenTemp);
        Assert.Equal(dir.Path, Path.GetDirectoryName(seenTemp));
        Assert.False(File.Exists(seenTemp));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_read_only_file_is_refused_and_left_intact()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        new FileInfo(path).IsReadOnly = true;
        Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.Write(path, Replacement));
        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.Empty(dir.TempLeftovers());
    }

    [Fact]
    public void A_read_only_folder_is_refused_and_left_intact()
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes only
        using var dir = new TempDirectory();
        var sub = Directory.CreateDirectory(dir.Combine("sub")).FullName;
        var path = Path.Combine(sub, "a.md");
        File.WriteAllBytes(path, Original);
        File.SetUnixFileMode(sub, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.Write(path, Replacement));
        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.Equal(["a.md"], Directory.GetFiles(sub).Select(Path.GetFileName));
    }

    [Fact]
    public void The_replacement_keeps_the_original_permissions()
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes only
        using var dir = new TempDirectory();
        var path = dir.Write("a.md", Original);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        AtomicFile.Write(path, Replacement);
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }
}
