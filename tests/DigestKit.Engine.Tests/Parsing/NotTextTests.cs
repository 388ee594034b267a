using System.Text;
using DigestKit.Engine;
using DigestKit.Engine.Tests.Rules;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>A file that is not text gets one DK2012 and nothing else, whichever way its host decoded the bytes.</summary>
public class NotTextTests
{
    /// <summary>A PNG header and 4 KB of fixed pseudo-random bytes: what a binary file saved as .md looks like.</summary>
    private static byte[] BinaryBytes()
    {
        var bytes = new byte[4096];
        new Random(12).NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    public static TheoryData<string> Decodings => new() { "utf-8 with U+FFFD", "latin-1" };

    private static string Decode(byte[] bytes, string decoding) =>
        decoding == "latin-1" ? Encoding.Latin1.GetString(bytes) : new UTF8Encoding(false, false).GetString(bytes);

    [Theory]
    [MemberData(nameof(Decodings))]
    public void A_binary_file_is_one_DK2012_at_the_file_start_and_nothing_else(string decoding)
    {
        var text = Decode(BinaryBytes(), decoding);
        var analysis = Digests.Analyze(text);

        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("DK2012", d.Id);
        Assert.Equal(DigestSeverity.Error, d.Severity);
        Assert.Equal((1, 1, 0, 0), (d.Span.Line, d.Span.Column, d.Span.Start, d.Span.Length));
        Assert.StartsWith("The file is not a text digest: ", d.Message, StringComparison.Ordinal);
        Assert.True(analysis.Document.IsNotText);
        Assert.Null(analysis.Document.FrontMatter);
        Assert.Empty(analysis.Document.Papers);
    }

    [Fact]
    public void Eight_NUL_characters_make_a_digest_binary_and_the_message_says_where_the_first_is()
    {
        var text = Digests.Digest(Digests.Paper()).Insert(300, new string('\0', 7)).Insert(40, "\0");
        var d = RuleAssert.Single(text, "DK2012");

        Assert.Equal("The file is not a text digest: it holds NUL characters (U+0000), the first at offset 40; save it as UTF-8 text, or exclude it from the digests", d.Message);
        RuleAssert.Exactly(text, "DK2012");
    }

    [Fact]
    public void Seven_stray_NULs_are_still_text_each_a_DK5005()
    {
        var text = Digests.Digest(Digests.Paper(abstractText: "This\0 work\0 introduces\0 World-GAN,\0 the\0 first\0 method\0."));
        Assert.False(Digests.Analyze(text).Document.IsNotText);
        Assert.Equal(7, Digests.Analyze(text).Diagnostics.Count(d => d.Id == "DK5005"));
    }

    [Fact]
    public void A_single_stray_NUL_is_DK5005_on_it_not_a_binary_file()
    {
        var text = Digests.Digest(Digests.Paper(abstractText: "This work\0 introduces World-GAN."));
        RuleAssert.Exactly(text, "DK5005");
        RuleAssert.At(RuleAssert.Single(text, "DK5005"), text, "\0");
    }

    [Fact]
    public void Undecodable_bytes_without_a_NUL_are_counted_in_the_message()
    {
        var text = new string('\uFFFD', 10) + "\n" + new string('x', 80);
        var d = RuleAssert.Single(text, "DK2012");

        Assert.Equal("The file is not a text digest: 10 of its first 91 characters are control characters or undecodable bytes (U+FFFD); save it as UTF-8 text, or exclude it from the digests", d.Message);
    }

    [Fact]
    public void A_text_digest_with_a_few_undecodable_bytes_is_still_text()
    {
        // Three U+FFFD in an author line are the encoding rules' DK5003, not a binary file.
        var text = Digests.Digest(Digests.Paper(authors: "Maren Awiszus\uFFFD\uFFFD\uFFFD, Frederik Schubert"));
        var analysis = Digests.Analyze(text);

        Assert.False(analysis.Document.IsNotText);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Id == "DK2012");
        Assert.Contains(analysis.Diagnostics, d => d.Id == "DK5003");
        Assert.Single(analysis.Document.Papers);
    }

    [Fact]
    public void Only_the_first_8192_characters_are_looked_at()
    {
        var head = Digests.Digest(Digests.Paper());
        var prefix = new string('\0', 7);
        var text = prefix + head + new string(' ', 8192 - prefix.Length - head.Length) + "\0\n";
        RuleAssert.None(text, "DK2012");
        RuleAssert.Single(text.Remove(8191, 1), "DK2012");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UTF32_read_the_way_the_hosts_read_it_is_one_DK2012_that_says_UTF32(bool bigEndian)
    {
        // The hosts read UTF-8 and UTF-16 (as the compiler does): FF FE 00 00 is the UTF-16 LE BOM and a NUL,
        // 00 00 FE FF is UTF-8 with two NULs and two bytes that are no UTF-8.
        var bytes = new UTF32Encoding(bigEndian, true).GetPreamble().Concat(new UTF32Encoding(bigEndian, false).GetBytes(Digests.Digest(Digests.Paper()))).ToArray();
        var text = bigEndian
            ? new UTF8Encoding(false, false).GetString(bytes)
            : new UnicodeEncoding(false, false).GetString(bytes, 2, bytes.Length - 2);
        var analysis = Digests.Analyze(text);
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("DK2012", 0, 0), (d.Id, d.Span.Start, d.Span.Length));
        Assert.Contains("UTF-32", d.Message, StringComparison.Ordinal);
    }
}
