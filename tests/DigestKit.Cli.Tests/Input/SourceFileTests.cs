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

    /// <summary>A file read while another process writes it: the length it had when opened is only where reading
    /// starts, so bytes appended meanwhile are read too, and a file cut meanwhile gives the bytes it still has.</summary>
    [Theory]
    [InlineData(10, 100_000)]
    [InlineData(100_000, 10)]
    [InlineData(0, 3)]
    [InlineData(5, 5)]
    public void Reading_takes_every_byte_the_file_has_whatever_length_it_claimed(int claimed, int actual)
    {
        var bytes = Enumerable.Range(0, actual).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(bytes, SourceFile.ReadCapped(new ChangingLengthStream(bytes, claimed)));
    }

    [Fact]
    public void A_file_that_claims_more_than_the_limit_is_refused_before_it_is_read()
    {
        var ex = Assert.Throws<FileTooLargeException>(() => SourceFile.ReadCapped(new ChangingLengthStream([1, 2, 3], SourceFile.MaxBytes + 1)));
        Assert.Equal("it is larger than 64 MB, the limit for a digest (64.0 MB)", ex.Message);
    }

    /// <summary>A seekable stream whose Length is what the file claimed when it was opened, not what it holds.</summary>
    private sealed class ChangingLengthStream(byte[] bytes, long claimed) : MemoryStream(bytes, writable: false)
    {
        public override long Length => claimed;
    }
}
