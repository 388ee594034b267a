using System;

namespace DigestKit.Engine
{
    /// <summary>
    /// One ranked paper section, from its <c># N. Title</c> heading to the next heading. Parts the section lacks
    /// are null (or empty lists), and the parser reports them.
    /// </summary>
    public sealed record Paper(
        SourceSpan Span,
        SourceSpan HeadingSpan,
        Spanned<int>? Rank,
        Spanned<string> Title,
        string NormalizedTitle,
        SourceSpan? AuthorLineSpan,
        EquatableArray<Spanned<string>> Authors,
        PaperMetrics? Metrics,
        PaperLinks? Links,
        ArxivId? ArxivId,
        SourceSpan? CategoryLineSpan,
        EquatableArray<CategoryLink> Categories,
        Spanned<string>? Abstract,
        EquatableArray<EmbeddedTweet> Tweets)
    {
        /// <summary>Retweets + favorites, when both are readable.</summary>
        public long? Score => Metrics is { Retweets: { } r, Favorites: { } f } ? r.Value + f.Value : (long?)null;
    }

    /// <summary>
    /// <c>- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)</c>. Counts are null when unreadable; negative
    /// counts are kept as written (the rules report them). <see cref="MeasuredAt"/> is null when the timestamp
    /// text is unreadable or impossible.
    /// </summary>
    public sealed record PaperMetrics(
        SourceSpan Span,
        Spanned<long>? Retweets,
        Spanned<long>? Favorites,
        Spanned<string>? TimestampText,
        DateTime? MeasuredAt);

    /// <summary><c>- links: [abs](…) | [pdf](…)</c>.</summary>
    public sealed record PaperLinks(SourceSpan Span, MarkdownLink? Abs, MarkdownLink? Pdf);

    /// <summary>A Markdown inline link <c>[label](url)</c>.</summary>
    public readonly record struct MarkdownLink(Spanned<string> Label, Spanned<string> Url, SourceSpan Span);

    /// <summary>
    /// A category link <c>[cs.LG](https://arxiv.org/list/cs.LG/recent)</c>; <see cref="UrlCategory"/> is the
    /// category the URL names, null when the URL is not an arXiv listing URL.
    /// </summary>
    public readonly record struct CategoryLink(Spanned<string> Label, Spanned<string> Url, string? UrlCategory, SourceSpan Span);
}
