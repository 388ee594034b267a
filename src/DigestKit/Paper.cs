using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DigestKit.Data;

namespace DigestKit
{
    /// <summary>
    /// One ranked paper of a digest. An embedded paper holds its numbers and the positions of its other fields in
    /// the embedded data: the title, the authors (whose count is known at once), the identifier, links and
    /// categories, the abstract and the tweets are each decoded on first access and then kept, so listing papers
    /// stays cheap. Safe to read from several threads.
    /// </summary>
    public sealed class Paper
    {
        // Small on purpose (96 bytes): a program listing 34,400 papers allocates one per paper, and fresh memory is
        // paid for in page faults at start-up. The rarely read fields live in PaperDetails, made on first access.
        private readonly PaperFields _fields;
        private readonly long _measuredAt;
        private string? _title;
        private IReadOnlyList<string>? _authors;
        private PaperDetails? _details;

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
            : this(rank, retweets, favorites, measuredAt, default)
        {
            _title = title ?? throw new ArgumentNullException(nameof(title));
            _authors = authors ?? throw new ArgumentNullException(nameof(authors));
            _details = new PaperDetails(
                new PaperLinks(
                    arxivId,
                    absUrl ?? throw new ArgumentNullException(nameof(absUrl)),
                    pdfUrl ?? throw new ArgumentNullException(nameof(pdfUrl)),
                    categories ?? throw new ArgumentNullException(nameof(categories))),
                @abstract ?? throw new ArgumentNullException(nameof(@abstract)),
                tweets ?? throw new ArgumentNullException(nameof(tweets)));
        }

        /// <summary>An embedded paper: its numbers, and where the rest lies (<see cref="DigestDecoder.ReadPapers"/>).</summary>
        internal Paper(int rank, long retweets, long favorites, DateTime? measuredAt, PaperFields fields)
        {
            Rank = rank;
            Retweets = retweets;
            Favorites = favorites;
            _measuredAt = measuredAt is { } d ? d.Ticks | ((long)d.Kind << KindShift) : NoDate;
            _fields = fields;
        }

        /// <summary>The number in the heading <c># N. Title</c>.</summary>
        public int Rank { get; }

        /// <summary>The title as written (arXiv titles keep their double spaces and TeX).</summary>
        public string Title => _title ?? LoadTitle();

        /// <summary>The author names, in order.</summary>
        public IReadOnlyList<string> Authors => _authors ?? LoadAuthors();

        /// <summary>Retweets counted when the digest was made.</summary>
        public long Retweets { get; }

        /// <summary>Favorites counted when the digest was made.</summary>
        public long Favorites { get; }

        /// <summary>Retweets + favorites: the score papers are ranked by.</summary>
        public long Score => Retweets + Favorites;

        /// <summary>When the counts were measured (the writer's local time, kind unspecified), if readable.</summary>
        public DateTime? MeasuredAt =>
            _measuredAt == NoDate ? null : new DateTime(_measuredAt & TicksMask, (DateTimeKind)((ulong)_measuredAt >> KindShift));

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
        private PaperLinks Links => Details.Links;

        /// <summary>The abstract paragraph (may be empty).</summary>
        public string Abstract => Details.Abstract;

        /// <summary>The embedded tweets, in order.</summary>
        public IReadOnlyList<Tweet> Tweets => Details.Tweets;

        private PaperDetails Details => _details ?? LoadDetails();

        /// <inheritdoc />
        public override string ToString() => Rank + ". " + Title;

        // Each getter is a field read and, the first time, a call: the decoding stays out of line, so a consumer's loop
        // over papers inlines only the field read (its JIT compile at start-up stays small), and threads racing on
        // first access all get the instance published first.
        [MethodImpl(Once.Slow)]
        private string LoadTitle() => Once.Publish(ref _title, DigestDecoder.ReadTitle(_fields));

        [MethodImpl(Once.Slow)]
        private IReadOnlyList<string> LoadAuthors() => Once.Publish(ref _authors, DigestDecoder.ReadAuthors(_fields));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private PaperDetails LoadDetails() => Once.Publish(ref _details, new PaperDetails(_fields));

        // MeasuredAt packed in 8 bytes: ticks (62 bits) and kind (2 bits); all bits set (kind 3, which does not exist)
        // for no date.
        private const long NoDate = -1;

        private const int KindShift = 62;

        private const long TicksMask = (1L << KindShift) - 1;
    }
}
