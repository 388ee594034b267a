using DigestKit.Engine.Text;

namespace DigestKit.Engine.Tests;

/// <summary>
/// The vector scans stop exactly where a character-by-character scan would: every UTF-16 value, in every lane of a
/// vector and in the scalar tail, with plain text before it.
/// </summary>
public class PlainTextScanTests
{
    /// <summary>Long enough for two vectors of any width and a tail.</summary>
    private const int Length = 2 * 32 + 5;

    private static bool IsPlain(char c) => (c >= 0x20 && c <= 0x7E) || c is '\n' or '\r' or '\t';

    private static bool IsSuspect(char c) =>
        (c < 0x20 && c is not ('\t' or '\r' or '\n')) || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD'
        || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    [Fact]
    public void Every_character_at_every_position_stops_each_scan_where_a_plain_loop_would()
    {
        var chars = new char[Length];
        for (var at = 0; at < Length; at++)
        {
            for (var c = 0; c <= 0xFFFF; c++)
            {
                // Plain text around the character, a line break among it.
                Array.Fill(chars, 'a');
                chars[Length / 3] = '\n';
                var ch = (char)c;
                chars[at] = ch;
                var text = new string(chars);

                Check(PlainText.Skip(text, 0, Length), IsPlain(ch) ? Length : at, "Skip", c, at);
                Check(PlainText.SkipBelow(text, 0, Length, '\u00A0'), c >= 0xA0 ? at : Length, "SkipBelow", c, at);

                var nonAscii = false;
                Check(PlainText.SkipToEncodingSuspect(text, 0, ref nonAscii), IsSuspect(ch) ? at : Length, "SkipToEncodingSuspect", c, at);
                if (nonAscii != c >= 0x7F || PlainText.IsEncodingSuspect(ch) != IsSuspect(ch))
                {
                    Assert.Fail($"U+{c:X4} at {at}: non-ASCII {nonAscii}, suspect {PlainText.IsEncodingSuspect(ch)}");
                }
            }
        }
    }

    [Fact]
    public void A_scan_starts_where_it_is_told_and_ends_at_its_end()
    {
        var text = "\u0001" + new string('a', 40) + "\u0085" + new string('b', 40) + "\u00E9";
        Assert.Equal(1, PlainText.Skip(text, 1, 1));
        Assert.Equal(41, PlainText.Skip(text, 1, text.Length));
        Assert.Equal(30, PlainText.Skip(text, 1, 30));
        Assert.Equal(82, PlainText.SkipBelow(text, 42, text.Length, '\u00A0'));
        var nonAscii = false;
        Assert.Equal(0, PlainText.SkipToEncodingSuspect(text, 0, ref nonAscii));
        Assert.False(nonAscii);
        Assert.Equal(41, PlainText.SkipToEncodingSuspect(text, 1, ref nonAscii));
        Assert.True(nonAscii);
        nonAscii = false;
        Assert.Equal(text.Length, PlainText.SkipToEncodingSuspect(text, 42, ref nonAscii));
        Assert.True(nonAscii); // The é at the end.
    }

    private static void Check(int actual, int expected, string scan, int c, int at)
    {
        if (actual != expected)
        {
            Assert.Fail($"{scan}: U+{c:X4} at {at} stopped at {actual}, expected {expected}");
        }
    }
}
