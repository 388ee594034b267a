using System;

namespace DigestKit
{
    /// <summary>A tweet embedded in a paper section as Twitter's oEmbed HTML.</summary>
    public sealed class Tweet
    {
        /// <summary>Creates a tweet from values.</summary>
        public Tweet(string authorName, string handle, long? statusId, string url, DateTime? date, string text, string html, string? language = null)
        {
            AuthorName = authorName ?? throw new ArgumentNullException(nameof(authorName));
            Handle = handle ?? throw new ArgumentNullException(nameof(handle));
            StatusId = statusId;
            Url = url ?? throw new ArgumentNullException(nameof(url));
            Date = date;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Html = html ?? throw new ArgumentNullException(nameof(html));
            Language = language;
        }

        /// <summary>The author's display name, e.g. <c>AK</c>.</summary>
        public string AuthorName { get; }

        /// <summary>The author's handle without the <c>@</c>, e.g. <c>ak92501</c>.</summary>
        public string Handle { get; }

        /// <summary>The status ID (a snowflake that also encodes the time), if the link holds one.</summary>
        public long? StatusId { get; }

        /// <summary>The status link as written.</summary>
        public string Url { get; }

        /// <summary>The date the embed shows, if readable.</summary>
        public DateTime? Date { get; }

        /// <summary>The tweet text: tags stripped, <c>&lt;br&gt;</c> as newlines, entities decoded.</summary>
        public string Text { get; }

        /// <summary>The blockquote exactly as written in the digest.</summary>
        public string Html { get; }

        /// <summary>The <c>lang</c> attribute of the tweet's paragraph, if any.</summary>
        public string? Language { get; }

        /// <inheritdoc />
        public override string ToString() => "@" + Handle + ": " + Text;
    }
}
