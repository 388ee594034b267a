using System;
using System.Collections.Generic;
using Markdig;
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

            var deepLine = FindDeeplyNestedLine(text, bodyStart);
            if (deepLine >= 0)
            {
                // Markdig takes quadratic time to reach its own depth limit on such a line: refuse it up front.
                context.Report(DigestRules.BodyUnreadable, context.FromBounds(deepLine, TextScanner.LineEnd(text, deepLine)),
                    $"a line opens more than {MaxContainerPrefix} characters of nested lists or quotes");
                return EquatableArray<Paper>.Empty;
            }

            // Markdig reads the whole text, so a large post is not copied (a copy lands on the large object heap and
            // costs Gen2 collections); blocks of the front matter are skipped below. Only when a block starts in the
            // front matter and runs into the body (an HTML block opened by a YAML line, say) is the body parsed alone.
            var offset = 0;
            var document = ParseMarkdown(context, text, bodyStart);
            if (document != null && StraddlesBodyStart(document, bodyStart))
            {
                offset = bodyStart;
                document = ParseMarkdown(context, text.Substring(bodyStart), bodyStart);
            }

            if (document == null)
            {
                return EquatableArray<Paper>.Empty;
            }

            var papers = new List<Paper>();
            PaperBuilder? current = null;
            foreach (var block in document)
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

        private static MarkdownDocument? ParseMarkdown(ParseContext context, string markdown, int bodyStart)
        {
            try
            {
                return Markdown.Parse(markdown, Pipeline);
            }
            catch (ArgumentException ex)
            {
                // Markdig refuses input nested past its depth limit; say so instead of losing the body silently.
                context.Report(DigestRules.BodyUnreadable, context.FromBounds(bodyStart, TextScanner.LineEnd(context.Text, bodyStart)), ParseContext.Quote(ex.Message));
                return null;
            }
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

        /// <summary>The start of the first line whose container prefix is longer than allowed, or -1.</summary>
        private static int FindDeeplyNestedLine(string text, int start)
        {
            var line = start;
            while (line < text.Length)
            {
                var i = line;
                while (i < text.Length && IsContainerChar(text[i]))
                {
                    i++;
                }

                if (i - line > MaxContainerPrefix)
                {
                    return line;
                }

                line = TextScanner.NextLineStart(text, i);
            }

            return -1;
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
            // nothing here reads inlines, so each leaf is marked as having none to process when it closes.
            foreach (var parser in builder.BlockParsers)
            {
                parser.Closed += (_, block) =>
                {
                    if (block is LeafBlock leaf)
                    {
                        leaf.ProcessInlines = false;
                    }
                };
            }

            return builder.Build();
        }
    }
}
