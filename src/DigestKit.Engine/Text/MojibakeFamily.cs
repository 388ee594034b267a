using System.Collections.Generic;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// The code pages whose mis-reading of UTF-8 bytes is searched together. Windows-1252 and Latin-1 share one
    /// family: they agree on 0xA0–0xFF and a single mis-decoded run may hold characters both can produce, so a run
    /// is cut only where no page of the family can produce all of it.
    /// </summary>
    internal sealed class MojibakeFamily
    {
        // Per UTF-16 code unit: low byte = the byte it decodes from (0 = none), high byte = which Pages can produce it.
        // A flat table keeps the per-character test a single array read on megabytes of text.
        private readonly ushort[] lookup = new ushort[0x10000];

        private MojibakeFamily(bool mixesPages, params SingleByteCodePage[] pages)
        {
            MixesPages = mixesPages;
            Pages = pages;
            for (var page = 0; page < pages.Length; page++)
            {
                for (var b = 0x80; b <= 0xFF; b++)
                {
                    var c = pages[page].Decode((byte)b);
                    lookup[c] = (ushort)(((lookup[c] >> 8) | (1 << page)) << 8 | b);
                }
            }
        }

        /// <summary>Mac OS Roman alone.</summary>
        public static MojibakeFamily MacOsRoman { get; } = new MojibakeFamily(false, SingleByteCodePage.MacOsRoman);

        /// <summary>Windows-1252 (sloppy) first, as the likelier of the two, then Latin-1.</summary>
        public static MojibakeFamily WindowsLatin { get; } =
            new MojibakeFamily(true, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1);

        public static IReadOnlyList<MojibakeFamily> All { get; } = new[] { WindowsLatin, MacOsRoman };

        public IReadOnlyList<SingleByteCodePage> Pages { get; }

        /// <summary>
        /// Whether one run may mix the family's pages. Windows-1252 and Latin-1 differ only at 0x80–0x9F, where one
        /// has punctuation and the other C1 controls; text that went through both (a 1252 reader, then a Latin-1
        /// one, or lines pasted together) holds both, and either spelling means the same byte.
        /// </summary>
        public bool MixesPages { get; }

        /// <summary>The high-half byte <paramref name="c"/> decodes from, 0 when none of the family's pages produces it.</summary>
        public byte ByteOf(char c) => (byte)lookup[c];

        /// <summary>A bit per page of <see cref="Pages"/> that produces <paramref name="c"/>.</summary>
        public int PagesOf(char c) => lookup[c] >> 8;

        /// <summary>True when <paramref name="c"/> decodes from a UTF-8 lead byte of a multi-byte sequence (0xC2–0xF4).</summary>
        public bool IsLead(char c)
        {
            var b = (byte)lookup[c];
            return b >= 0xC2 && b <= 0xF4;
        }

        /// <summary>True when <paramref name="c"/> decodes from a UTF-8 continuation byte (0x80–0xBF).</summary>
        public bool IsContinuation(char c)
        {
            var b = (byte)lookup[c];
            return b >= 0x80 && b <= 0xBF;
        }

        /// <summary>The first page of the family that can produce every character whose page bits are <paramref name="pages"/>.</summary>
        public SingleByteCodePage PageFor(int pages)
        {
            if (pages == 0 && MixesPages)
            {
                return SingleByteCodePage.WindowsLatinMixed;
            }

            for (var i = 0; i < Pages.Count; i++)
            {
                if ((pages & (1 << i)) != 0)
                {
                    return Pages[i];
                }
            }

            return Pages[0];
        }
    }
}
