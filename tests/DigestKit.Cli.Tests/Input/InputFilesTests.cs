using DigestKit.Cli.Input;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Input;

public sealed class InputFilesTests
{
    [Fact]
    public void Folders_give_every_md_below_them_in_ordinal_order_and_files_are_taken_as_given()
    {
        using var dir = new TempDirectory();
        dir.Write("b.md", []);
        dir.Write("a.md", []);
        dir.Write("notes.txt", []);
        dir.Write("sub/c.md", []);
        dir.Write("Sub2/D.MD", []);
        var seed = dir.Write("seed.txt", []);
        var files = InputFiles.Expand([dir.Path, seed, Path.Combine(dir.Path, "a.md")]);
        Assert.Equal(
            [Path.Combine(dir.Path, "Sub2", "D.MD"), Path.Combine(dir.Path, "a.md"), Path.Combine(dir.Path, "b.md"), Path.Combine(dir.Path, "sub", "c.md"), seed],
            files.Select(f => f.DisplayPath));
    }

    [Fact]
    public void A_relative_folder_gives_relative_display_paths()
    {
        using var dir = new TempDirectory();
        dir.Write("posts/x.md", []);
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = dir.Path;
            var file = Assert.Single(InputFiles.Expand(["posts"]));
            Assert.Equal(Path.Combine("posts", "x.md"), file.DisplayPath);
            Assert.Equal(Path.Combine(dir.Path, "posts", "x.md"), file.FullPath);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var ex = Assert.Throws<UsageException>(() => InputFiles.Expand(["/no/such/folder"]));
        Assert.Equal("'/no/such/folder' does not exist (expected a digest file or a folder of *.md digests)", ex.Message);
    }
}
