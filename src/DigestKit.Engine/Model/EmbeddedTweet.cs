using System;

namespace DigestKit.Engine
{
    /// <summary>
    /// A tweet embedded as Twitter's oEmbed <c>&lt;blockquote class="twitter-tweet"&gt;</c>. <see cref="Html"/>
    /// is the blockquote as written; <see cref="Text"/> is the tweet's paragraph with tags stripped,
    /// <c>&lt;br&gt;</c> as newlines and entities decoded. <see cref="Date"/> is parsed from the date text.
    /// </summary>
    public sealed record EmbeddedTweet(
        SourceSpan Span,
        string Html,
        string Text,
        SourceSpan TextSpan,
        string? Language,
        Spanned<string>? AuthorName,
        Spanned<string>? Handle,
        Spanned<string>? StatusUrl,
        long? StatusId,
        Spanned<string>? DateText,
        DateTime? Date);
}
