using DigestKit.Engine;
using DigestKit.Engine.Parsing;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>
/// When the YAML does not parse, the slug is still read from a top-level <c>slug:</c> line, for the generated
/// property's name only, so a digest that breaks keeps the name it had.
/// </summary>
public class RecoveredSlugTests
{
    [Theory]
    [InlineData("slug: \"hot-papers-2021-06-21\"", "hot-papers-2021-06-21")]
    [InlineData("slug: 'it''s-a-slug'", "it's-a-slug")]
    [InlineData("slug: hot-papers-2021-06-21  # the usual one", "hot-papers-2021-06-21")]
    [InlineData("slug:   plain-slug   ", "plain-slug")]
    [InlineData("slug: \"a\\\"b\"", "a\"b")]
    public void A_top_level_slug_line_is_recovered_plain_or_quoted(string line, string expected)
    {
        var text = "title: x\n" + line + "\ncategory: y\n";
        Assert.Equal(expected, FrontMatterParser.RecoverSlug(text, 0, text.Length));
    }

    [Theory]
    [InlineData("title: x\nextra:\n  slug: nested\n")]
    [InlineData("title: x\ncategory: y\n")]
    [InlineData("title: x\nslug:\n")]
    [InlineData("title: x\nslug: \"unclosed\n")]
    [InlineData("title: x\nslugs: other\n")]
    public void A_nested_empty_unclosed_or_absent_slug_is_null(string text) =>
        Assert.Null(FrontMatterParser.RecoverSlug(text, 0, text.Length));

    [Fact]
    public void Only_the_block_between_start_and_end_is_scanned()
    {
        const string text = "title: x\nslug: inside\n";
        Assert.Null(FrontMatterParser.RecoverSlug(text, 0, "title: x\n".Length));
    }

    [Fact]
    public void A_YAML_error_before_the_slug_line_leaves_the_slug_recovered_and_not_typed()
    {
        var text = Digests.FrontMatter.Replace("title: Hot Papers 2021-06-21", "title: Hot Papers: 2020-07-03") + "\n" + Digests.Paper();
        var fm = Digests.Analyze(text).Document.FrontMatter!;
        Assert.True(fm.IsUnreadable);
        Assert.Null(fm.Slug);
        Assert.Equal("hot-papers-2021-06-21", fm.RecoveredSlug);
    }

    [Fact]
    public void Readable_YAML_has_no_recovered_slug()
    {
        var fm = Digests.Analyze(Digests.FrontMatter + "\n" + Digests.Paper()).Document.FrontMatter!;
        Assert.False(fm.IsUnreadable);
        Assert.Equal("hot-papers-2021-06-21", fm.Slug!.Value.Value);
        Assert.Null(fm.RecoveredSlug);
    }
}
