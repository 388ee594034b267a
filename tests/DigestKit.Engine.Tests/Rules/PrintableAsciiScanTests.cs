using DigestKit.Engine.Rules;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>The encoding scan's four-characters-at-a-time test agrees with the plain one for every UTF-16 value in every lane.</summary>
public class PrintableAsciiScanTests
{
    [Fact]
    public void Every_character_in_every_lane_is_classified_like_the_plain_test()
    {
        var chars = new char[] { 'a', 'b', 'c', 'd' };
        for (var lane = 0; lane < 4; lane++)
        {
            for (var c = 0; c <= 0xFFFF; c++)
            {
                chars[lane] = (char)c;
                var expected = c >= 0x20 && c <= 0x7E;
                if (EncodingRules.AllPrintableAscii(new string(chars), 0) != expected)
                {
                    Assert.Fail($"U+{c:X4} in lane {lane}: expected {expected}");
                }
            }

            chars[lane] = 'x';
        }
    }

    [Fact]
    public void Neighbouring_lanes_do_not_mask_a_control_character()
    {
        Assert.False(EncodingRules.AllPrintableAscii("~\u001F~~", 0));
        Assert.False(EncodingRules.AllPrintableAscii("\u007F ~~", 0));
        Assert.True(EncodingRules.AllPrintableAscii(" ~ ~", 0));
    }
}
