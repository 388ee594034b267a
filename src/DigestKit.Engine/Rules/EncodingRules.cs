using System;
using System.Collections.Generic;
using System.Globalization;
using DigestKit.Engine.Text;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK5001 mojibake in an author name, DK5002 mojibake elsewhere, DK5003 U+FFFD, DK5004 bidi controls outside the
    /// tweet HTML, DK5005 C0/C1 control characters. One pass over the text finds the suspicious characters; the
    /// mojibake detector runs only on files that hold non-ASCII text at all.
    /// </summary>
    internal static class EncodingRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("encoding", Check,
            DigestRules.MojibakeInAuthor, DigestRules.MojibakeInText, DigestRules.ReplacementCharacter,
            DigestRules.BidiControl, DigestRules.ControlCharacter);

        public static void Check(RuleContext context)
        {
            var text = context.Text;
            var hasNonAscii = false;
            List<int>? suspicious = null;
            for (var i = 0; i < text.Length; i++)
            {
                // Almost every character is printable ASCII: step over four of them at a time.
                while (i + 4 <= text.Length && AllPrintableAscii(text, i))
                {
                    i += 4;
                }

                if (i >= text.Length)
                {
                    break;
                }

                var c = text[i];
                if (c < 0x20)
                {
                    if (c != '\t' && c != '\r' && c != '\n')
                    {
                        (suspicious ??= new List<int>()).Add(i);
                    }
                }
                else if (c >= 0x7F)
                {
                    hasNonAscii = true;
                    if (c <= 0x9F || c == '\uFFFD' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
                    {
                        (suspicious ??= new List<int>()).Add(i);
                    }
                }
            }

            var mojibake = hasNonAscii ? CheckMojibake(context) : null;
            if (suspicious != null)
            {
                CheckCharacters(context, suspicious, mojibake);
            }
        }

        /// <summary>
        /// Whether the four characters at <paramref name="index"/> are all in U+0020..U+007E, tested on one 64-bit read:
        /// per 16-bit lane, below 0x80 (no bit from 0x80 up), at least 0x20 (adding 0x60 sets bit 0x80) and not 0x7F
        /// (adding 1 does not set bit 0x80). Lanes below 0x80 cannot carry into their neighbours.
        /// </summary>
        internal static unsafe bool AllPrintableAscii(string text, int index)
        {
            fixed (char* start = text)
            {
                var x = *(ulong*)(start + index);
                return (x & 0xFF80FF80FF80FF80UL) == 0 &&
                       ((x + 0x0060006000600060UL) & 0x0080008000800080UL) == 0x0080008000800080UL &&
                       ((x + 0x0001000100010001UL) & 0x0080008000800080UL) == 0;
            }
        }

        /// <summary>Reports DK5001/DK5002 and returns the spans repaired by them (to silence DK5005 there).</summary>
        private static List<(int Start, int End)> CheckMojibake(RuleContext context)
        {
            var covered = new List<(int Start, int End)>();
            var authorCount = 0;
            foreach (var paper in context.Document.Papers)
            {
                authorCount += paper.Authors.Count;
            }

            var authorSpans = new List<SourceSpan>(authorCount);
            foreach (var paper in context.Document.Papers)
            {
                foreach (var author in paper.Authors)
                {
                    if (!context.IsInText(author.Span) || author.Span.Length == 0)
                    {
                        continue;
                    }

                    authorSpans.Add(author.Span);
                    // The parser's value is the span's text; a model built some other way is read from the text.
                    var name = author.Value.Length == author.Span.Length ? author.Value : context.Text.Substring(author.Span.Start, author.Span.Length);
                    if (IsAscii(name))
                    {
                        continue;
                    }

                    var findings = Mojibake.Find(name);
                    if (findings.Count == 0)
                    {
                        continue;
                    }

                    var repaired = Mojibake.Repair(name);
                    context.Report(
                        DigestRules.MojibakeInAuthor,
                        author.Span,
                        new TextEdit(author.Span.Start, author.Span.Length, repaired),
                        name,
                        findings[0].Encoding,
                        repaired);
                    covered.Add((author.Span.Start, author.Span.End));
                }
            }

            foreach (var finding in Mojibake.Find(context.Text))
            {
                var start = finding.Start;
                var end = finding.Start + finding.Length;
                if (start < 0 || finding.Length <= 0 || end > context.Text.Length || Overlaps(authorSpans, start, end))
                {
                    continue; // Author names are reported whole, above.
                }

                context.Report(
                    DigestRules.MojibakeInText,
                    context.Lines.FromBounds(start, end),
                    new TextEdit(start, finding.Length, finding.Repaired),
                    finding.Original,
                    finding.Encoding,
                    finding.Repaired);
                covered.Add((start, end));
            }

            return covered;
        }

        private static void CheckCharacters(RuleContext context, List<int> positions, List<(int Start, int End)>? mojibake)
        {
            var text = context.Text;
            var regions = new TextRegions(context.Document);
            for (var k = 0; k < positions.Count; k++)
            {
                var start = positions[k];
                var c = text[start];

                // One diagnostic per run of the same character, not one per character.
                var end = start + 1;
                while (k + 1 < positions.Count && positions[k + 1] == end && text[end] == c)
                {
                    end++;
                    k++;
                }

                var span = context.Lines.FromBounds(start, end);
                if (c == '\uFFFD')
                {
                    context.Report(DigestRules.ReplacementCharacter, span, regions.Describe(start));
                }
                else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
                {
                    if (!regions.InTweet(start))
                    {
                        // Tweets legitimately hold direction marks for right-to-left text; they are exempt.
                        context.Report(DigestRules.BidiControl, span, CharacterName(c), regions.Describe(start));
                    }
                }
                else if (mojibake is null || !Overlaps(mojibake, start, end))
                {
                    // C1 characters inside a mis-encoded run are part of that run and go away with its repair.
                    context.Report(DigestRules.ControlCharacter, span, CharacterName(c), regions.Describe(start));
                }
            }
        }

        private static bool IsAscii(string s)
        {
            foreach (var c in s)
            {
                if (c >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Overlaps(List<SourceSpan> spans, int start, int end)
        {
            foreach (var span in spans)
            {
                if (start < span.End && span.Start < end)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Overlaps(List<(int Start, int End)> ranges, int start, int end)
        {
            foreach (var range in ranges)
            {
                if (start < range.End && range.Start < end)
                {
                    return true;
                }
            }

            return false;
        }

        internal static string CharacterName(char c)
        {
            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            var name = c switch
            {
                '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
                '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
                '\u202C' => "POP DIRECTIONAL FORMATTING",
                '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
                '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
                '\u2066' => "LEFT-TO-RIGHT ISOLATE",
                '\u2067' => "RIGHT-TO-LEFT ISOLATE",
                '\u2068' => "FIRST STRONG ISOLATE",
                '\u2069' => "POP DIRECTIONAL ISOLATE",
                '\0' => "NULL",
                '\u0007' => "BELL",
                '\b' => "BACKSPACE",
                '\u000B' => "LINE TABULATION",
                '\f' => "FORM FEED",
                '\u001B' => "ESCAPE",
                '\u007F' => "DELETE",
                '\u0085' => "NEXT LINE",
                _ => null,
            };
            return name is null ? code : code + " (" + name + ")";
        }
    }
}
