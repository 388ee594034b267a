using System;
using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Parsing
{
    /// <summary>The one-line parts of a paper section: heading, authors, metrics, links and categories.</summary>
    internal static class PaperLineParsers
    {
        /// <summary><c># N. Title</c>. [start, end) is the heading line.</summary>
        public static (Spanned<int>? Rank, Spanned<string> Title) Heading(ParseContext context, int start, int end)
        {
            var text = context.Text;
            var i = start;
            while (i < end && text[i] == '#')
            {
                i++;
            }

            while (i < end && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            var digitsStart = i;
            while (i < end && text[i] >= '0' && text[i] <= '9')
            {
                i++;
            }

            var digits = i - digitsStart;
            if (digits == 0 || digits > 9 || i >= end || text[i] != '.')
            {
                var (ts, te) = TextScanner.Trim(text, digitsStart, end);
                context.Report(DigestRules.MalformedHeading, context.FromBounds(start, end), null, (text, start, end),
                    static s => new[] { ParseContext.Quote(s.text.Substring(s.start, s.end - s.start)) });
                return (null, context.Slice(ts, te - ts));
            }

            var rank = new Spanned<int>(Digits(text, digitsStart, digits), context.Span(digitsStart, digits));
            var (titleStart, titleEnd) = TextScanner.Trim(text, i + 1, end);
            if (titleEnd == titleStart)
            {
                context.Report(DigestRules.EmptyTitle, context.FromBounds(start, end), rank.Value.ToString(CultureInfo.InvariantCulture));
            }

            return (rank, context.Slice(titleStart, titleEnd - titleStart));
        }

        /// <summary>The comma-separated author names; empty names are kept (with their span) for the rules.</summary>
        public static EquatableArray<Spanned<string>> Authors(ParseContext context, int start, int end)
        {
            var text = context.Text;
            var commas = 0;
            for (var i = start; i < end; i++)
            {
                commas += text[i] == ',' ? 1 : 0;
            }

            // One name per comma and one after the last: the array is filled in place, not copied out of a list.
            var authors = new Spanned<string>[commas + 1];
            var count = 0;
            var pieceStart = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || text[i] == ',')
                {
                    var (s, e) = TextScanner.Trim(text, pieceStart, i);
                    authors[count++] = context.Slice(s, e - s);

                    pieceStart = i + 1;
                }
            }

            return new EquatableArray<Spanned<string>>(authors);
        }

        /// <summary><c>retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)</c>; [start, end) excludes the list marker.</summary>
        public static PaperMetrics Metrics(ParseContext context, int lineStart, int start, int end)
        {
            var text = context.Text;
            var span = context.FromBounds(lineStart, end);
            var i = start + "retweets:".Length;
            var comma = text.IndexOf(',', i, end - i);
            var favorites = comma < 0 ? -1 : IndexOf(text, "favorites:", comma, end);
            var open = favorites < 0 ? -1 : text.IndexOf('(', favorites, end - favorites);
            var close = open < 0 ? -1 : text.LastIndexOf(')', end - 1, end - open);
            var between = favorites < 0 ? true : TextScanner.IsBlank(text, comma + 1, favorites);
            if (comma < 0 || favorites < 0 || open < 0 || close < open || !between || !TextScanner.IsBlank(text, close + 1, end))
            {
                context.Report(DigestRules.MalformedMetrics, span, ParseContext.Quote(text.Substring(lineStart, end - lineStart)));
                var retweetsOnly = comma < 0 ? null : Count(context, "retweets", i, comma);
                return new PaperMetrics(span, retweetsOnly, null, null, null);
            }

            var retweets = Count(context, "retweets", i, comma);
            var favoritesCount = Count(context, "favorites", favorites + "favorites:".Length, open);
            var (ts, te) = TextScanner.Trim(text, open + 1, close);
            var timestamp = context.Slice(ts, te - ts);
            DateTime? measuredAt = null;
            if (!DateParsing.TryParseMetricsTimestamp(timestamp.Value, out var value, out var possible))
            {
                context.Report(DigestRules.UnreadableTimestamp, timestamp.Span, ParseContext.Quote(timestamp.Value));
            }
            else if (!possible)
            {
                context.Report(DigestRules.ImpossibleTimestamp, timestamp.Span, timestamp.Value);
            }
            else
            {
                measuredAt = value;
            }

            return new PaperMetrics(span, retweets, favoritesCount, timestamp, measuredAt);
        }

        private static Spanned<long>? Count(ParseContext context, string name, int start, int end)
        {
            var text = context.Text;
            var (s, e) = TextScanner.Trim(text, start, end);
            var negative = s < e && text[s] == '-';
            var digitsStart = negative || (s < e && text[s] == '+') ? s + 1 : s;
            var allDigits = digitsStart < e && e - digitsStart <= 18;
            for (var i = digitsStart; allDigits && i < e; i++)
            {
                allDigits = text[i] >= '0' && text[i] <= '9';
            }

            if (allDigits)
            {
                // Read in place rather than through a substring: this runs twice for every paper.
                long value = 0;
                for (var i = digitsStart; i < e; i++)
                {
                    value = (value * 10) + (text[i] - '0');
                }

                if (negative)
                {
                    // Read, and kept in the model as written, but not a count: the same diagnostic as a word (naming
                    // the count in lower case, as it did when a rule reported it).
                    context.Report(DigestRules.InvalidCount, context.FromBounds(s, e), name, text.Substring(s, e - s));
                }

                return new Spanned<long>(negative ? -value : value, context.FromBounds(s, e));
            }

            context.Report(DigestRules.InvalidCount, context.FromBounds(s, e), name, ParseContext.Quote(text.Substring(s, e - s)));
            return null;
        }

        /// <summary><c>links: [abs](…) | [pdf](…)</c>; reports malformed URLs and identifiers.</summary>
        public static (PaperLinks Links, ArxivId? Id) Links(ParseContext context, int lineStart, int start, int end)
        {
            var text = context.Text;
            var span = context.FromBounds(lineStart, end);
            var links = MarkdownLinkScanner.Scan(context, start + "links:".Length, end, out var stray);
            MarkdownLink? abs = null;
            MarkdownLink? pdf = null;
            var malformed = stray.HasValue;
            foreach (var link in links)
            {
                if (link.Label.Value == "abs" && abs == null)
                {
                    abs = link;
                }
                else if (link.Label.Value == "pdf" && pdf == null)
                {
                    pdf = link;
                }
                else
                {
                    malformed = true;
                }
            }

            if (malformed)
            {
                context.Report(DigestRules.MalformedLinksLine, span, ParseContext.Quote(text.Substring(lineStart, end - lineStart)));
            }

            var absId = abs is { } a ? LinkId(context, a, "abs") : null;
            var pdfId = pdf is { } p ? LinkId(context, p, "pdf") : null;
            if (absId != null && pdfId != null && absId.Id != pdfId.Id)
            {
                context.Report(DigestRules.IdentifierMismatch, pdfId.Span, pdfId.ToString(), absId.ToString());
            }

            return (new PaperLinks(span, abs, pdf), absId ?? pdfId);
        }

        private static ArxivId? LinkId(ParseContext context, MarkdownLink link, string kind)
        {
            var url = link.Url.Value;
            if (!ArxivIdParser.TryGetIdFromUrl(url, kind, out var id))
            {
                context.Report(DigestRules.MalformedUrl, link.Url.Span, ParseContext.Quote(url), $"https://arxiv.org/{kind}/<identifier>");
                return null;
            }

            var idStart = link.Url.Span.Start + url.IndexOf(id, StringComparison.Ordinal);
            var idSpan = context.Span(idStart, id.Length);
            var parsed = ArxivIdParser.TryParse(id, idSpan);
            if (parsed == null)
            {
                context.Report(DigestRules.InvalidArxivId, idSpan, ParseContext.Quote(id));
            }

            return parsed;
        }

        /// <summary><c>[cs.LG](https://arxiv.org/list/cs.LG/recent) | …</c>.</summary>
        public static EquatableArray<CategoryLink> Categories(ParseContext context, int start, int end)
        {
            var links = MarkdownLinkScanner.Scan(context, start, end, out var stray);
            if (stray is { } s)
            {
                context.ReportUnexpected(s.Start, s.End, "in the categories line");
            }

            var categories = new CategoryLink[links.Count];
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i];
                var category = CategoryFromUrl(link.Url.Value);
                if (category == null)
                {
                    context.Report(DigestRules.MalformedUrl, link.Url.Span, ParseContext.Quote(link.Url.Value), "https://arxiv.org/list/<category>/recent");
                }

                categories[i] = new CategoryLink(link.Label, link.Url, category, link.Span);
            }

            return new EquatableArray<CategoryLink>(categories);
        }

        private static string? CategoryFromUrl(string url)
        {
            const string prefix = "https://arxiv.org/list/";
            const string suffix = "/recent";
            if (!url.StartsWith(prefix, StringComparison.Ordinal) || !url.EndsWith(suffix, StringComparison.Ordinal) ||
                url.Length <= prefix.Length + suffix.Length)
            {
                return null;
            }

            var category = url.Substring(prefix.Length, url.Length - prefix.Length - suffix.Length);
            return category.IndexOf('/') >= 0 ? null : category;
        }

        private static int Digits(string text, int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }

        private static int IndexOf(string text, string value, int start, int end) =>
            start >= end ? -1 : text.IndexOf(value, start, end - start, StringComparison.Ordinal);
    }
}
