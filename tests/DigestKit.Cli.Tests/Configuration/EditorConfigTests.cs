using DigestKit.Cli.Configuration;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Configuration;

public sealed class EditorConfigTests
{
    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "posts/2021/a.md", true)]
    [InlineData("*.md", "a.txt", false)]
    [InlineData("posts/*.md", "posts/a.md", true)]
    [InlineData("posts/*.md", "posts/sub/a.md", false)]
    [InlineData("posts/*.md", "x/posts/a.md", false)]
    [InlineData("/posts/**.md", "posts/sub/a.md", true)]
    [InlineData("**/drafts/*.md", "drafts/a.md", true)]
    [InlineData("**/drafts/*.md", "x/y/drafts/a.md", true)]
    [InlineData("{a,b}.md", "b.md", true)]
    [InlineData("{a,b}.md", "c.md", false)]
    [InlineData("*.{md,txt}", "seed.txt", true)]
    [InlineData("[ab].md", "a.md", true)]
    [InlineData("[!ab].md", "a.md", false)]
    [InlineData("[!ab].md", "c.md", true)]
    [InlineData("file{1..3}.md", "file2.md", true)]
    [InlineData("file{1..3}.md", "file4.md", false)]
    [InlineData("?.md", "ab.md", false)]
    [InlineData("a\\*.md", "a*.md", true)]
    [InlineData("a\\*.md", "ab.md", false)]
    public void Section_globs_follow_the_editorconfig_spec(string glob, string relativePath, bool matches) =>
        Assert.Equal(matches, EditorConfig.GlobToRegex(glob).IsMatch(relativePath));

    [Fact]
    public void Closer_files_and_later_sections_win_and_root_stops_the_search()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "x = 1\n[*]\nouter = yes\n"u8.ToArray());
        dir.Write("repo/.editorconfig", "root = true\n[*.md]\na = repo\nb = repo\n[posts/**]\nb = posts\n"u8.ToArray());
        dir.Write("repo/posts/.editorconfig", "# closer\n[*.md]\nA = closest\n"u8.ToArray());
        var properties = new EditorConfig().PropertiesFor(dir.Combine("repo", "posts", "d.md"));
        Assert.Equal("closest", properties["a"]);
        Assert.Equal("posts", properties["b"]);
        Assert.False(properties.ContainsKey("outer"));
    }
}
