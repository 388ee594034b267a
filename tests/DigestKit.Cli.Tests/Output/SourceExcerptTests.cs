using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Output;

public sealed class SourceExcerptTests
{
    private static SourceExcerpt Excerpt(string text, int start, int length) =>
        SourceExcerpt.Create(text, new LineMap(text).Span(start, length))!.Value;

    [Fact]
    public void Crlf_lines_show_without_the_cr()
    {
        var text = "one\r\n# 3. Title\r\nthree\r\n";
        var e = Excerpt(text, text.IndexOf('3', StringComparison.Ordinal), 1);
        Assert.Equal((2, "# 3. Title", "  ^"), (e.LineNumber, e.Line, e.Underline));
    }

    [Fact]
    public void A_span_over_several_lines_is_underlined_to_the_end_of_its_first_line()
    {
        var text = "key: value\nnext: line\n";
        var e = Excerpt(text, 5, 12);
        Assert.Equal(("key: value", "     ^~~~~"), (e.Line, e.Underline));
    }

    [Fact]
    public void An_empty_span_gets_one_caret_even_at_the_end_of_the_text()
    {
        var e = Excerpt("abc", 3, 0);
        Assert.Equal(("abc", "   ^"), (e.Line, e.Underline));
        var empty = Excerpt(string.Empty, 0, 0);
        Assert.Equal((1, string.Empty, "^"), (empty.LineNumber, empty.Line, empty.Underline));
    }

    [Fact]
    public void A_span_on_a_combining_sequence_is_underlined_by_its_cells()
    {
        // "Zoe\u0308" shows as "Zoë": the combining diaeresis takes no cell.
        var text = "Zoe\u0308 Ünal";
        var e = Excerpt(text, text.IndexOf('Ü', StringComparison.Ordinal), 4);
        Assert.Equal("    ^~~~", e.Underline);
    }

    [Fact]
    public void No_text_means_no_excerpt() =>
        Assert.Null(SourceExcerpt.Create(null, new LineMap("x").Span(0, 1)));
}
