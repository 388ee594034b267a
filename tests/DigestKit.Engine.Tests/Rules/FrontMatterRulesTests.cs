using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class FrontMatterRulesTests
{
    private static readonly string Valid = Digests.Digest(Digests.Paper());

    [Fact]
    public void The_valid_digest_has_no_diagnostic()
    {
        RuleAssert.Exactly(Valid);
    }

    [Fact]
    public void DK1004_a_missing_key_is_reported_on_the_opening_line()
    {
        var text = Valid.Replace("slug: \"hot-papers-2021-06-21\"\n", "");
        var d = RuleAssert.Single(text, "DK1004");
        Assert.Equal((1, 1, 3), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal(new[] { "slug" }, d.Arguments.ToArray());
        Assert.Contains("'slug'", d.Message);
        RuleAssert.Exactly(text, "DK1004");
    }

    [Fact]
    public void DK1004_every_missing_key_is_named()
    {
        var text = "---\ntitle: Hot Papers 2021-06-21\n---\n";
        var missing = Digests.Analyze(text).Diagnostics.Where(d => d.Id == "DK1004").Select(d => d.Arguments[0]).ToArray();
        Assert.Equal(new[] { "date", "template", "draft", "slug", "category", "tags", "description", "socialImage" }, missing);
    }

    [Fact]
    public void DK1004_is_not_reported_without_front_matter()
    {
        var text = Digests.Paper();
        var analysis = Digests.Analyze(text);
        Assert.Contains(analysis.Diagnostics, d => d.Id == "DK1001");
        RuleAssert.None(text, "DK1004");
    }

    [Fact]
    public void DK1004_a_key_present_with_a_bad_value_is_not_missing()
    {
        var text = Valid.Replace("draft: false", "draft: \"maybe\"");
        RuleAssert.None(text, "DK1004");
    }

    [Fact]
    public void DK1005_an_unknown_key_is_reported_on_the_key()
    {
        var text = Valid.Replace("socialImage:", "author: \"me\"\nsocialImage:");
        var d = RuleAssert.Single(text, "DK1005");
        RuleAssert.At(d, text, "author");
        Assert.Equal("author", d.Arguments[0]);
        Assert.Contains("socialImage", d.Message);
    }

    [Fact]
    public void DK1005_keys_are_case_sensitive()
    {
        var text = Valid.Replace("socialImage:", "socialimage:");
        var d = RuleAssert.Single(text, "DK1005");
        RuleAssert.At(d, text, "socialimage");
        Assert.Equal("socialImage", RuleAssert.Single(text, "DK1004").Arguments[0]);
    }

    [Fact]
    public void DK1008_a_slug_with_another_date_is_reported_on_the_slug()
    {
        var text = Valid.Replace("\"hot-papers-2021-06-21\"", "\"hot-papers-2021-06-12\"");
        var d = RuleAssert.Single(text, "DK1008");
        RuleAssert.At(d, text, "\"hot-papers-2021-06-12\"");
        Assert.Equal(new[] { "hot-papers-2021-06-12", "hot-papers-2021-06-21" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK1008");
    }

    [Fact]
    public void DK1009_a_description_with_another_date_is_reported_on_the_description()
    {
        var text = Valid.Replace("\"Hot papers 2021-06-21\"", "\"Hot papers 2021-06-20\"");
        var d = RuleAssert.Single(text, "DK1009");
        RuleAssert.At(d, text, "\"Hot papers 2021-06-20\"");
        Assert.Equal(new[] { "description", "Hot papers 2021-06-20", "Hot papers 2021-06-21" }, d.Arguments.ToArray());
    }

    [Theory]
    [InlineData("Hot papers 2021-06-21")]
    [InlineData("Hot Papers 2021-06-31")]
    [InlineData("Hot Papers 21-06-21")]
    [InlineData("Papers of the day")]
    public void DK1009_a_title_not_of_the_form_Hot_Papers_date_is_reported_on_the_title(string title)
    {
        var text = Valid.Replace("title: Hot Papers 2021-06-21", "title: " + title);
        var d = RuleAssert.Single(text, "DK1009");
        RuleAssert.At(d, text, title);
        Assert.Equal(new[] { "title", title, "Hot Papers YYYY-MM-DD" }, d.Arguments.ToArray());

        // Without a readable title date the slug and description cannot be checked against it.
        RuleAssert.None(text, "DK1008", "DK1010");
    }

    [Fact]
    public void DK1010_a_title_date_after_the_post_date_is_reported_on_the_date_in_the_title()
    {
        var text = Valid.Replace("2021-06-21", "2021-06-23");
        var d = RuleAssert.Single(text, "DK1010");
        Assert.Equal((2, 19, 10), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal(new[] { "2021-06-23", "2021-06-22" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK1010");
    }

    [Fact]
    public void DK1010_the_same_day_is_fine()
    {
        RuleAssert.None(Valid.Replace("2021-06-21", "2021-06-22"), "DK1010");
    }
}
