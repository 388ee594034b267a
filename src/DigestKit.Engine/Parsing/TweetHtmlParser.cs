using System;
using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Reads the tweets embedded in an HTML block: Twitter's oEmbed markup,
    /// <c>&lt;blockquote class="twitter-tweet"&gt;&lt;p lang dir&gt;TEXT&lt;/p&gt;&amp;mdash; NAME (@handle)
    /// &lt;a href="STATUS URL"&gt;Month D, YYYY&lt;/a&gt;&lt;/blockquote&gt;</c>, each followed by Twitter's
    /// widgets script. What does not fit is reported, never dropped.
    /// </summary>
    internal static class TweetHtmlParser
    {
        private const string BlockquoteOpen = "<blockquote";
        private const string BlockquoteClose = "</blockquote>";
        private const string ScriptClose = "</script>";
        private const string LangAttribute = " lang=\"";
        private const string HrefAttribute = " href=\"";

        public static void Parse(ParseContext context, int start, int end, List<EmbeddedTweet> tweets)
        {
            var text = context.Text;
            var i = start;
            while (i < end)
            {
                (i, _) = TextScanner.Trim(text, i, end);
                if (i >= end)
                {
                    break;
                }

                if (StartsWith(text, i, end, BlockquoteOpen))
                {
                    var close = IndexOf(text, BlockquoteClose, i, end);
                    var tweetEnd = close < 0 ? TextScanner.LineEnd(text, i) : close + BlockquoteClose.Length;
                    tweets.Add(ParseTweet(context, i, Math.Min(tweetEnd, end), close >= 0));
                    i = Math.Min(tweetEnd, end);
                }
                else if (StartsWith(text, i, end, "<script"))
                {
                    var close = IndexOf(text, ScriptClose, i, end);
                    i = close < 0 ? TextScanner.LineEnd(text, i) : close + ScriptClose.Length;
                }
                else
                {
                    var lineEnd = Math.Min(end, TextScanner.LineEnd(text, i));
                    var nextTweet = IndexOf(text, BlockquoteOpen, i + 1, lineEnd);
                    var nextScript = IndexOf(text, "<script", i + 1, lineEnd);
                    var stop = nextTweet < 0 ? lineEnd : nextTweet;
                    stop = nextScript < 0 ? stop : System.Math.Min(stop, nextScript);
                    var (s, e) = TextScanner.Trim(text, i, stop);
                    context.ReportUnexpected(s, e, "among the embedded tweets");
                    i = stop;
                }
            }
        }

        private static EmbeddedTweet ParseTweet(ParseContext context, int start, int end, bool closed)
        {
            var text = context.Text;
            var span = context.FromBounds(start, end);
            var html = text.Substring(start, end - start);
            var problems = new List<string>(0);
            if (!closed)
            {
                problems.Add("the <blockquote> is never closed");
            }

            var openEnd = IndexOf(text, '>', start, end);
            if (openEnd < 0)
            {
                Malformed(context, span, "the <blockquote> tag is not closed with '>'");
                return new EmbeddedTweet(span, html, string.Empty, context.FromBounds(start, start), null, null, null, null, null, null, null);
            }

            if (IndexOf(text, "twitter-tweet", start, openEnd) < 0)
            {
                problems.Add("the <blockquote> has no class=\"twitter-tweet\"");
            }

            var bodyEnd = closed ? end - BlockquoteClose.Length : end;
            string? language = null;
            var textSpan = context.FromBounds(openEnd + 1, openEnd + 1);
            var plain = string.Empty;
            var tailStart = openEnd + 1;
            var (pStart, _) = TextScanner.Trim(text, openEnd + 1, bodyEnd);
            var pClose = LastIndexOf(text, "</p>", pStart, bodyEnd);
            var pOpenEnd = StartsWith(text, pStart, bodyEnd, "<p") ? IndexOf(text, '>', pStart, bodyEnd) : -1;
            if (pOpenEnd >= 0 && pClose > pOpenEnd)
            {
                language = Attribute(text, pStart, pOpenEnd, LangAttribute);
                textSpan = context.FromBounds(pOpenEnd + 1, pClose);
                plain = HtmlText.ToPlainText(text, pOpenEnd + 1, pClose);
                tailStart = pClose + 4;
            }
            else
            {
                problems.Add("no <p>…</p> holds the tweet's text");
            }

            var attribution = ParseAttribution(context, tailStart, bodyEnd, problems);
            if (problems.Count > 0)
            {
                Malformed(context, span, string.Join("; ", problems));
            }

            return new EmbeddedTweet(span, html, plain, textSpan, language, attribution.Name, attribution.Handle,
                attribution.Url, attribution.StatusId, attribution.DateText, attribution.Date);
        }

        private static Attribution ParseAttribution(ParseContext context, int start, int end, List<string> problems)
        {
            var text = context.Text;
            var result = new Attribution();
            var (s, _) = TextScanner.Trim(text, start, end);
            int afterDash;
            if (StartsWith(text, s, end, "&mdash;"))
            {
                afterDash = s + 7;
            }
            else if (s < end && text[s] == '\u2014')
            {
                afterDash = s + 1;
            }
            else
            {
                problems.Add("no '&mdash; Name (@handle)' attribution follows the text");
                return result;
            }

            var anchor = IndexOf(text, "<a", afterDash, end);
            var whoEnd = anchor < 0 ? end : anchor;
            var handleOpen = LastIndexOf(text, "(@", afterDash, whoEnd);
            var handleClose = handleOpen < 0 ? -1 : IndexOf(text, ')', handleOpen, whoEnd);
            if (handleOpen >= 0 && handleClose > handleOpen + 2)
            {
                result.Handle = context.Slice(handleOpen + 2, handleClose - handleOpen - 2);
                var (ns, ne) = TextScanner.Trim(text, afterDash, handleOpen);
                if (ne > ns)
                {
                    result.Name = new Spanned<string>(HtmlText.Decode(text.Substring(ns, ne - ns)), context.FromBounds(ns, ne));
                }
                else
                {
                    problems.Add("the attribution has no author name");
                }
            }
            else
            {
                problems.Add("the attribution has no '(@handle)'");
            }

            if (anchor < 0)
            {
                problems.Add("no <a href=\"…\">date</a> link to the tweet");
                return result;
            }

            var anchorEnd = IndexOf(text, '>', anchor, end);
            var href = anchorEnd < 0 ? null : AttributeSpan(text, anchor, anchorEnd, HrefAttribute);
            var linkClose = anchorEnd < 0 ? -1 : IndexOf(text, "</a>", anchorEnd, end);
            if (href is { } h)
            {
                var url = text.Substring(h.Start, h.End - h.Start);
                result.Url = new Spanned<string>(url, context.FromBounds(h.Start, h.End));
                if (!url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
                {
                    context.Report(DigestRules.MalformedUrl, context.FromBounds(h.Start, h.End), ParseContext.Quote(url), "https://twitter.com/<handle>/status/<id>");
                }

                result.StatusId = StatusLink.TryGetStatusId(url, out var id) ? id : (long?)null;
            }
            else
            {
                problems.Add("the tweet link has no href");
            }

            if (linkClose > anchorEnd && anchorEnd >= 0)
            {
                var (ds, de) = TextScanner.Trim(text, anchorEnd + 1, linkClose);
                var dateText = text.Substring(ds, de - ds);
                result.DateText = new Spanned<string>(dateText, context.FromBounds(ds, de));
                if (DateParsing.TryParseTweetDate(dateText, out var date))
                {
                    result.Date = date;
                }
                else
                {
                    problems.Add($"the date '{ParseContext.Quote(dateText)}' is not like 'June 21, 2021'");
                }
            }
            else
            {
                problems.Add("the tweet link is not closed with </a>");
            }

            return result;
        }

        private static void Malformed(ParseContext context, SourceSpan span, string reason)
        {
            // Point at the tweet's first line only: the whole blockquote would underline a screenful.
            var lineEnd = TextScanner.LineEnd(context.Text, span.Start);
            context.Report(DigestRules.MalformedTweet, context.FromBounds(span.Start, Math.Min(span.End, lineEnd)), reason);
        }

        /// <summary>The value of the attribute that <paramref name="key"/> (<c> name="</c>) opens in a tag, or null.</summary>
        private static string? Attribute(string text, int tagStart, int tagEnd, string key) =>
            AttributeSpan(text, tagStart, tagEnd, key) is { } span ? text.Substring(span.Start, span.End - span.Start) : null;

        private static (int Start, int End)? AttributeSpan(string text, int tagStart, int tagEnd, string key)
        {
            var at = IndexOf(text, key, tagStart, tagEnd);
            if (at < 0)
            {
                return null;
            }

            var valueStart = at + key.Length;
            var valueEnd = IndexOf(text, '"', valueStart, tagEnd);
            return valueEnd < 0 ? null : (valueStart, valueEnd);
        }

        private static bool StartsWith(string text, int at, int end, string value) =>
            at + value.Length <= end && string.Compare(text, at, value, 0, value.Length, StringComparison.Ordinal) == 0;

        private static int IndexOf(string text, string value, int start, int end) =>
            start >= end ? -1 : text.IndexOf(value, start, end - start, StringComparison.Ordinal);

        private static int IndexOf(string text, char value, int start, int end) =>
            start >= end ? -1 : text.IndexOf(value, start, end - start);

        private static int LastIndexOf(string text, string value, int start, int end)
        {
            if (end - start < value.Length)
            {
                return -1;
            }

            var index = text.LastIndexOf(value, end - 1, end - start, StringComparison.Ordinal);
            return index >= start ? index : -1;
        }

        private struct Attribution
        {
            public Spanned<string>? Name { get; set; }

            public Spanned<string>? Handle { get; set; }

            public Spanned<string>? Url { get; set; }

            public long? StatusId { get; set; }

            public Spanned<string>? DateText { get; set; }

            public DateTime? Date { get; set; }
        }
    }

    /// <summary>Twitter status links: <c>https://twitter.com/handle/status/ID</c> (also x.com, www., mobile.).</summary>
    public static class StatusLink
    {
        public static bool TryGetStatusId(string url, out string handle, out long statusId)
        {
            var found = TryGetStatusId(url, out int handleStart, out var handleLength, out statusId);
            handle = found ? url.Substring(handleStart, handleLength) : string.Empty;
            return found;
        }

        /// <summary>The status ID alone, for the parser, which has no use for the handle (and so cuts out no string).</summary>
        internal static bool TryGetStatusId(string url, out long statusId) => TryGetStatusId(url, out int _, out _, out statusId);

        private static bool TryGetStatusId(string url, out int handleStart, out int handleLength, out long statusId)
        {
            handleStart = 0;
            handleLength = 0;
            statusId = 0;
            var start = PathStart(url);
            if (start < 0)
            {
                return false;
            }

            // handle/status/ID[/…][?…][#…], read in place: this runs for every tweet.
            var end = url.IndexOfAny(QueryOrFragment, start);
            end = end < 0 ? url.Length : end;
            var slash = url.IndexOf('/', start, end - start);
            if (slash <= start)
            {
                return false;
            }

            var idStart = -1;
            foreach (var segment in StatusSegments)
            {
                if (string.CompareOrdinal(url, slash, segment, 0, segment.Length) == 0)
                {
                    idStart = slash + segment.Length;
                    break;
                }
            }

            if (idStart < 0)
            {
                return false;
            }

            var idEnd = idStart;
            long value = 0;
            while (idEnd < end && url[idEnd] >= '0' && url[idEnd] <= '9' && idEnd - idStart < 19)
            {
                value = (value * 10) + (url[idEnd] - '0');
                idEnd++;
            }

            if (idEnd == idStart || (idEnd < end && url[idEnd] != '/') || value <= 0)
            {
                return false;
            }

            handleStart = start;
            handleLength = slash - start;
            statusId = value;
            return true;
        }

        /// <summary>When the tweet was posted, read from its snowflake ID: <c>(ID &gt;&gt; 22) + 1288834974657</c> ms.</summary>
        public static DateTime SnowflakeTime(long statusId) =>
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds((statusId >> 22) + 1288834974657L);

        private static readonly string[] Prefixes =
        {
            "https://twitter.com/", "https://www.twitter.com/", "https://mobile.twitter.com/", "https://x.com/",
            "http://twitter.com/", "http://www.twitter.com/", "http://mobile.twitter.com/", "http://x.com/",
        };

        private static readonly string[] StatusSegments = { "/status/", "/statuses/" };

        private static readonly char[] QueryOrFragment = { '?', '#' };

        /// <summary>Where the path after a Twitter host starts, or -1.</summary>
        private static int PathStart(string url)
        {
            foreach (var prefix in Prefixes)
            {
                if (url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return prefix.Length;
                }
            }

            return -1;
        }
    }
}
