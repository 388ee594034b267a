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

            var body = bodyStart == 0 ? text : text.Substring(bodyStart);
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(body, Pipeline);
            }
            catch (ArgumentException ex)
            {
                // Markdig refuses input nested past its depth limit; say so instead of losing the body silently.
                context.Report(DigestRules.BodyUnreadable, context.FromBounds(bodyStart, TextScanner.LineEnd(text, bodyStart)), ParseContext.Quote(ex.Message));
                return EquatableArray<Paper>.Empty;
            }

            var papers = new List<Paper>();
            PaperBuilder? current = null;
            foreach (var block in document)
            {
                var start = bodyStart + block.Span.Start;
                var end = Math.Min(text.Length, bodyStart + block.Span.End + 1);
                if (block.Span.IsEmpty || end <= start)
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
                    context.Report(DigestRules.UnexpectedContent, context.FromBounds(start, lineEnd),
                        ParseContext.Quote(text.Substring(start, lineEnd - start)), "before the first paper");
                    continue;
                }

                switch (block)
                {
                    case ParagraphBlock:
                        current.AddParagraph(start, end);
                        break;
                    case ListBlock list:
                        AddList(current, list, bodyStart, text);
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

        private static void AddList(PaperBuilder paper, ListBlock list, int bodyStart, string text)
        {
            foreach (var item in list)
            {
                var start = bodyStart + item.Span.Start;
                var end = Math.Min(text.Length, bodyStart + item.Span.End + 1);
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
            return builder.Build();
        }
    }
}
