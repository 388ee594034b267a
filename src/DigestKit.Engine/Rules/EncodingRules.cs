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
            DigestRules.BidiControl, DigestRules.ControlCharacter, DigestRules.UncertainMojibake, DigestRules.LineSeparatorInValue);

        public static void Check(RuleContext context)
        {
            var text = context.Text;
            var hasNonAscii = false;
            List<int>? suspicious = null;
            for (var i = PlainText.SkipToEncodingSuspect(text, 0, ref hasNonAscii); i < text.Length; i = PlainText.SkipToEncodingSuspect(text, i + 1, ref hasNonAscii))
            {
                (suspicious ??= new List<int>()).Add(i);
            }

            CheckEscapes(context);
            var mojibake = hasNonAscii ? CheckMojibake(context) : null;
            if (suspicious != null)
            {
                CheckCharacters(context, suspicious, mojibake);
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

                    var span = WithTrailingSpaceBytes(context, author.Span);
                    authorSpans.Add(span);
                    // The parser's value is the span's text; a model built some other way is read from the text.
                    var name = author.Value.Length == span.Length ? author.Value : context.Text.Substring(span.Start, span.Length);
                    if (IsAscii(name))
                    {
                        continue;
                    }

                    var findings = Mojibake.Find(name);
                    if (findings.Count == 0)
                    {
                        continue;
                    }

                    var repaired = Mojibake.Repair(name, findings);
                    context.Report(
                        DigestRules.MojibakeInAuthor,
                        span,
                        new TextEdit(span.Start, span.Length, repaired),
                        name,
                        Encodings(findings),
                        repaired);
                    ReportLostCharacter(context, span, repaired);
                    covered.Add((span.Start, span.End));
                }
            }

            // Findings come in text order; so do author spans once sorted: one merge pass, not findings × authors.
            authorSpans.Sort((a, b) => a.Start.CompareTo(b.Start));
            var nextAuthor = 0;
            var uncertain = new List<MojibakeUncertainty>();
            foreach (var finding in Mojibake.Find(context.Text, uncertain))
            {
                var start = finding.Start;
                var end = finding.Start + finding.Length;
                if (start < 0 || finding.Length <= 0 || end > context.Text.Length)
                {
                    continue;
                }

                while (nextAuthor < authorSpans.Count && authorSpans[nextAuthor].End <= start)
                {
                    nextAuthor++;
                }

                if (nextAuthor < authorSpans.Count && authorSpans[nextAuthor].Start < end)
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
                ReportLostCharacter(context, context.Lines.FromBounds(start, end), finding.Repaired);
                covered.Add((start, end));
            }

            // Left as they are, in author names too: a repair that cannot be made surely is reported, not applied.
            foreach (var doubt in uncertain)
            {
                context.Report(
                    DigestRules.UncertainMojibake,
                    context.Lines.FromBounds(doubt.Start, doubt.Start + doubt.Length),
                    doubt.Original,
                    doubt.Readings);
            }

            covered.Sort((a, b) => a.Start.CompareTo(b.Start));
            return covered;
        }

        private static void CheckCharacters(RuleContext context, List<int> positions, List<(int Start, int End)>? mojibake)
        {
            var text = context.Text;
            var regions = new TextRegions(context.Document);
            var nextRange = 0;
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
                else if (c == '\u2028' || c == '\u2029')
                {
                    if (!regions.InTweet(start))
                    {
                        ReportSeparators(context, regions, start, end);
                    }
                }
                else if (mojibake is null || !OverlapsSorted(mojibake, ref nextRange, start, end))
                {
                    if (c == '\u0085' && !regions.InTweet(start))
                    {
                        // NEXT LINE outside a mis-encoded run is a line separator before it is a control character.
                        ReportSeparators(context, regions, start, end);
                        continue;
                    }

                    // C1 characters inside a mis-encoded run are part of that run and go away with its repair.
                    context.Report(DigestRules.ControlCharacter, span, CharacterName(c), regions.Describe(start));
                }
            }
        }

        /// <summary>
        /// The front matter's double-quoted scalars hold escapes (<c>"\u202E"</c>, <c>"\0"</c>, <c>"\x85"</c>, <c>"\L"</c>) that
        /// YAML turns into the very characters the text scan reports raw: each is reported at its escape sequence, by the
        /// rule its character would get (DK5004, DK5005, DK2016), so an escaped override is no way around the check.
        /// </summary>
        private static void CheckEscapes(RuleContext context)
        {
            if (context.Document.FrontMatter is not { } frontMatter || !context.IsInText(frontMatter.Span) || context.Text.IndexOf('\\', frontMatter.Span.Start, frontMatter.Span.Length) < 0)
            {
                return;
            }

            TextRegions? regions = null;
            foreach (var entry in frontMatter.Entries)
            {
                if (entry.Kind == FrontMatterValueKind.Scalar)
                {
                    CheckEscapes(context, entry.ValueSpan, ref regions);
                }

                foreach (var item in entry.Items)
                {
                    CheckEscapes(context, item.Span, ref regions);
                }
            }
        }

        private static void CheckEscapes(RuleContext context, SourceSpan span, ref TextRegions? regions)
        {
            var text = context.Text;
            if (!context.IsInText(span) || span.Length < 2 || text[span.Start] != '"')
            {
                return;
            }

            var end = span.End;
            for (var i = span.Start + 1; i < end - 1; i++)
            {
                if (text[i] != '\\')
                {
                    continue;
                }

                var (code, length) = Escape(text, i + 1, end);
                var escape = context.Lines.Span(i, 1 + length);
                i += length;
                if (code < 0)
                {
                    continue;
                }

                var c = (char)code;
                regions ??= new TextRegions(context.Document);
                if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
                {
                    context.Report(DigestRules.BidiControl, escape, CharacterName(c), regions.Describe(escape.Start));
                }
                else if (c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    context.Report(DigestRules.LineSeparatorInValue, escape, new TextEdit(escape.Start, escape.Length, " "), CharacterName(c), regions.Describe(escape.Start));
                }
                else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F))
                {
                    context.Report(DigestRules.ControlCharacter, escape, CharacterName(c), regions.Describe(escape.Start));
                }
            }
        }

        /// <summary>
        /// The UTF-16 code of the YAML escape after a backslash at <paramref name="at"/> (-1 for one beyond the BMP or not an
        /// escape) and how many characters it takes after the backslash.
        /// </summary>
        private static (int Code, int Length) Escape(string text, int at, int end)
        {
            if (at >= end)
            {
                return (-1, 0);
            }

            switch (text[at])
            {
                case '0': return (0, 1);
                case 'a': return (7, 1);
                case 'b': return (8, 1);
                case 'v': return (0xB, 1);
                case 'f': return (0xC, 1);
                case 'e': return (0x1B, 1);
                case 'N': return (0x85, 1);
                case 'L': return (0x2028, 1);
                case 'P': return (0x2029, 1);
                case 'x': return Hex(text, at, end, 2);
                case 'u': return Hex(text, at, end, 4);
                case 'U': return Hex(text, at, end, 8);
                default: return (-1, 1);
            }
        }

        private static (int Code, int Length) Hex(string text, int at, int end, int digits)
        {
            if (at + digits >= end || !int.TryParse(text.Substring(at + 1, Math.Min(digits, 6)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                return (-1, 1);
            }

            // \U0010FFFF: eight digits, of which only the last six can be set; a code beyond the BMP is no control character.
            if (digits == 8)
            {
                code = text.Substring(at + 1, 2) == "00" && int.TryParse(text.Substring(at + 3, 6), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low) ? low : -1;
            }

            return (code > 0xFFFF ? -1 : code, 1 + digits);
        }

        /// <summary>DK2016 on each of the separators in [start, end), each with its fix: a space in its place.</summary>
        private static void ReportSeparators(RuleContext context, TextRegions regions, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                context.Report(DigestRules.LineSeparatorInValue, context.Lines.Span(i, 1), new TextEdit(i, 1, " "),
                    CharacterName(context.Text[i]), regions.Describe(i));
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

        /// <summary>
        /// Whether [start, end) overlaps one of <paramref name="ranges"/> (sorted by start, never nested past a
        /// later one's end), for queries in increasing order: <paramref name="next"/> only moves forward, so a file
        /// with a hundred thousand C1 controls and as many repaired runs is still one pass.
        /// </summary>
        private static bool OverlapsSorted(List<(int Start, int End)> ranges, ref int next, int start, int end)
        {
            while (next < ranges.Count && ranges[next].End <= start)
            {
                next++;
            }

            // Author spans and runs inside them may nest; look a few ranges ahead rather than assume disjointness.
            for (var k = next; k < ranges.Count && ranges[k].Start < end; k++)
            {
                if (start < ranges[k].End)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The author span and the U+0085 and U+00A0 right after it. The parser trims them as white space, but they are
        /// what Latin-1 makes of the UTF-8 continuation bytes 0x85 and 0xA0: "Î¿Ï\u0085" is "ου", and a name cut
        /// before its last byte would be repaired by half.
        /// </summary>
        private static SourceSpan WithTrailingSpaceBytes(RuleContext context, SourceSpan span)
        {
            var text = context.Text;
            var end = span.End;
            while (end < text.Length && (text[end] == '\u0085' || text[end] == '\u00A0'))
            {
                end++;
            }

            return end == span.End ? span : context.Lines.FromBounds(span.Start, end);
        }

        /// <summary>
        /// A repair that yields U+FFFD uncovers a character lost before the text was mis-read ("ï¿½" is U+FFFD read as
        /// Windows-1252). The repair is still right, and the loss is reported where it is, as DK5003 would once
        /// repaired: so fixing trades two findings for one instead of seeming to add one.
        /// </summary>
        private static void ReportLostCharacter(RuleContext context, SourceSpan span, string repaired)
        {
            // One per run of U+FFFD, as DK5003 counts them in the repaired text.
            TextRegions? regions = null;
            for (var i = 0; i < repaired.Length; i++)
            {
                if (repaired[i] == '\uFFFD' && (i == 0 || repaired[i - 1] != '\uFFFD'))
                {
                    regions ??= new TextRegions(context.Document);
                    context.Report(DigestRules.ReplacementCharacter, span, regions.Describe(span.Start));
                }
            }
        }

        /// <summary>
        /// Every distinct decoding the findings undid, in order: one name can hold two accidents. Joined with " and ",
        /// not "; ", which in a message starts its advice.
        /// </summary>
        private static string Encodings(IReadOnlyList<MojibakeFinding> findings)
        {
            var names = new List<string>();
            foreach (var finding in findings)
            {
                if (!names.Contains(finding.Encoding))
                {
                    names.Add(finding.Encoding);
                }
            }

            return string.Join(" and ", names);
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
                '\u2028' => "LINE SEPARATOR",
                '\u2029' => "PARAGRAPH SEPARATOR",
                _ => null,
            };
            return name is null ? code : code + " (" + name + ")";
        }
    }
}
