using System;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK4009 tweet link that is not a status URL, DK4010 handle vs the handle in the link, DK4011 date text vs the
    /// date the status ID encodes. Malformed or foreign URLs are the parser's DK4003.
    /// </summary>
    internal static class TweetRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("tweets", Check,
            DigestRules.TweetLinkNotStatus, DigestRules.TweetHandleMismatch, DigestRules.TweetDateMismatch);

        /// <summary>Twitter's snowflake epoch: <c>(id &gt;&gt; 22) + this</c> is the tweet's Unix time in milliseconds.</summary>
        public const long SnowflakeEpochMilliseconds = 1288834974657;

        /// <summary>
        /// The embed's date text is written in the embedding user's time zone, which can be a day either side of UTC.
        /// </summary>
        private static readonly TimeSpan DateTolerance = TimeSpan.FromDays(1);

        /// <summary>Status IDs from before snowflakes (November 2010) are sequential and encode no date.</summary>
        private static readonly DateTime FirstSnowflake = new DateTime(2010, 11, 4, 0, 0, 0, DateTimeKind.Utc);

        public static void Check(RuleContext context)
        {
            foreach (var paper in context.Document.Papers)
            {
                foreach (var tweet in paper.Tweets)
                {
                    CheckTweet(context, tweet);
                }
            }
        }

        /// <summary>The UTC time a snowflake status ID encodes, or null for IDs that are not snowflakes.</summary>
        public static DateTime? SnowflakeTime(long statusId)
        {
            if (statusId <= 0)
            {
                return null;
            }

            var milliseconds = (statusId >> 22) + SnowflakeEpochMilliseconds;
            var time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
            return time < FirstSnowflake.AddDays(1) ? null : time;
        }

        private static void CheckTweet(RuleContext context, EmbeddedTweet tweet)
        {
            if (tweet.StatusUrl is not { } url)
            {
                return;
            }

            if (tweet.StatusId is not { } statusId)
            {
                context.Report(DigestRules.TweetLinkNotStatus, url.Span, url.Value ?? string.Empty);
                return;
            }

            if (tweet.Handle is { } handle && LinkHandle(url.Value) is { } linkHandle)
            {
                var written = handle.Value?.TrimStart('@') ?? string.Empty;
                if (!string.Equals(written, linkHandle, StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(DigestRules.TweetHandleMismatch, handle.Span, written, linkHandle);
                }
            }

            if (tweet.Date is { } date && tweet.DateText is { } dateText && date >= FirstSnowflake && SnowflakeTime(statusId) is { } encoded)
            {
                if ((date.Date - encoded.Date).Duration() > DateTolerance)
                {
                    context.Report(DigestRules.TweetDateMismatch, dateText.Span, dateText.Value ?? string.Empty, RuleContext.FormatDate(encoded));
                }
            }
        }

        /// <summary>
        /// The handle in <c>https://twitter.com/HANDLE/status/ID</c>; null for links that name no user
        /// (<c>/i/web/status/ID</c>, <c>/i/status/ID</c>) or are not of that shape.
        /// </summary>
        public static string? LinkHandle(string? url)
        {
            if (url is null)
            {
                return null;
            }

            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            var hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
            var pathStart = url.IndexOf('/', hostStart);
            if (pathStart < 0)
            {
                return null;
            }

            var handleEnd = url.IndexOf('/', pathStart + 1);
            if (handleEnd <= pathStart + 1)
            {
                return null;
            }

            var handle = url.Substring(pathStart + 1, handleEnd - pathStart - 1);
            if (string.Equals(handle, "i", StringComparison.Ordinal) ||
                string.Compare(url, handleEnd, "/status/", 0, 8, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return null;
            }

            return handle;
        }
    }
}
