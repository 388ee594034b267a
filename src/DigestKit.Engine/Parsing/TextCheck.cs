using System.Globalization;
using DigestKit.Engine.Text;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Decides whether a file is text at all (DK2012), from its first <see cref="Window"/> characters only, so the
    /// cost is bounded whatever the file's size. Hosts decode bytes differently (the CLI replaces invalid UTF-8 by
    /// U+FFFD, Roslyn falls back to a single-byte code page), so the decision is made here, on the decoded string,
    /// with a criterion both decodings of a binary file meet:
    /// <list type="bullet">
    /// <item>at least <see cref="MinSuspicious"/> NUL characters (U+0000): binary formats and UTF-16 read as UTF-8 are
    /// full of them, while a text digest holds at most a few stray ones (git's test for binary is one NUL, but a digest
    /// with a NUL pasted into a title or two is still text, and each is left to DK5005, which points at it), or</item>
    /// <item>at least <see cref="MinSuspicious"/> characters, and at least one in ten, that text does not hold:
    /// NUL and the other C0 controls except tab, line feed, form feed and carriage return, C1 controls (U+0080–U+009F, what
    /// a single-byte decoding makes of many binary bytes) and U+FFFD (what a UTF-8 decoding makes of them).</item>
    /// </list>
    /// A text digest with a few stray bytes stays text: its U+FFFD and control characters are the encoding rules'.
    /// </summary>
    internal static class TextCheck
    {
        public const int Window = 8192;

        public const int MinSuspicious = 8;

        /// <summary>Why <paramref name="text"/> is not text, or null when it is.</summary>
        public static string? NotTextReason(string text)
        {
            if (LooksLikeUtf32(text))
            {
                return "it is UTF-32 text (its byte-order mark is FF FE 00 00 or 00 00 FE FF), read as UTF-16 or UTF-8 it is every other character NUL; save it as UTF-8";
            }

            var length = text.Length < Window ? text.Length : Window;
            var suspicious = 0;
            var firstNul = -1;
            var nuls = 0;
            for (var i = 0; i < length; i++)
            {
                i = PlainText.Skip(text, i, length);
                if (i >= length)
                {
                    break;
                }

                var c = text[i];
                if (c == '\0')
                {
                    if (firstNul < 0)
                    {
                        firstNul = i;
                    }

                    if (++nuls == MinSuspicious)
                    {
                        return string.Format(CultureInfo.InvariantCulture, "it holds NUL characters (U+0000), the first at offset {0}", firstNul);
                    }
                }

                if ((c < ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') || (c >= '\u0080' && c <= '\u009F') || c == '\uFFFD')
                {
                    suspicious++;
                }
            }

            return suspicious >= MinSuspicious && suspicious * 10 >= length
                ? string.Format(CultureInfo.InvariantCulture, "{0} of its first {1} characters are control characters or undecodable bytes (U+FFFD)", suspicious, length)
                : null;
        }

        /// <summary>
        /// UTF-32 as the hosts decode it (they read UTF-8 and UTF-16 only, as the compiler does): little-endian after the
        /// UTF-16 BOM <c>FF FE</c> is a NUL before every character (the next two bytes, <c>00 00</c>); big-endian
        /// (<c>00 00 FE FF</c>) read as UTF-8 is two NULs, two undecodable bytes, then three NULs before every ASCII character.
        /// </summary>
        private static bool LooksLikeUtf32(string text)
        {
            if (text.Length >= 4 && text[0] == '\0' && text[1] == '\0' && text[2] == '\uFFFD' && text[3] == '\uFFFD')
            {
                return true;
            }

            if (text.Length < 2 || text[0] != '\0')
            {
                return false;
            }

            var length = text.Length < Window ? text.Length : Window;
            for (var i = 0; i < length; i += 2)
            {
                if (text[i] != '\0')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
