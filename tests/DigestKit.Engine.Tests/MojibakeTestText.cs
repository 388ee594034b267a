using System.Text;
using DigestKit.Engine.Text;

namespace DigestKit.Engine.Tests;

/// <summary>Makes mojibake the way it happens (UTF-8 bytes decoded with a single-byte page) and undoes a finding's repair.</summary>
internal static class MojibakeTestText
{
    public static SingleByteCodePage Page(string name) => name switch
    {
        "mac" => SingleByteCodePage.MacOsRoman,
        "1252" => SingleByteCodePage.Windows1252,
        "latin1" => SingleByteCodePage.Latin1,
        _ => throw new ArgumentException(name),
    };

    /// <summary><paramref name="text"/> encoded as UTF-8 and decoded with <paramref name="page"/>, <paramref name="times"/> over.</summary>
    public static string Misread(string text, SingleByteCodePage page, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            text = page.Decode(Encoding.UTF8.GetBytes(text));
        }

        return text;
    }

    /// <summary>The pages a finding's Encoding names, first accident first: "UTF-8 read as A, then as B", "…, twice".</summary>
    public static IReadOnlyList<SingleByteCodePage> PagesOf(string encoding)
    {
        const string prefix = "UTF-8 read as ";
        Assert.StartsWith(prefix, encoding);
        var rest = encoding.Substring(prefix.Length);
        var times = 1;
        if (rest.EndsWith(", twice", StringComparison.Ordinal))
        {
            times = 2;
            rest = rest.Substring(0, rest.Length - ", twice".Length);
        }

        var pages = new List<SingleByteCodePage>();
        foreach (var name in rest.Split(", then as "))
        {
            var page = new[] { SingleByteCodePage.MacOsRoman, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1, SingleByteCodePage.WindowsLatinMixed }
                .Single(p => p.Name == name);
            pages.AddRange(Enumerable.Repeat(page, times));
        }

        return pages;
    }

    /// <summary>
    /// The original, when undoing the accidents the finding names (last first: back to bytes through the named page,
    /// then UTF-8, where CESU-8 surrogate pairs count) gives exactly its repair; otherwise a description of the mismatch.
    /// Undoing rather than re-doing, because a run mixing Windows-1252 and Latin-1, or written in CESU-8, has no single
    /// forward spelling.
    /// </summary>
    public static string Remisread(MojibakeFinding finding)
    {
        var pages = PagesOf(finding.Encoding);
        var text = finding.Original;
        for (var i = pages.Count - 1; i >= 0 && text != null; i--)
        {
            text = Unpeel(text, pages[i]);
        }

        return text == finding.Repaired ? finding.Original : "not undone by its encoding: " + (text ?? "(no bytes)");
    }

    private static string? Unpeel(string text, SingleByteCodePage page)
    {
        var bytes = new List<byte>();
        foreach (var c in text)
        {
            if (page.TryEncode(c, out var b)
                || (page == SingleByteCodePage.WindowsLatinMixed && SingleByteCodePage.Latin1.TryEncode(c, out b)))
            {
                bytes.Add(b);
            }
            else
            {
                return null;
            }
        }

        return DecodeUtf8OrCesu8(bytes);
    }

    private static string? DecodeUtf8OrCesu8(List<byte> bytes)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < bytes.Count;)
        {
            var b = bytes[i];
            var length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > bytes.Count)
            {
                return null;
            }

            var cp = length == 1 ? b : b & (0x7F >> length);
            for (var k = 1; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return null;
                }

                cp = (cp << 6) | (bytes[i + k] & 0x3F);
            }

            if (cp > 0xFFFF)
            {
                builder.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                builder.Append((char)cp); // a surrogate half here is CESU-8; its partner follows
            }

            i += length;
        }

        return builder.ToString();
    }
}
