using System;
using System.Collections.Generic;
using DigestKit.Data;

namespace DigestKit
{
    /// <summary>
    /// One ranked paper of a digest. The abstract and the tweets, the bulk of a digest's text, and the identifier,
    /// links and categories are decoded from the embedded data on first access, so listing papers stays cheap.
    /// </summary>
    public sealed class Paper
    {
        private readonly LazyField<string>? _lazyAbstract;
        private readonly LazyField<IReadOnlyList<Tweet>>? _lazyTweets;
        private readonly LazyField<PaperLinks>? _lazyLinks;
        private string? _abstract;
        private IReadOnlyList<Tweet>? _tweets;
        private PaperLinks? _links;

        /// <summary>Creates a paper from values.</summary>
        public Paper(
            int rank,
            string title,
            IReadOnlyList<string> authors,
            long retweets,
            long favorites,
            DateTime? measuredAt,
            string? arxivId,
            string absUrl,
            string pdfUrl,
            IReadOnlyList<string> categories,
            string @abstract,
            IReadOnlyList<Tweet> tweets)
            : this(rank, title, authors, retweets, favorites, measuredAt)
        {
            _links = new PaperLinks(
                arxivId,
                absUrl ?? throw new ArgumentNullException(nameof(absUrl)),
                pdfUrl ?? throw new ArgumentNullException(nameof(pdfUrl)),
                categories ?? throw new ArgumentNullException(nameof(categories)));
            _abstract = @abstract ?? throw new ArgumentNullException(nameof(@abstract));
            _tweets = tweets ?? throw new ArgumentNullException(nameof(tweets));
        }

        internal Paper(
            int rank,
            string title,
            IReadOnlyList<string> authors,
            long retweets,
            long favorites,
            DateTime? measuredAt,
            LazyField<PaperLinks> links,
            LazyField<string> @abstract,
            LazyField<IReadOnlyList<Tweet>> tweets)
            : this(rank, title, authors, retweets, favorites, measuredAt)
        {
            _lazyLinks = links;
            _lazyAbstract = @abstract;
            _lazyTweets = tweets;
        }

        private Paper(
            int rank,
            string title,
            IReadOnlyList<string> authors,
            long retweets,
            long favorites,
            DateTime? measuredAt)
        {
            Rank = rank;
            Title = title ?? throw new ArgumentNullException(nameof(title));
            Authors = authors ?? throw new ArgumentNullException(nameof(authors));
            Retweets = retweets;
            Favorites = favorites;
            MeasuredAt = measuredAt;
        }

        /// <summary>The number in the heading <c># N. Title</c>.</summary>
        public int Rank { get; }

        /// <summary>The title as written (arXiv titles keep their double spaces and TeX).</summary>
        public string Title { get; }

        /// <summary>The author names, in order.</summary>
        public IReadOnlyList<string> Authors { get; }

        /// <summary>Retweets counted when the digest was made.</summary>
        public long Retweets { get; }

        /// <summary>Favorites counted when the digest was made.</summary>
        public long Favorites { get; }

        /// <summary>Retweets + favorites: the score papers are ranked by.</summary>
        public long Score => Retweets + Favorites;

        /// <summary>When the counts were measured (the writer's local time, kind unspecified), if readable.</summary>
        public DateTime? MeasuredAt { get; }

        /// <summary>The arXiv identifier with its version, if any (e.g. <c>2106.10155</c>, <c>2106.10155v2</c>).</summary>
        public string? ArxivId => Links.ArxivId;

        /// <summary>The <c>[abs]</c> link.</summary>
        public string AbsUrl => Links.AbsUrl;

        /// <summary>The <c>[pdf]</c> link.</summary>
        public string PdfUrl => Links.PdfUrl;

        /// <summary>The arXiv categories, e.g. <c>cs.LG</c>, in order.</summary>
        public IReadOnlyList<string> Categories => Links.Categories;

        // The identifier, links and categories: decoded together on first access (a listing of titles, authors and
        // scores never reads them, and they are a third of a paper's fields).
        private PaperLinks Links => _links ??= _lazyLinks!.Value;

        /// <summary>The abstract paragraph (may be empty).</summary>
        public string Abstract => _abstract ??= _lazyAbstract!.Value;

        /// <summary>The embedded tweets, in order.</summary>
        public IReadOnlyList<Tweet> Tweets => _tweets ??= _lazyTweets!.Value;

        /// <inheritdoc />
        public override string ToString() => Rank + ". " + Title;
    }
}
