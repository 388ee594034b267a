using DigestKit.Engine;

namespace DigestKit.Engine.Tests;

public class LineMapTests
{
    [Theory]
    [InlineData("a\nb", 2, 2, 1)]
    [InlineData("a\r\nb", 3, 2, 1)]
    [InlineData("a\rb", 2, 2, 1)]
    [InlineData("a\u2028b", 2, 2, 1)]
    [InlineData("ab", 1, 1, 2)]
    public void Offsets_map_to_lines_and_columns_like_roslyn(string text, int offset, int line, int column)
    {
        var (l, c) = new LineMap(text).Position(offset);
        Assert.Equal((line, column), (l, c));
    }

    [Fact]
    public void Span_is_clamped_to_the_text()
    {
        var span = new LineMap("abc").Span(2, 10);
        Assert.Equal(new SourceSpan(2, 1, 1, 3, 1, 4), span);
    }
}
