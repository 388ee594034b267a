using System.Text;
using DigestKit.Cli.Input;

namespace DigestKit.Cli.Tests.Input;

public sealed class SourceFileTests
{
    private static readonly InputFile File = new("f.md", "/f.md");

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8", [] },
        { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Utf8_with_or_without_bom_round_trips_byte_for_byte(string name, byte[] preamble)
    {
        var text = "---\r\ntitle: Veličković 李飞飞 👇\r\n---\n\nmixed endings\r\n";
        byte[] bytes = [.. preamble, .. Encoding.UTF8.GetBytes(text)];
        var source = SourceFile.Decode(File, bytes);
        Assert.Equal(name, source.Encoding.Name);
        Assert.True(source.IsValidEncoding);
        Assert.Equal(text, source.Text);
        Assert.Equal(bytes, source.Encoding.Encode(source.Text));
    }

    [Fact]
    public void Utf16_with_bom_round_trips()
    {
        var text = "# 1. Zoë\r\n";
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];
        var source = SourceFile.Decode(File, bytes);
        Assert.Equal("UTF-16 LE", source.Encoding.Name);
        Assert.Equal(text, source.Text);
        Assert.Equal(bytes, source.Encoding.Encode(text));
    }

    [Fact]
    public void Invalid_utf8_is_decoded_with_replacement_characters_and_flagged()
    {
        byte[] bytes = [.. "Jos"u8, 0xE9, .. " here"u8];
        var source = SourceFile.Decode(File, bytes);
        Assert.False(source.IsValidEncoding);
        Assert.Equal("Jos\uFFFD here", source.Text);
    }
}
