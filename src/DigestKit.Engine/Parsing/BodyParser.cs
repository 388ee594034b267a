using System;
using System.Collections.Generic;
using System.Reflection;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Splits the body into paper sections with Markdig's block parser and hands each block to the paper it
    /// belongs to. Only blocks are parsed: inline parsing is switched off because titles, abstracts and lines keep
    /// their text as written (TeX, <c>*</c>, <c>_</c>) and the few inline shapes that matter are read by hand with
    /// exact spans. Block quotes and fenced code are off too: a digest has none, and a stray <c>&gt;</c> or
    /// <c>```</c> then stays an ordinary, reported paragraph instead of swallowing the papers after it.
    /// </summary>
    internal static class BodyParser
    {
        private static readonly MarkdownPipeline Pipeline = CreatePipeline();

        public static EquatableArray<Paper> Parse(ParseContext context, int bodyStart)
        {
            var text = context.Text;
            if (bodyStart >= text.Length)
            {
                return EquatableArray<Paper>.Empty;
            }

            var deepLine = FindDeeplyNestedLine(text, context.Lines, bodyStart);
            if (deepLine >= 0)
            {
                // Markdig takes quadratic time to reach its own depth limit on such a line: refuse it up front.
                context.Report(DigestRules.BodyUnreadable, context.FromBounds(deepLine, TextScanner.LineEnd(text, deepLine)),
                    $"a line opens more than {MaxContainerPrefix} characters of nested lists or quotes");
                return EquatableArray<Paper>.Empty;
            }

            var blocks = ReadBlocks(context, bodyStart);
            if (blocks == null)
            {
                return EquatableArray<Paper>.Empty;
            }

            var papers = new List<Paper>();
            PaperBuilder? current = null;
            foreach (var (block, offset) in blocks)
            {
                var start = offset + block.Span.Start;
                var end = Math.Min(text.Length, offset + block.Span.End + 1);
                if (block.Span.IsEmpty || end <= start || start < bodyStart)
                {
                    continue;
                }

                (start, end) = TextScanner.Trim(text, start, end);
                if (end <= start)
                {
                    continue;
                }

                if (IsPaperHeading(block, text, start))
                {
                    if (current != null)
                    {
                        papers.Add(current.Build());
                    }

                    current = new PaperBuilder(context, start, TextScanner.LineEnd(text, start));
                    if (block is ParagraphBlock)
                    {
                        // "#5. Title" is a paragraph to Markdown; anything under it on the same paragraph is lost to
                        // the heading, so report it.
                        var next = TextScanner.NextLineStart(text, start);
                        if (next < end)
                        {
                            current.Unexpected(next, end);
                        }
                    }

                    continue;
                }

                if (current == null)
                {
                    var lineEnd = Math.Min(end, TextScanner.LineEnd(text, start));
                    context.ReportUnexpected(start, lineEnd, "before the first paper");
                    continue;
                }

                switch (block)
                {
                    case ParagraphBlock:
                        current.AddParagraph(start, end);
                        break;
                    case ListBlock list:
                        AddList(current, list, offset, text);
                        break;
                    case HtmlBlock:
                        current.AddHtml(start, end);
                        break;
                    default:
                        current.Unexpected(start, end);
                        break;
                }
            }

            if (current != null)
            {
                papers.Add(current.Build());
            }

            return new EquatableArray<Paper>(papers.ToArray());
        }

        /// <summary>
        /// The body's top-level blocks, each with the offset its spans are relative to, or null when the body cannot be
        /// read at all (nested past Markdig's depth limit). Markdig reads the whole text, so a large post is not copied (a
        /// copy lands on the large object heap and costs Gen2 collections); blocks of the front matter are skipped by the
        /// caller. Only when a block starts in the front matter and runs into the body (an HTML block opened by a YAML
        /// line, say) is the body parsed alone.
        /// </summary>
        private static List<(Block Block, int Offset)>? ReadBlocks(ParseContext context, int bodyStart)
        {
            var text = context.Text;
            var blocks = new List<(Block Block, int Offset)>();
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(text, Pipeline);
                if (StraddlesBodyStart(document, bodyStart))
                {
                    return ReadPieces(context, bodyStart, text.Length, blocks) ? blocks : null;
                }
            }
            catch (ArgumentException ex)
            {
                // Markdig refuses input nested past its depth limit; say so instead of losing the body silently.
                context.Report(DigestRules.BodyUnreadable, context.FromBounds(bodyStart, TextScanner.LineEnd(text, bodyStart)), ParseContext.Quote(ex.Message));
                return null;
            }
            catch (Exception)
            {
                // A Markdig bug on some block (an IndexOutOfRangeException in its link label scanner, say): read the
                // body again a paper section at a time, so only the block it concerns is lost.
                return ReadPieces(context, bodyStart, text.Length, blocks) ? blocks : null;
            }

            foreach (var block in document)
            {
                blocks.Add((block, 0));
            }

            return blocks;
        }

        /// <summary>
        /// Reads [start, end) of the body alone, appending its blocks. When Markdig fails on it, the range is read again
        /// in smaller pieces: paper sections (from one level-1 heading line to the next), then paragraphs (runs of lines
        /// up to a blank line that an unindented line follows). A paragraph Markdig still fails on is one DK2017 at its
        /// span, and every other piece is read as usual. False when the text is nested past Markdig's depth limit.
        /// </summary>
        private static bool ReadPieces(ParseContext context, int start, int end, List<(Block Block, int Offset)> blocks)
        {
            if (TryRead(context, start, end, blocks, out var failure))
            {
                return true;
            }

            if (failure is ArgumentException)
            {
                context.Report(DigestRules.BodyUnreadable, context.FromBounds(start, TextScanner.LineEnd(context.Text, start)), ParseContext.Quote(failure.Message));
                return false;
            }

            foreach (var (s, e) in Split(context.Text, start, end, IsSectionStart))
            {
                if (TryRead(context, s, e, blocks, out _))
                {
                    continue;
                }

                foreach (var (ps, pe) in Split(context.Text, s, e, IsParagraphStart))
                {
                    if (!TryRead(context, ps, pe, blocks, out var paragraphFailure))
                    {
                        var (ts, te) = TextScanner.Trim(context.Text, ps, pe);
                        context.Report(DigestRules.BlockUnreadable, context.FromBounds(ts, te), paragraphFailure!.GetType().Name + ": " + ParseContext.Quote(paragraphFailure.Message.TrimEnd('.', ' ')));
                    }
                }
            }

            return true;
        }

        private static bool TryRead(ParseContext context, int start, int end, List<(Block Block, int Offset)> blocks, out Exception? failure)
        {
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(context.Text.Substring(start, end - start), Pipeline);
            }
            catch (Exception ex)
            {
                failure = ex;
                return false;
            }

            foreach (var block in document)
            {
                blocks.Add((block, start));
            }

            failure = null;
            return true;
        }

        /// <summary>[start, end) cut before every line that <paramref name="isStart"/> accepts (the first piece may be empty).</summary>
        private static List<(int Start, int End)> Split(string text, int start, int end, Func<string, int, int, bool> isStart)
        {
            var pieces = new List<(int Start, int End)>();
            var pieceStart = start;
            var previous = start;
            var line = TextScanner.NextMarkdownLine(text, start);
            while (line < end)
            {
                if (isStart(text, previous, line))
                {
                    pieces.Add((pieceStart, line));
                    pieceStart = line;
                }

                previous = line;
                line = TextScanner.NextMarkdownLine(text, line);
            }

            pieces.Add((pieceStart, end));
            return pieces;
        }

        /// <summary>A line Markdown reads as a level-1 heading (or the "#5. Title" form) starts a paper section.</summary>
        private static bool IsSectionStart(string text, int previousLine, int line) =>
            text[line] == '#' && (line + 1 >= text.Length || text[line + 1] != '#');

        /// <summary>An unindented, non-blank line after a blank line starts a new paragraph, list or HTML block.</summary>
        private static bool IsParagraphStart(string text, int previousLine, int line)
        {
            var c = text[line];
            return c != ' ' && c != '\t' && c != '\r' && c != '\n' &&
                TextScanner.IsBlank(text, previousLine, line);
        }

        private static bool StraddlesBodyStart(MarkdownDocument document, int bodyStart)
        {
            if (bodyStart == 0)
            {
                return false;
            }

            foreach (var block in document)
            {
                if (block.Span.Start >= bodyStart)
                {
                    return false;
                }

                if (!block.Span.IsEmpty && block.Span.End >= bodyStart)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Longest run of list/quote markers and indentation a line may open with (real lines: 2).</summary>
        internal const int MaxContainerPrefix = 256;

        /// <summary>
        /// The start of the first line from <paramref name="start"/> on whose container prefix is longer than allowed, or
        /// -1. The lines are the line map's starts that follow a CR or LF (the map also starts lines after U+0085, U+2028
        /// and U+2029, which Markdown does not), so the text is not searched for line breaks a second time.
        /// </summary>
        private static int FindDeeplyNestedLine(string text, LineMap lines, int start)
        {
            if (ContainerPrefixTooLong(text, start))
            {
                return start;
            }

            for (var line = lines.Position(start).Line + 1; line <= lines.LineCount; line++)
            {
                var lineStart = lines.LineStart(line);
                if (lineStart > start && lineStart < text.Length && TextScanner.IsLineBreak(text[lineStart - 1]) &&
                    ContainerPrefixTooLong(text, lineStart))
                {
                    return lineStart;
                }
            }

            return -1;
        }

        private static bool ContainerPrefixTooLong(string text, int line)
        {
            var i = line;
            while (i < text.Length && IsContainerChar(text[i]))
            {
                i++;
            }

            return i - line > MaxContainerPrefix;
        }

        private static bool IsContainerChar(char c) =>
            c == ' ' || c == '\t' || c == '-' || c == '*' || c == '+' || c == '>' || c == '.' || c == ')' || (c >= '0' && c <= '9');

        private static bool IsPaperHeading(Block block, string text, int start) =>
            block switch
            {
                HeadingBlock heading => heading.Level == 1,
                ParagraphBlock => text[start] == '#',
                _ => false,
            };

        private static void AddList(PaperBuilder paper, ListBlock list, int offset, string text)
        {
            foreach (var item in list)
            {
                var start = offset + item.Span.Start;
                var end = Math.Min(text.Length, offset + item.Span.End + 1);
                (start, end) = TextScanner.Trim(text, start, end);
                if (end <= start)
                {
                    continue;
                }

                // Skip the bullet ("- ", "* ", "+ ", "1. ") to the item's content.
                var content = start;
                while (content < end && !char.IsWhiteSpace(text[content]))
                {
                    content++;
                }

                while (content < end && (text[content] == ' ' || text[content] == '\t'))
                {
                    content++;
                }

                var lineEnd = Math.Min(end, TextScanner.LineEnd(text, start));
                paper.AddListItem(start, content, lineEnd);
                var next = TextScanner.NextLineStart(text, start);
                if (next < end && !TextScanner.IsBlank(text, next, end))
                {
                    var (s, e) = TextScanner.Trim(text, next, end);
                    paper.Unexpected(s, e);
                }
            }
        }

        private static MarkdownPipeline CreatePipeline()
        {
            var builder = new MarkdownPipelineBuilder();
            builder.BlockParsers.TryRemove<QuoteBlockParser>();
            builder.BlockParsers.TryRemove<FencedCodeBlockParser>();
            builder.InlineParsers.Clear();

            // With no inline parsers Markdig still walks every leaf block and wraps its text in a literal inline;
            // nothing here reads inlines, so each leaf is marked as having none to process when it closes. Nothing
            // reads a closed leaf's lines either (only its span): they go back to Markdig's pool, as its inline pass
            // would have sent them, instead of being allocated afresh for every block.
            foreach (var parser in builder.BlockParsers)
            {
                parser.Closed += (_, block) =>
                {
                    if (block is LeafBlock leaf)
                    {
                        leaf.ProcessInlines = false;
                        if (ReleaseLines != null && leaf.Lines.Lines != null)
                        {
                            ReleaseLines(ref leaf.Lines);
                        }
                    }
                };
            }

            return builder.Build();
        }

        private delegate void LinesRelease(ref StringLineGroup lines);

        /// <summary>Markdig's internal <c>StringLineGroup.Release</c> (returns the line array to its pool), or null if absent.</summary>
        private static readonly LinesRelease? ReleaseLines = CreateReleaseLines();

        private static LinesRelease? CreateReleaseLines()
        {
            var method = typeof(StringLineGroup).GetMethod("Release", BindingFlags.Instance | BindingFlags.NonPublic, null, Type.EmptyTypes, null);
            return method == null ? null : (LinesRelease?)Delegate.CreateDelegate(typeof(LinesRelease), method, throwOnBindFailure: false);
        }
    }
}
