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

        /// <summary>
        /// A body longer than <see cref="ChunksAtLeast"/> chunks is read by Markdig a run of paper sections at a time
        /// (<see cref="TryReadChunks"/>), so its syntax tree, about 500 bytes a block, is never alive whole: a megabyte of
        /// <c>#</c> lines is half a million blocks, and Markdig's handling of link reference definitions is quadratic in
        /// a document's blocks. A chunk's text stays under the large object heap's threshold. Real posts are shorter
        /// than two chunks (the longest sample is 53 KB) and are read in one piece, as before.
        /// </summary>
        internal const int ChunkLength = 32 * 1024;

        private const int ChunksAtLeast = 2;

        public static EquatableArray<Paper> Parse(ParseContext context, int bodyStart) => Parse(context, bodyStart, ChunkLength);

        /// <summary>Parses with chunks of at least <paramref name="chunkLength"/> characters (tests pass small ones).</summary>
        internal static EquatableArray<Paper> Parse(ParseContext context, int bodyStart, int chunkLength)
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

            var blocks = ReadBlocks(context, bodyStart, chunkLength);
            if (blocks == null)
            {
                return EquatableArray<Paper>.Empty;
            }

            // The papers are counted first, so their array is made once at its size (on a file of headings it is
            // megabytes, and a growing list would copy it as many times as it doubles).
            var count = 0;
            for (var i = 0; i < blocks.Ranges.Count; i++)
            {
                count += Trimmed(blocks.Ranges[i], text, bodyStart, out var s, out _) && IsPaperHeading(blocks.Ranges[i], text, s) ? 1 : 0;
            }

            var papers = count == 0 ? Array.Empty<Paper>() : new Paper[count];
            var built = 0;
            var current = new PaperBuilder(context);
            var open = false;
            for (var i = 0; i < blocks.Ranges.Count; i++)
            {
                var block = blocks.Ranges[i];
                if (!Trimmed(block, text, bodyStart, out var start, out var end))
                {
                    continue;
                }

                if (IsPaperHeading(block, text, start))
                {
                    if (open)
                    {
                        papers[built++] = current.Build();
                    }

                    current.Start(start, TextScanner.LineEnd(text, start));
                    open = true;
                    if (block.Kind == BlockKind.Paragraph)
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

                if (!open)
                {
                    var lineEnd = Math.Min(end, TextScanner.LineEnd(text, start));
                    context.ReportUnexpected(start, lineEnd, "before the first paper");
                    continue;
                }

                switch (block.Kind)
                {
                    case BlockKind.Paragraph:
                        current.AddParagraph(start, end);
                        break;
                    case BlockKind.List:
                        AddList(current, blocks, block, text);
                        break;
                    case BlockKind.Html:
                        current.AddHtml(start, end);
                        break;
                    default:
                        current.Unexpected(start, end);
                        break;
                }
            }

            if (open)
            {
                papers[built++] = current.Build();
            }

            return new EquatableArray<Paper>(papers);
        }

        /// <summary>The block's range trimmed of white space; false for a block of the front matter or an empty one.</summary>
        private static bool Trimmed(BlockRange block, string text, int bodyStart, out int start, out int end)
        {
            start = block.Start;
            end = block.End;
            if (end <= start || start < bodyStart)
            {
                return false;
            }

            (start, end) = TextScanner.Trim(text, start, end);
            return end > start;
        }

        /// <summary>A level-1 heading, or a paragraph that starts with '#' ("#5. Title"), opens a paper.</summary>
        private static bool IsPaperHeading(BlockRange block, string text, int start) =>
            block.Kind == BlockKind.Heading1 || (block.Kind == BlockKind.Paragraph && text[start] == '#');

        /// <summary>
        /// The body's top-level blocks, or null when the body cannot be read at all (nested past Markdig's depth limit).
        /// Markdig reads the whole text, so a large post is not copied (a copy lands on the large object heap and costs
        /// Gen2 collections); blocks of the front matter are skipped by the caller. Only when a block starts in the
        /// front matter and runs into the body (an HTML block opened by a YAML line, say) is the body parsed alone.
        /// </summary>
        private static BlockList? ReadBlocks(ParseContext context, int bodyStart, int chunkLength)
        {
            var text = context.Text;
            if ((text.Length - bodyStart) / ChunksAtLeast > chunkLength && TryReadChunks(text, bodyStart, chunkLength) is { } chunked)
            {
                return chunked;
            }

            var blocks = new BlockList();
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

            blocks.Add(document, 0, text.Length);
            return blocks;
        }

        /// <summary>
        /// The blocks of the whole text read in chunks of at least <paramref name="chunkLength"/> characters, each cut
        /// before a level-1 ATX heading line (<c>#</c> then a space, a tab or the line's end) where nothing the chunk
        /// leaves open could take that line in: such a heading interrupts a paragraph and, being unindented, ends a
        /// list or an indented code block, so only an HTML block can run on past it. When the chunk ends in an HTML
        /// block that may still be open, the next chunk starts at that block's line instead; when that block is the
        /// chunk's first, the cut is moved on (twice as far each time, so such a block is read about three times).
        /// The blocks are then those of one parse of the whole text (see <see cref="BlockList.Add"/> for the one block
        /// Markdig makes per document). Null, and the caller reads the text whole as before, when a chunk fails or the
        /// first one has a block running from the front matter into the body. Markdig's search for a link reference
        /// definition's paragraph among its siblings is linear, so chunks also keep a file of definitions linear.
        /// </summary>
        private static BlockList? TryReadChunks(string text, int bodyStart, int chunkLength)
        {
            var blocks = new BlockList();
            var start = 0;
            while (start < text.Length)
            {
                var end = NextCut(text, Math.Max(start + chunkLength, bodyStart + 1));
                while (true)
                {
                    MarkdownDocument document;
                    try
                    {
                        document = Markdown.Parse(start == 0 && end == text.Length ? text : text.Substring(start, end - start), Pipeline);
                    }
                    catch (Exception)
                    {
                        return null;
                    }

                    if (start == 0 && StraddlesBodyStart(document, bodyStart))
                    {
                        return null;
                    }

                    if (end == text.Length || EndsClosed(document, text, end))
                    {
                        blocks.Add(document, start, text.Length, document.Count, chunk: true);
                        break;
                    }

                    // The HTML block that may run on is the chunk's last: the blocks before it are the whole text's, and
                    // the next chunk starts on its line, where nothing was open (a paragraph it interrupts has ended).
                    var restart = TextScanner.LineStart(text, start + document[document.Count - 1].Span.Start);
                    if (restart > start && restart > bodyStart)
                    {
                        blocks.Add(document, start, text.Length, document.Count - 1, chunk: true);
                        end = restart;
                        break;
                    }

                    end = NextCut(text, end + (end - start));
                }

                start = end;
            }

            return blocks;
        }

        /// <summary>The first line start at or after <paramref name="from"/> that is a level-1 ATX heading, or the text's length.</summary>
        private static int NextCut(string text, int from)
        {
            for (var i = from < text.Length ? text.IndexOf('#', from) : -1; i >= 0; i = i + 1 < text.Length ? text.IndexOf('#', i + 1) : -1)
            {
                var lineStart = i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
                var next = i + 1 < text.Length ? text[i + 1] : '\n';
                if (lineStart && (next == ' ' || next == '\t' || next == '\n' || next == '\r'))
                {
                    return i;
                }
            }

            return text.Length;
        }

        /// <summary>
        /// Whether the chunk ending at <paramref name="cut"/> leaves nothing open that the heading line there would
        /// continue: its last block is not an HTML block, or is one of the kinds a blank line ends with a blank line
        /// just before the cut. The other HTML kinds (comments, <c>&lt;script&gt;</c>…) run on over blank lines.
        /// </summary>
        private static bool EndsClosed(MarkdownDocument document, string text, int cut)
        {
            if (document.Count == 0 || document[document.Count - 1] is not HtmlBlock html)
            {
                return true;
            }

            if (html.Type != HtmlBlockType.InterruptingBlock && html.Type != HtmlBlockType.NonInterruptingBlock)
            {
                return false;
            }

            // The cut is a line start after a line break: the line before it is blank when only spaces and tabs
            // stand between that break and the one before it.
            var i = cut - 1;
            if (i > 0 && text[i] == '\n' && text[i - 1] == '\r')
            {
                i--;
            }

            for (i--; i >= 0 && text[i] != '\n' && text[i] != '\r'; i--)
            {
                if (text[i] != ' ' && text[i] != '\t')
                {
                    return false;
                }
            }

            return i >= 0;
        }

        /// <summary>
        /// Reads [start, end) of the body alone, appending its blocks. When Markdig fails on it, the range is read again
        /// in smaller pieces: paper sections (from one level-1 heading line to the next), then paragraphs (runs of lines
        /// up to a blank line that an unindented line follows). A paragraph Markdig still fails on is one DK2017 at its
        /// span, and every other piece is read as usual. False when the text is nested past Markdig's depth limit.
        /// </summary>
        private static bool ReadPieces(ParseContext context, int start, int end, BlockList blocks)
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

        private static bool TryRead(ParseContext context, int start, int end, BlockList blocks, out Exception? failure)
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

            blocks.Add(document, start, context.Text.Length);
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

        private static void AddList(PaperBuilder paper, BlockList blocks, BlockRange list, string text)
        {
            for (var i = list.FirstItem; i < list.FirstItem + list.ItemCount; i++)
            {
                var (start, end) = TextScanner.Trim(text, blocks.Items[i].Start, blocks.Items[i].End);
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

        private enum BlockKind : byte
        {
            Other,
            Heading1,
            Paragraph,
            List,
            Html,
        }

        /// <summary>
        /// A top-level block as the papers read it: its kind and its range in the whole text (Markdig's inclusive end
        /// plus one, clamped to the text), and for a list the run of its items in <see cref="BlockList.Items"/>.
        /// </summary>
        private readonly record struct BlockRange(BlockKind Kind, int Start, int End, int FirstItem, int ItemCount);

        /// <summary>
        /// What the papers need of Markdig's blocks, taken as each document is read so that its tree can be dropped
        /// (twenty bytes a block instead of Markdig's few hundred).
        /// </summary>
        private sealed class BlockList
        {
            public SegmentedList<BlockRange> Ranges { get; } = new SegmentedList<BlockRange>();

            public SegmentedList<(int Start, int End)> Items { get; } = new SegmentedList<(int Start, int End)>();

            private bool _hasDefinitions;

            /// <summary>
            /// Appends the top-level blocks of <paramref name="document"/>, read from the text at <paramref name="offset"/>.
            /// Markdig gathers a document's link reference definitions (<c>[x]: /url</c>) into one group, placed where the
            /// first stood with the span 0..(its length - 1) whatever its offset: a text read in <paramref name="chunk"/>s
            /// keeps only the first chunk's group, at that span, as one read of the whole text has it.
            /// </summary>
            public void Add(MarkdownDocument document, int offset, int textLength) => Add(document, offset, textLength, document.Count, chunk: false);

            /// <summary>Appends the first <paramref name="count"/> top-level blocks of <paramref name="document"/>.</summary>
            public void Add(MarkdownDocument document, int offset, int textLength, int count, bool chunk)
            {
                for (var i = 0; i < count; i++)
                {
                    var block = document[i];
                    if (block.Span.IsEmpty)
                    {
                        continue;
                    }

                    if (block is LinkReferenceDefinitionGroup && chunk)
                    {
                        if (!_hasDefinitions)
                        {
                            _hasDefinitions = true;
                            Ranges.Add(new BlockRange(BlockKind.Other, block.Span.Start, Math.Min(textLength, block.Span.End + 1), Items.Count, 0));
                        }

                        continue;
                    }

                    var firstItem = Items.Count;
                    if (block is ListBlock list)
                    {
                        foreach (var item in list)
                        {
                            Items.Add((offset + item.Span.Start, Math.Min(textLength, offset + item.Span.End + 1)));
                        }
                    }

                    var kind = block switch
                    {
                        HeadingBlock heading => heading.Level == 1 ? BlockKind.Heading1 : BlockKind.Other,
                        ParagraphBlock => BlockKind.Paragraph,
                        ListBlock => BlockKind.List,
                        HtmlBlock => BlockKind.Html,
                        _ => BlockKind.Other,
                    };
                    Ranges.Add(new BlockRange(kind, offset + block.Span.Start, Math.Min(textLength, offset + block.Span.End + 1), firstItem, Items.Count - firstItem));
                }
            }
        }

        /// <summary>
        /// An append-only list kept in arrays of <see cref="SegmentLength"/> items, each under the large object heap's
        /// 85,000 bytes: half a million blocks then cost no large arrays copied as a list doubles (each one counts
        /// towards a full collection).
        /// </summary>
        private sealed class SegmentedList<T>
        {
            private const int SegmentLength = 4096;
            private readonly List<T[]> _segments = new List<T[]>();

            public int Count { get; private set; }

            public T this[int index] => _segments[index / SegmentLength][index % SegmentLength];

            public void Add(T item)
            {
                if (Count % SegmentLength == 0)
                {
                    // The first segment grows up to full size, so a small post's few blocks take a few bytes.
                    _segments.Add(new T[Count == 0 ? 16 : SegmentLength]);
                }
                else if (Count < SegmentLength && Count == _segments[0].Length)
                {
                    var grown = new T[Math.Min(SegmentLength, Count * 2)];
                    Array.Copy(_segments[0], grown, Count);
                    _segments[0] = grown;
                }

                _segments[Count / SegmentLength][Count % SegmentLength] = item;
                Count++;
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
