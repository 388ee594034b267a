using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Collects the blocks of one paper section in the order the format gives them (authors, the metrics,
    /// links and categories list, the abstract, the tweets) and reports what is missing or out of place.
    /// </summary>
    internal sealed class PaperBuilder
    {
        private readonly ParseContext _context;
        private readonly int _start;
        private readonly SourceSpan _headingSpan;
        private readonly Spanned<int>? _rank;
        private readonly Spanned<string> _title;
        private readonly List<EmbeddedTweet> _tweets = new List<EmbeddedTweet>();
        private int _end;
        private SourceSpan? _authorLine;
        private EquatableArray<Spanned<string>> _authors = EquatableArray<Spanned<string>>.Empty;
        private PaperMetrics? _metrics;
        private PaperLinks? _links;
        private ArxivId? _arxivId;
        private SourceSpan? _categoryLine;
        private EquatableArray<CategoryLink> _categories = EquatableArray<CategoryLink>.Empty;
        private Spanned<string>? _abstract;
        private bool _sawList;

        public PaperBuilder(ParseContext context, int start, int headingEnd)
        {
            _context = context;
            _start = start;
            (_, headingEnd) = TextScanner.Trim(context.Text, start, headingEnd);
            _end = headingEnd;
            _headingSpan = context.FromBounds(start, headingEnd);
            (_rank, _title) = PaperLineParsers.Heading(context, start, headingEnd);
        }

        private string Name => _rank is { } r ? r.Value.ToString(CultureInfo.InvariantCulture) : "'" + ParseContext.Quote(_title.Value) + "'";

        public void AddParagraph(int start, int end)
        {
            _end = end;
            if (_authorLine == null && !_sawList && _abstract == null && _tweets.Count == 0)
            {
                _authorLine = _context.FromBounds(start, end);
                _authors = PaperLineParsers.Authors(_context, start, end);
            }
            else if (_abstract == null && _tweets.Count == 0)
            {
                _abstract = _context.Slice(start, end - start);
            }
            else
            {
                Unexpected(start, end);
            }
        }

        /// <summary>One item of the list under the authors; [start, end) is the item's line without the marker.</summary>
        public void AddListItem(int lineStart, int start, int end)
        {
            _sawList = true;
            _end = end;
            var text = _context.Text;
            if (StartsWith(text, start, end, "retweets:") && _metrics == null)
            {
                _metrics = PaperLineParsers.Metrics(_context, lineStart, start, end);
            }
            else if (StartsWith(text, start, end, "links:") && _links == null)
            {
                (_links, _arxivId) = PaperLineParsers.Links(_context, lineStart, start, end);
            }
            else if (start < end && text[start] == '[' && _categoryLine == null)
            {
                _categoryLine = _context.FromBounds(lineStart, end);
                _categories = PaperLineParsers.Categories(_context, start, end);
            }
            else
            {
                Unexpected(lineStart, end);
            }
        }

        public void AddHtml(int start, int end)
        {
            _end = end;
            TweetHtmlParser.Parse(_context, start, end, _tweets);
        }

        public void Unexpected(int start, int end)
        {
            _end = System.Math.Max(_end, end);
            var lineEnd = System.Math.Min(end, TextScanner.LineEnd(_context.Text, start));
            _context.Report(DigestRules.UnexpectedContent, _context.FromBounds(start, lineEnd),
                ParseContext.Quote(_context.Text.Substring(start, lineEnd - start)), "in paper " + Name);
        }

        public Paper Build()
        {
            if (_authorLine == null)
            {
                _context.Report(DigestRules.MissingAuthors, _headingSpan, Name);
            }

            if (_metrics == null)
            {
                _context.Report(DigestRules.MissingMetrics, _headingSpan, Name);
            }

            if (_links == null)
            {
                _context.Report(DigestRules.MissingLinks, _headingSpan, Name);
            }
            else
            {
                if (_links.Abs == null)
                {
                    _context.Report(DigestRules.AbsLinkMissing, _links.Span, Name);
                }

                if (_links.Pdf == null)
                {
                    _context.Report(DigestRules.PdfLinkMissing, _links.Span, Name);
                }
            }

            if (_categoryLine == null)
            {
                _context.Report(DigestRules.MissingCategories, _headingSpan, Name);
            }

            return new Paper(
                _context.FromBounds(_start, _end),
                _headingSpan,
                _rank,
                _title,
                PaperLineParsers.Collapse(_title.Value),
                _authorLine,
                _authors,
                _metrics,
                _links,
                _arxivId,
                _categoryLine,
                _categories,
                _abstract,
                new EquatableArray<EmbeddedTweet>(_tweets.ToArray()));
        }

        private static bool StartsWith(string text, int at, int end, string value) =>
            at + value.Length <= end && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;
    }
}
