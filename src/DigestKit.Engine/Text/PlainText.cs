using System.Numerics;
using System.Runtime.CompilerServices;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// Steps over plain text (printable ASCII, tab, line feed, carriage return) a vector at a time. The per-character
    /// scans of the whole text (the not-text check, the encoding rules, the mojibake pre-check) have nothing to do on
    /// such characters, and they are almost all of a digest.
    /// </summary>
    internal static class PlainText
    {
        /// <summary>
        /// An index from <paramref name="start"/> up to <paramref name="end"/> before which every character is plain; it
        /// is at or before the first character that is not. Only whole vectors are skipped, so the caller still looks at
        /// each character from there on: skipping is an optimisation and never changes what a scan finds.
        /// </summary>
        public static unsafe int Skip(string text, int start, int end)
        {
            var width = Vector<ushort>.Count;
            if (!Vector.IsHardwareAccelerated || start < 0 || end > text.Length || end - start < width)
            {
                return start;
            }

            var space = new Vector<ushort>(0x20);
            var printableRange = new Vector<ushort>(0x7E - 0x20);
            var tab = new Vector<ushort>('\t');
            var lineFeed = new Vector<ushort>('\n');
            var carriageReturn = new Vector<ushort>('\r');
            var allLanes = new Vector<ushort>(ushort.MaxValue);
            var i = start;
            fixed (char* chars = text)
            {
                for (; i <= end - width; i += width)
                {
                    var v = Unsafe.ReadUnaligned<Vector<ushort>>(chars + i);

                    // Unsigned lanes: v - 0x20 wraps below U+0020, so one comparison tests U+0020..U+007E.
                    var plain = Vector.LessThanOrEqual(v - space, printableRange) |
                        Vector.Equals(v, lineFeed) | Vector.Equals(v, carriageReturn) | Vector.Equals(v, tab);
                    if (!Vector.EqualsAll(plain, allLanes))
                    {
                        break;
                    }
                }
            }

            return i;
        }

        /// <summary>
        /// Like <see cref="Skip"/>, for a scan that has nothing to do on any character below <paramref name="limit"/>:
        /// every character before the index returned is below it, and the index is at or before the first that is not.
        /// </summary>
        public static unsafe int SkipBelow(string text, int start, int end, char limit)
        {
            var width = Vector<ushort>.Count;
            if (!Vector.IsHardwareAccelerated || start < 0 || end > text.Length || end - start < width)
            {
                return start;
            }

            var limits = new Vector<ushort>(limit);
            var i = start;
            fixed (char* chars = text)
            {
                while (i <= end - width && Vector.LessThanAll(Unsafe.ReadUnaligned<Vector<ushort>>(chars + i), limits))
                {
                    i += width;
                }
            }

            return i;
        }
    }
}
