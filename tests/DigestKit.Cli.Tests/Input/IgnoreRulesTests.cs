using DigestKit.Cli.Input;

namespace DigestKit.Cli.Tests.Input;

/// <summary>gitignore(5) semantics, pattern by pattern: what the walk and --exclude rely on.</summary>
public sealed class IgnoreRulesTests
{
    [Theory]
    // A pattern without a slash matches a name at any depth.
    [InlineData("README.md", "README.md", false, true)]
    [InlineData("README.md", "content/deep/README.md", false, true)]
    [InlineData("README.md", "content/README.md.bak", false, null)]
    [InlineData("*.tmp.md", "a/b.tmp.md", false, true)]
    [InlineData("?.md", "a/b.md", false, true)]
    [InlineData("?.md", "a/bc.md", false, null)]
    // A slash at the start or in the middle anchors it to the rules' folder.
    [InlineData("/top.md", "top.md", false, true)]
    [InlineData("/top.md", "sub/top.md", false, null)]
    [InlineData("content/a.md", "content/a.md", false, true)]
    [InlineData("content/a.md", "x/content/a.md", false, null)]
    [InlineData("content/*.md", "content/a.md", false, true)]
    [InlineData("content/*.md", "content/sub/a.md", false, null)]
    // A trailing slash: folders only.
    [InlineData("drafts/", "content/drafts", true, true)]
    [InlineData("drafts/", "content/drafts", false, null)]
    // ** spans folders, at the start, in the middle and at the end.
    [InlineData("**/drafts/*.md", "drafts/a.md", false, true)]
    [InlineData("**/drafts/*.md", "x/y/drafts/a.md", false, true)]
    [InlineData("a/**/b.md", "a/b.md", false, true)]
    [InlineData("a/**/b.md", "a/x/y/b.md", false, true)]
    [InlineData("a/**", "a/x/y.md", false, true)]
    [InlineData("a/**", "a", true, null)]
    [InlineData("a**b.md", "axxb.md", false, true)]
    [InlineData("a**b.md", "ax/xb.md", false, null)]
    // Classes, escapes and comments.
    [InlineData("[a-c].md", "b.md", false, true)]
    [InlineData("[a-c].md", "d.md", false, null)]
    [InlineData("[!a-c].md", "d.md", false, true)]
    [InlineData("[!a-c].md", "b.md", false, null)]
    [InlineData("\\#notes.md", "#notes.md", false, true)]
    [InlineData("\\!bang.md", "!bang.md", false, true)]
    [InlineData("star\\*.md", "star*.md", false, true)]
    [InlineData("star\\*.md", "starx.md", false, null)]
    [InlineData("# a comment", "# a comment", false, null)]
    [InlineData("trailing.md   ", "trailing.md", false, true)]
    [InlineData("[unclosed.md", "[unclosed.md", false, true)]
    public void One_pattern(string pattern, string path, bool isDirectory, bool? expected)
    {
        Assert.Equal(expected, IgnoreRules.Parse("/repo", [pattern]).Match(path, isDirectory));
    }

    [Fact]
    public void The_last_matching_pattern_decides_and_negation_re_includes()
    {
        var rules = IgnoreRules.Parse("/repo", ["*.md", "!keep.md", "keep.md.old"]);
        Assert.True(rules.Match("a.md", false));
        Assert.False(rules.Match("sub/keep.md", false));
        Assert.Null(rules.Match("notes.txt", false));
        Assert.Equal(3, rules.Count);
        Assert.Equal(0, IgnoreRules.Parse("/repo", ["", "   ", "# only comments", "!"]).Count);
    }
}
