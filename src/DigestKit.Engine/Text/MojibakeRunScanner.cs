using System.Collections.Generic;
using System.Text;

namespace DigestKit.Engine.Text
{
    /// <summary>One UTF-8 multi-byte sequence spelled in a single-byte code page: <see cref="Length"/> characters at <see cref="Start"/>.</summary>
    internal readonly struct MojibakeSequence
    {
        public MojibakeSequence(int start, int length, int codePoint, int pages)
        {
            Start = start;
            Length = length;
            CodePoint = codePoint;
            Pages = pages;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        /// <summary>The character the bytes mean in UTF-8.</summary>
        public int CodePoint { get; }

        /// <summary>Which pages of the family produce every character of the sequence.</summary>
        public int Pages { get; }
    }

    /// <summary>Adjacent sequences of one family: the smallest stretch that re-encodes to valid UTF-8.</summary>
    internal sealed class MojibakeRun
    {
        public MojibakeRun(MojibakeFamily family) => Family = family;

        public MojibakeFamily Family { get; }

        public List<MojibakeSequence> Sequences { get; } = new List<MojibakeSequence>();

        public int Start => Sequences[0].Start;

        public int End => Sequences[Sequences.Count - 1].End;

        /// <summary>Which pages of the family produce every sequence so far, kept as sequences are added: the
        /// scanner asks after every sequence, and recomputing it made a long run quadratic.</summary>
        public int Pages { get; private set; } = ~0;

        public void Add(MojibakeSequence sequence)
        {
            Sequences.Add(sequence);
            Pages &= sequence.Pages;
        }

        public string Repaired()
        {
            var builder = new StringBuilder(Sequences.Count * 2);
            foreach (var sequence in Sequences)
            {
                AppendCodePoint(builder, sequence.CodePoint);
            }

            return builder.ToString();
        }

        private static void AppendCodePoint(StringBuilder builder, int codePoint)
        {
            if (codePoint > 0xFFFF)
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
            else
            {
                builder.Append((char)codePoint);
            }
        }
    }

    /// <summary>
    /// Finds where a string spells UTF-8 bytes through a single-byte code page: a character that decodes from a lead
    /// byte, followed by as many characters decoding from continuation bytes as the lead byte announces, whose bytes
    /// form a well-formed UTF-8 sequence (no overlong forms, no surrogates) naming a character real text could hold.
    /// </summary>
    internal static class MojibakeRunScanner
    {
        public static void Scan(string text, int from, MojibakeFamily family, List<MojibakeRun> runs)
        {
            MojibakeRun? current = null;
            var i = from;
            while (i < text.Length)
            {
                var c = text[i];
                if (c < 0x80 || !family.IsLead(c))
                {
                    current = null;
                    i++;
                    continue;
                }

                var continues = current != null && current.End == i;
                var before = continues ? current!.Sequences[current.Sequences.Count - 1].CodePoint : MojibakeCharInfo.CodePointBefore(text, i);
                if (!TryRead(text, i, family, out var sequence) || !MojibakeCodePointRules.IsAcceptable(sequence.CodePoint, before))
                {
                    current = null;
                    i++;
                    continue;
                }

                // A sequence no page of the running stretch can produce starts a stretch of its own, so that every
                // finding decodes back with exactly one code page; except in a family whose pages agree wherever
                // both define a byte (Windows-1252 and Latin-1): there one run may hold both readings, as text
                // passed through both does, and cutting it would leave half of it unrepaired.
                if (!continues || ((current!.Pages & sequence.Pages) == 0 && !family.MixesPages))
                {
                    current = new MojibakeRun(family);
                    runs.Add(current);
                }

                current!.Add(sequence);
                i = sequence.End;
            }
        }

        /// <summary>Reads the UTF-8 sequence whose lead byte is spelled at <paramref name="start"/>.</summary>
        public static bool TryRead(string text, int start, MojibakeFamily family, out MojibakeSequence sequence)
        {
            sequence = default;
            var lead = family.ByteOf(text[start]);
            int length;
            int codePoint;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                length = 2;
                codePoint = lead & 0x1F;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                length = 3;
                codePoint = lead & 0x0F;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                length = 4;
                codePoint = lead & 0x07;
            }
            else
            {
                return false;
            }

            if (start + length > text.Length)
            {
                return false;
            }

            var pages = family.PagesOf(text[start]);
            for (var k = 1; k < length; k++)
            {
                var c = text[start + k];
                if (!family.IsContinuation(c))
                {
                    return false;
                }

                var b = family.ByteOf(c);
                if (k == 1 && !SecondByteFits(lead, b))
                {
                    return lead == 0xED && b >= 0xA0 && b <= 0xAF && TryReadSurrogatePair(text, start, family, out sequence);
                }

                pages &= family.PagesOf(c);
                codePoint = (codePoint << 6) | (b & 0x3F);
            }

            if (pages == 0 && !family.MixesPages)
            {
                return false;
            }

            sequence = new MojibakeSequence(start, length, codePoint, pages);
            return true;
        }

        /// <summary>
        /// CESU-8 (Java's and old MySQL's UTF-8) writes a character past U+FFFF as its two UTF-16 surrogates, each a
        /// three-byte sequence (ED A0–AF .., then ED B0–BF ..): six characters once mis-read, for one emoji.
        /// </summary>
        private static bool TryReadSurrogatePair(string text, int start, MojibakeFamily family, out MojibakeSequence sequence)
        {
            sequence = default;
            if (start + 6 > text.Length || family.ByteOf(text[start + 3]) != 0xED)
            {
                return false;
            }

            var pages = family.PagesOf(text[start]) & family.PagesOf(text[start + 3]);
            var units = new int[4];
            var at = new[] { start + 1, start + 2, start + 4, start + 5 };
            for (var k = 0; k < 4; k++)
            {
                var c = text[at[k]];
                if (!family.IsContinuation(c))
                {
                    return false;
                }

                units[k] = family.ByteOf(c);
                pages &= family.PagesOf(c);
            }

            if (units[0] < 0xA0 || units[0] > 0xAF || units[2] < 0xB0 || units[2] > 0xBF || (pages == 0 && !family.MixesPages))
            {
                return false;
            }

            var high = 0xD000 | ((units[0] & 0x3F) << 6) | (units[1] & 0x3F);
            var low = 0xD000 | ((units[2] & 0x3F) << 6) | (units[3] & 0x3F);
            sequence = new MojibakeSequence(start, 6, char.ConvertToUtf32((char)high, (char)low), pages);
            return true;
        }

        // The lead bytes whose allowed second byte is narrower than 0x80–0xBF (RFC 3629): this is what rules out
        // overlong forms, UTF-16 surrogates and code points past U+10FFFF.
        private static bool SecondByteFits(byte lead, byte second) => lead switch
        {
            0xE0 => second >= 0xA0,
            0xED => second <= 0x9F,
            0xF0 => second >= 0x90,
            0xF4 => second <= 0x8F,
            _ => true,
        };
    }
}
