using DigestKit.Engine;
using DigestKit.Engine.Tests.Rules;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>
/// A YAML error is the one finding for the front matter: at the line the writer must edit, with a repair when
/// the line's shape makes one certain, and no "missing key" or typing errors for what the parser never read.
/// </summary>
public class YamlErrorTests
{
    [Fact]
    public void An_unquoted_colon_in_the_title_is_DK1003_alone_on_the_colon_with_a_quoting_hint()
    {
        var text = Digests.FrontMatter.Replace("title: Hot Papers 2021-06-21", "title: Hot Papers: 2020-07-03") + "\n" + Digests.Paper();

        RuleAssert.Exactly(text, "DK1003");
        var d = RuleAssert.Single(text, "DK1003");
        Assert.Equal((2, 18, 2, 19), (d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn));
        Assert.Equal(21, d.Span.Start);
        Assert.Equal(
            "Front matter is not valid YAML: while scanning a plain scalar value, found invalid mapping; " +
            "quote the value of 'title', whose ': ' YAML reads as a second key: 'title: \"Hot Papers: 2020-07-03\"'",
            d.Message);
    }

    [Fact]
    public void Following_the_quoting_hint_makes_the_front_matter_valid_YAML()
    {
        var text = Digests.FrontMatter.Replace("title: Hot Papers 2021-06-21", "title: \"Hot Papers: 2020-07-03\"") + "\n" + Digests.Paper();

        RuleAssert.None(text, "DK1003", "DK1004");
        Assert.Equal("Hot Papers: 2020-07-03", Digests.Analyze(text).Document.FrontMatter!.Title!.Value.Value);
    }

    [Theory]
    [InlineData("tags:\n  - \"arXiv\"\n  - \"Twitter\"", "tags:\n  - \"arXiv\"\n\t- \"Twitter\"", 10)]
    [InlineData("tags:\n  - \"arXiv\"", "tags:\n\t- \"arXiv\"", 9)]
    public void A_tab_in_the_indentation_is_DK1003_alone_on_the_tab(string original, string replacement, int line)
    {
        var text = Digests.FrontMatter.Replace(original, replacement) + "\n" + Digests.Paper();

        RuleAssert.Exactly(text, "DK1003");
        var d = RuleAssert.Single(text, "DK1003");
        Assert.Equal((line, 1, line, 2), (d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn));
        Assert.Equal('\t', text[d.Span.Start]);
        Assert.Equal(
            "Front matter is not valid YAML: while scanning a mapping, found invalid tab as indentation; indent with spaces, as YAML allows no tab in an indentation",
            d.Message);
    }

    [Fact]
    public void Values_read_before_a_YAML_error_are_kept_but_not_reported_on()
    {
        // 'draft: maybe' (DK1006) comes before the error: the YAML error is still the only finding.
        var text = Digests.FrontMatter.Replace("draft: false", "draft: maybe").Replace("category: \"arXiv\"", "category: \"arXiv") + "\n" + Digests.Paper();
        var analysis = Digests.Analyze(text);

        Assert.Equal(new[] { "DK1003" }, analysis.Diagnostics.Select(d => d.Id));
        Assert.True(analysis.Document.FrontMatter!.IsUnreadable);
        Assert.Equal("Hot Papers 2021-06-21", analysis.Document.FrontMatter.Title!.Value.Value);
    }

    [Fact]
    public void A_colon_hint_is_not_given_when_quoting_would_change_the_value()
    {
        // A double quote inside the value: wrapping it in double quotes is not a safe repair.
        var text = Digests.FrontMatter.Replace("title: Hot Papers 2021-06-21", "title: Hot \"Papers\": 2020-07-03") + "\n" + Digests.Paper();
        var d = RuleAssert.Single(text, "DK1003");

        Assert.DoesNotContain("quote the value", d.Message, StringComparison.Ordinal);
        RuleAssert.Exactly(text, "DK1003");
    }

    [Fact]
    public void A_valid_front_matter_is_readable()
    {
        var analysis = Digests.Analyze(Digests.Digest(Digests.Paper()));
        Assert.False(analysis.Document.FrontMatter!.IsUnreadable);
        Assert.Empty(analysis.Diagnostics);
    }
}
