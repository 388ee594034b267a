using System.Numerics;
using System.Runtime.CompilerServices;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// Steps over the characters a whole-text scan has nothing to do on, a vector at a time: plain text (printable
    /// ASCII, tab, line feed, carriage return) for the not-text check, everything below a limit for the mojibake
    /// pre-check, everything but the characters the encoding rules report for those. Each returns the exact index of
    /// the first character it does not step over, so a caller steps one character and calls again, and a run of
    /// Japanese or emoji in a tweet costs no more than a run of ASCII.
    /// </summary>
    internal static class PlainText
    {
        /// <summary>The first index in [<paramref name="start"/>, <paramref name="end"/>) that is not plain text, or <paramref name="end"/>.</summary>
        public static unsafe int Skip(string text, int start, int end)
        {
            var i = start;
            var width = Vector<ushort>.Count;
            if (Vector.IsHardwareAccelerated && start >= 0 && end <= text.Length)
            {
                var space = new Vector<ushort>(0x20);
                var printableRange = new Vector<ushort>(0x7E - 0x20);
                var tab = new Vector<ushort>('\t');
                var lineFeed = new Vector<ushort>('\n');
                var carriageReturn = new Vector<ushort>('\r');
                fixed (char* chars = text)
                {
                    for (; i <= end - width; i += width)
                    {
                        var v = Unsafe.ReadUnaligned<Vector<ushort>>(chars + i);

                        // Unsigned lanes: v - 0x20 wraps below U+0020, so one comparison tests U+0020..U+007E.
                        var plain = Vector.LessThanOrEqual(v - space, printableRange) |
                            Vector.Equals(v, lineFeed) | Vector.Equals(v, carriageReturn) | Vector.Equals(v, tab);
                        if (!Vector.EqualsAll(plain, new Vector<ushort>(ushort.MaxValue)))
                        {
                            break;
                        }
                    }
                }
            }

            while (i < end && IsPlain(text[i]))
            {
                i++;
            }

            return i;
        }

        /// <summary>The first index in [<paramref name="start"/>, <paramref name="end"/>) whose character is at least <paramref name="limit"/>, or <paramref name="end"/>.</summary>
        public static unsafe int SkipBelow(string text, int start, int end, char limit)
        {
            var i = start;
            var width = Vector<ushort>.Count;
            if (Vector.IsHardwareAccelerated && start >= 0 && end <= text.Length)
            {
                var limits = new Vector<ushort>(limit);
                fixed (char* chars = text)
                {
                    while (i <= end - width && Vector.LessThanAll(Unsafe.ReadUnaligned<Vector<ushort>>(chars + i), limits))
                    {
                        i += width;
                    }
                }
            }

            while (i < end && text[i] < limit)
            {
                i++;
            }

            return i;
        }

        /// <summary>
        /// The first index at or after <paramref name="start"/> whose character <see cref="IsEncodingSuspect"/>, or the
        /// text's length; <paramref name="nonAscii"/> is set when a character from U+007F up was stepped over or found.
        /// </summary>
        public static unsafe int SkipToEncodingSuspect(string text, int start, ref bool nonAscii)
        {
            var i = start;
            var end = text.Length;
            var width = Vector<ushort>.Count;
            if (Vector.IsHardwareAccelerated && start >= 0)
            {
                var space = new Vector<ushort>(0x20);
                var printableRange = new Vector<ushort>(0x7E - 0x20);
                var allLanes = new Vector<ushort>(ushort.MaxValue);
                var tab = new Vector<ushort>('\t');
                var lineFeed = new Vector<ushort>('\n');
                var carriageReturn = new Vector<ushort>('\r');
                var delete = new Vector<ushort>(0x7F);
                var c1Range = new Vector<ushort>(0x9F - 0x7F);
                var replacement = new Vector<ushort>(0xFFFD);
                var separators = new Vector<ushort>(0x2028);
                var separatorsRange = new Vector<ushort>(0x202E - 0x2028);
                var isolates = new Vector<ushort>(0x2066);
                var isolatesRange = new Vector<ushort>(0x2069 - 0x2066);
                fixed (char* chars = text)
                {
                    for (; i <= end - width; i += width)
                    {
                        var v = Unsafe.ReadUnaligned<Vector<ushort>>(chars + i);
                        var lineBreakOrTab = Vector.Equals(v, lineFeed) | Vector.Equals(v, carriageReturn) | Vector.Equals(v, tab);

                        // Almost every vector is plain text: one range test, as Skip's, before the full one.
                        if (Vector.EqualsAll(Vector.LessThanOrEqual(v - space, printableRange) | lineBreakOrTab, allLanes))
                        {
                            continue;
                        }

                        // The lanes IsEncodingSuspect is true of: C0 but tab/LF/CR, U+007F..U+009F, U+FFFD, U+2028..U+202E,
                        // U+2066..U+2069 (unsigned lanes: v - first <= last - first tests a range in one comparison).
                        var control = Vector.LessThan(v, space) & ~lineBreakOrTab;
                        var suspect = control | Vector.LessThanOrEqual(v - delete, c1Range) | Vector.Equals(v, replacement)
                            | Vector.LessThanOrEqual(v - separators, separatorsRange) | Vector.LessThanOrEqual(v - isolates, isolatesRange);
                        if (!nonAscii && Vector.GreaterThanOrEqualAny(v, delete))
                        {
                            nonAscii = true;
                        }

                        if (!Vector.EqualsAll(suspect, Vector<ushort>.Zero))
                        {
                            break;
                        }
                    }
                }
            }

            for (; i < end; i++)
            {
                var c = text[i];
                nonAscii |= c >= 0x7F;
                if (IsEncodingSuspect(c))
                {
                    break;
                }
            }

            return i;
        }

        /// <summary>
        /// A character the encoding rules look at: a C0 control but tab, line feed and carriage return; DEL and the C1
        /// controls; U+FFFD; the line and paragraph separators and the bidi embeddings and overrides (U+2028..U+202E);
        /// the bidi isolates (U+2066..U+2069).
        /// </summary>
        public static bool IsEncodingSuspect(char c) =>
            c < 0x20 ? c != '\t' && c != '\r' && c != '\n'
            : c >= 0x7F && (c <= 0x9F || c == '\uFFFD' || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'));

        private static bool IsPlain(char c) => (c >= 0x20 && c <= 0x7E) || c == '\n' || c == '\r' || c == '\t';
    }
}
