using DigestKit.Engine;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class NumberingRulesTests
{
    [Fact]
    public void DK2003_a_gap_is_reported_on_the_number_with_a_fix_renumbering_the_paper()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(3, links: Digests.LinksFor(3)));
        var d = RuleAssert.Single(text, "DK2003");
        var index = text.IndexOf("# 3.", StringComparison.Ordinal) + 2;
        RuleAssert.At(d, text, "3", occurrence: CountBefore(text, "3", index) + 1);
        Assert.Equal(new[] { "3", "2" }, d.Arguments.ToArray());
        Assert.Equal(new TextEdit(index, 1, "2"), d.Fix);
        RuleAssert.Exactly(text, "DK2003");
    }

    [Fact]
    public void DK2003_numbering_must_start_at_one()
    {
        var text = Digests.Digest(Digests.Paper(0));
        var d = RuleAssert.Single(text, "DK2003");
        Assert.Equal(new[] { "0", "1" }, d.Arguments.ToArray());
        Assert.Equal(new TextEdit(text.IndexOf("# 0.", StringComparison.Ordinal) + 2, 1, "1"), d.Fix);
    }

    [Fact]
    public void DK2004_a_duplicate_is_reported_on_the_second_number()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(2), Digests.Paper(2));
        var d = RuleAssert.Single(text, "DK2004");
        var index = text.LastIndexOf("# 2.", StringComparison.Ordinal) + 2;
        Assert.Equal(index, d.Span.Start);
        Assert.Equal((1, new LineMap(text).Position(index)), (d.Span.Length, (d.Span.Line, d.Span.Column)));
        Assert.Equal(new[] { "2" }, d.Arguments.ToArray());
        Assert.Equal(new TextEdit(index, 1, "3"), d.Fix);
        RuleAssert.None(text, "DK2003");
    }

    [Fact]
    public void Applying_every_numbering_fix_gives_one_to_n()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(3, links: Digests.LinksFor(2)), Digests.Paper(3, links: Digests.LinksFor(3)), Digests.Paper(12, links: Digests.LinksFor(4)), Digests.Paper(5, links: Digests.LinksFor(5)));
        var analysis = Digests.Analyze(text);
        Assert.Equal(new[] { "DK2003", "DK2004", "DK2003" }, analysis.Diagnostics.Select(d => d.Id).ToArray());

        var fixedText = RuleAssert.ApplyFixes(text, analysis.Diagnostics);
        RuleAssert.Exactly(fixedText);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, Digests.Analyze(fixedText).Document.Papers.Select(p => p.Rank!.Value.Value).ToArray());
    }

    [Fact]
    public void DK2010_an_empty_author_between_commas_is_reported_where_the_name_should_be()
    {
        var text = Digests.Digest(Digests.Paper(authors: "Maren Awiszus, , Bodo Rosenhahn"));
        var d = RuleAssert.Single(text, "DK2010");

        // The name between the commas is empty: the comma that closes it is where it should be.
        var comma = text.IndexOf(", Bodo", StringComparison.Ordinal);
        var (line, column) = new LineMap(text).Position(comma);
        Assert.Equal((comma, line, column, 1), (d.Span.Start, d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal(16, d.Span.Column);
        Assert.Equal(new[] { "1" }, d.Arguments.ToArray());
    }

    [Fact]
    public void DK2010_a_trailing_comma_is_an_empty_author()
    {
        var text = Digests.Digest(Digests.Paper(authors: "Maren Awiszus, Bodo Rosenhahn,"));
        var d = RuleAssert.Single(text, "DK2010");
        RuleAssert.At(d, text, ",", occurrence: CountBefore(text, ",", text.IndexOf("Rosenhahn,", StringComparison.Ordinal)) + 1);
    }

    private static int CountBefore(string text, string needle, int end)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0 && i < end; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
