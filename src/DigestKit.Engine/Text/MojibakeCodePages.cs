using System.Collections.Generic;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// A single-byte character set whose low half is ASCII. netstandard2.0 ships neither Mac OS Roman nor
    /// Windows-1252 without System.Text.Encoding.CodePages, so the high halves are written out here.
    /// </summary>
    internal sealed class SingleByteCodePage
    {
        private readonly char[] high;
        private readonly Dictionary<char, byte> reverse = new Dictionary<char, byte>();

        private SingleByteCodePage(string name, string highHalf)
        {
            Name = name;
            high = highHalf.ToCharArray();
            for (var i = 0; i < high.Length; i++)
            {
                reverse[high[i]] = (byte)(0x80 + i);
            }
        }

        /// <summary>The name used in findings, e.g. "Mac OS Roman".</summary>
        public string Name { get; }

        /// <summary>Apple's ROMAN.TXT, modern table: 0xDB is the euro sign and 0xF0 the Apple logo (U+F8FF).</summary>
        public static SingleByteCodePage MacOsRoman { get; } = new SingleByteCodePage(
            "Mac OS Roman",
            "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8" + // 80
            "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC" + // 90
            "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8" + // A0
            "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8" + // B0
            "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153" + // C0
            "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02" + // D0
            "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4" + // E0
            "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7"); // F0

        /// <summary>
        /// Windows-1252 as "sloppy" decoders read it: the five bytes the code page leaves undefined
        /// (0x81 0x8D 0x8F 0x90 0x9D) become the C1 controls of the same value, as in Latin-1.
        /// </summary>
        public static SingleByteCodePage Windows1252 { get; } = new SingleByteCodePage(
            "Windows-1252",
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" + // 80
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178" + // 90
            LatinOneHighHalfFrom(0xA0));

        /// <summary>
        /// Not a code page of its own: the name of a run that holds both Windows-1252 punctuation and Latin-1 C1
        /// controls for bytes 0x80–0x9F. Its table is Windows-1252's, for what needs one.
        /// </summary>
        public static SingleByteCodePage WindowsLatinMixed { get; } =
            new SingleByteCodePage("Windows-1252 and Latin-1 mixed", new string(Windows1252.high));

        /// <summary>ISO-8859-1: every byte is the code point of the same value.</summary>
        public static SingleByteCodePage Latin1 { get; } = new SingleByteCodePage("Latin-1", LatinOneHighHalfFrom(0x80));

        public char Decode(byte value) => value < 0x80 ? (char)value : high[value - 0x80];

        public bool TryEncode(char c, out byte value)
        {
            if (c < 0x80)
            {
                value = (byte)c;
                return true;
            }

            return reverse.TryGetValue(c, out value);
        }

        public string Decode(IReadOnlyList<byte> bytes)
        {
            var chars = new char[bytes.Count];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Decode(bytes[i]);
            }

            return new string(chars);
        }

        /// <summary>The bytes <paramref name="text"/> was decoded from, or null when a character is not in this code page.</summary>
        public byte[]? TryEncode(string text)
        {
            var bytes = new byte[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                if (!TryEncode(text[i], out bytes[i]))
                {
                    return null;
                }
            }

            return bytes;
        }

        private static string LatinOneHighHalfFrom(int first)
        {
            var chars = new char[0x100 - first];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(first + i);
            }

            return new string(chars);
        }
    }
}
