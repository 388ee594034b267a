using System.Text;
using DigestKit.Engine.Text;

namespace DigestKit.Engine.Tests;

public class MojibakeCodePageTests
{
    static MojibakeCodePageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Mac_os_roman_follows_apples_modern_table()
    {
        var mac = SingleByteCodePage.MacOsRoman;
        Assert.Equal('\uF8FF', mac.Decode(0xF0)); // the Apple logo
        Assert.Equal('\u20AC', mac.Decode(0xDB)); // euro, where the pre-1998 table had the currency sign
        Assert.Equal('\u03A9', mac.Decode(0xBD)); // ROMAN.TXT says GREEK CAPITAL LETTER OMEGA
        Assert.Equal('\u0192', mac.Decode(0xC4));
        Assert.Equal('\u221A', mac.Decode(0xC3));
        Assert.Equal('\u02C7', mac.Decode(0xFF));
    }

    [Fact]
    public void Mac_os_roman_agrees_with_dotnet_code_page_10000_except_where_apple_and_microsoft_differ()
    {
        var dotnet = Encoding.GetEncoding(10000);
        var differences = Enumerable.Range(0x80, 0x80)
            .Where(b => dotnet.GetString(new[] { (byte)b })[0] != SingleByteCodePage.MacOsRoman.Decode((byte)b))
            .ToArray();
        Assert.Equal(new[] { 0xBD }, differences); // Microsoft maps 0xBD to OHM SIGN
    }

    [Fact]
    public void Windows_1252_agrees_with_dotnet_and_reads_its_five_holes_as_c1_controls()
    {
        var dotnet = Encoding.GetEncoding(1252);
        for (var b = 0x80; b <= 0xFF; b++)
        {
            Assert.Equal(dotnet.GetString(new[] { (byte)b })[0], SingleByteCodePage.Windows1252.Decode((byte)b));
        }

        foreach (var hole in new byte[] { 0x81, 0x8D, 0x8F, 0x90, 0x9D })
        {
            Assert.Equal((char)hole, SingleByteCodePage.Windows1252.Decode(hole));
        }
    }

    [Fact]
    public void Latin_1_is_the_identity_and_every_page_round_trips()
    {
        foreach (var page in new[] { SingleByteCodePage.MacOsRoman, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1 })
        {
            var all = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
            var text = page.Decode(all);
            Assert.Equal(256, text.Distinct().Count());
            Assert.Equal(all, page.TryEncode(text));
        }

        Assert.Equal("\u0080\u00FF", SingleByteCodePage.Latin1.Decode(new byte[] { 0x80, 0xFF }));
        Assert.Null(SingleByteCodePage.Windows1252.TryEncode("\u0080"));
        Assert.Null(SingleByteCodePage.MacOsRoman.TryEncode("\u00A4"));
    }
}
