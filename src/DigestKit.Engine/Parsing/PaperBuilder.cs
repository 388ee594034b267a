using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Collects the blocks of one paper section in the order the format gives them (authors, the metrics,
    /// links and categories list, the abstract, the tweets) and reports what is missing or out of place. One builder
    /// serves every paper of a body in turn (<see cref="Start"/>, then <see cref="Build"/>): a file of half a million
    /// headings then allocates half a million papers, not as many builders too.
    /// </summary>
    internal sealed class PaperBuilder
    {
        private readonly ParseContext _context;
        private readonly List<EmbeddedTweet> _tweets = new List<EmbeddedTweet>();
        private int _start;
        private SourceSpan _headingSpan;
        private Spanned<int>? _rank;
        private Spanned<string> _title;
        private string? _name;
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

        public PaperBuilder(ParseContext context) => _context = context;

        /// <summary>Begins the paper whose heading line is [start, headingEnd), forgetting the one built before.</summary>
        public void Start(int start, int headingEnd)
        {
            _start = start;
            (_, headingEnd) = TextScanner.Trim(_context.Text, start, headingEnd);
            _end = headingEnd;
            _headingSpan = _context.FromBounds(start, headingEnd);
            (_rank, _title) = PaperLineParsers.Heading(_context, start, headingEnd);
            _name = null;
            _tweets.Clear();
            _authorLine = null;
            _authors = EquatableArray<Spanned<string>>.Empty;
            _metrics = null;
            _links = null;
            _arxivId = null;
            _categoryLine = null;
            _categories = EquatableArray<CategoryLink>.Empty;
            _abstract = null;
            _sawList = false;
        }

        /// <summary>The paper as messages name it, made once and only when a kept finding needs it.</summary>
        private string Name => _name ??= _rank is { } r ? r.Value.ToString(CultureInfo.InvariantCulture) : "'" + ParseContext.Quote(_title.Value) + "'";

        /// <summary>The paper as DK2010 has always named it (the title in full, where <see cref="Name"/> shortens it).</summary>
        private string UnquotedName => _rank is { } r ? r.Value.ToString(CultureInfo.InvariantCulture) : "'" + _title.Value + "'";

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
            _context.ReportUnexpected(start, lineEnd, this, static p => "in paper " + p.Name);
        }

        public Paper Build()
        {
            if (_authorLine == null)
            {
                _context.Report(DigestRules.MissingAuthors, _headingSpan, null, this, static p => new[] { p.Name });
            }

            foreach (var author in _authors)
            {
                if (string.IsNullOrWhiteSpace(author.Value))
                {
                    _context.Report(DigestRules.EmptyAuthor, EmptyAuthorSpan(author.Span), null, this, static p => new[] { p.UnquotedName });
                }
            }

            if (_metrics == null)
            {
                _context.Report(DigestRules.MissingMetrics, _headingSpan, null, this, static p => new[] { p.Name });
            }

            if (_links == null)
            {
                _context.Report(DigestRules.MissingLinks, _headingSpan, null, this, static p => new[] { p.Name });
            }
            else
            {
                if (_links.Abs == null)
                {
                    var (hint, fix) = LinkRestoration.Missing(_context.Text, _links, _arxivId, abs: true);
                    _context.Report(DigestRules.AbsLinkMissing, _links.Span, fix, Name, hint);
                }

                if (_links.Pdf == null)
                {
                    var (hint, fix) = LinkRestoration.Missing(_context.Text, _links, _arxivId, abs: false);
                    _context.Report(DigestRules.PdfLinkMissing, _links.Span, fix, Name, hint);
                }
            }

            if (_categoryLine == null)
            {
                _context.Report(DigestRules.MissingCategories, _headingSpan, null, this, static p => new[] { p.Name });
            }

            return new Paper(
                _context.FromBounds(_start, _end),
                _headingSpan,
                _rank,
                _title,
                DigestKit.Engine.Text.WhiteSpace.Collapse(_title.Value),
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

        /// <summary>
        /// An empty name has no characters to point at: point at the whitespace it consists of or, when it has none,
        /// at the comma beside it, so an editor shows a squiggle where the name should be.
        /// </summary>
        private SourceSpan EmptyAuthorSpan(SourceSpan span)
        {
            var text = _context.Text;
            if (span.Length > 0 || span.Start < 0 || span.Start > text.Length)
            {
                return span;
            }

            var lineStart = _authorLine?.Start ?? 0;
            var lineEnd = _authorLine?.End ?? text.Length;
            if (span.Start < lineEnd && span.Start < text.Length && text[span.Start] == ',')
            {
                return _context.Span(span.Start, 1);
            }

            for (var i = span.Start - 1; i >= lineStart && i >= 0; i--)
            {
                if (text[i] == ',')
                {
                    return _context.Span(i, 1);
                }

                if (!char.IsWhiteSpace(text[i]))
                {
                    break;
                }
            }

            return span;
        }

        private static bool StartsWith(string text, int at, int end, string value) =>
            at + value.Length <= end && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;
    }
}
