using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace DigestKit.Data
{
    /// <summary>Turns the embedded data (<see cref="DataFormat"/>) back into a <see cref="Digest"/>.</summary>
    internal static class DigestDecoder
    {
        public static byte[] Utf8(string data) => Encoding.UTF8.GetBytes(data ?? throw new ArgumentNullException(nameof(data)));

        public static Digest Decode(byte[] data) =>
            Decode(DigestData.Pin(data ?? throw new ArgumentNullException(nameof(data))));

        [MethodImpl(Jit.Optimized)]
        public static Digest Decode(DigestData data)
        {
            var reader = new FieldReader(data, 0, data.Length);
            reader.ExpectMagic();
            var sourcePath = reader.ReadText();
            var title = reader.ReadText();
            var date = reader.ReadDate() ?? default;
            var template = reader.ReadText();
            var draft = reader.ReadBoolean();
            var slug = reader.ReadText();
            var category = reader.ReadText();
            var tags = reader.ReadTextList();
            var description = reader.ReadText();
            var socialImage = reader.ReadText();
            var count = reader.ReadCount();
            var papers = new Paper[count];
            for (var i = 0; i < count; i++)
            {
                var paper = reader.ReadGroup();
                papers[i] = ReadPaper(ref paper);
            }

            return new Digest(title, date, template, draft, slug, category, tags, description, socialImage, papers, sourcePath);
        }

        [MethodImpl(Jit.Optimized)]
        private static Paper ReadPaper(ref FieldReader reader)
        {
            var rank = (int)(reader.ReadInt64() ?? 0);
            var title = reader.ReadText();
            var authors = reader.ReadTextList();
            var retweets = reader.ReadInt64() ?? 0;
            var favorites = reader.ReadInt64() ?? 0;
            var measuredAt = reader.ReadDate();
            var links = new LazyLinks(reader);
            reader.SkipField(); // arxivId
            reader.SkipField(); // absUrl
            reader.SkipField(); // pdfUrl
            for (var n = reader.ReadCount(); n > 0; n--)
            {
                reader.SkipField(); // a category
            }

            var @abstract = reader.ReadLazyText();
            var tweets = new LazyTweets(reader.ReadGroup());
            return new Paper(rank, title, authors, retweets, favorites, measuredAt, links, @abstract, tweets);
        }

        /// <summary>A paper's identifier, links and categories, read from where they start when first needed.</summary>
        private sealed class LazyLinks : LazyField<PaperLinks>
        {
            private readonly FieldReader _start;

            public LazyLinks(FieldReader start) => _start = start;

            protected override PaperLinks Create()
            {
                var reader = _start;
                var arxivId = reader.ReadString();
                var absUrl = reader.ReadText();
                var pdfUrl = reader.ReadText();
                var categories = reader.ReadTextList();
                return new PaperLinks(arxivId, absUrl, pdfUrl, categories);
            }
        }

        private sealed class LazyTweets : LazyField<IReadOnlyList<Tweet>>
        {
            private readonly FieldReader _group;

            public LazyTweets(FieldReader group) => _group = group;

            protected override IReadOnlyList<Tweet> Create()
            {
                var reader = _group;
                var count = reader.ReadCount();
                if (count == 0)
                {
                    return Array.Empty<Tweet>();
                }

                var tweets = new Tweet[count];
                for (var i = 0; i < count; i++)
                {
                    var authorName = reader.ReadText();
                    var handle = reader.ReadText();
                    var statusId = reader.ReadInt64();
                    var url = reader.ReadText();
                    var date = reader.ReadDate();
                    var text = reader.ReadText();
                    var html = reader.ReadText();
                    var language = reader.ReadString();
                    tweets[i] = new Tweet(authorName, handle, statusId, url, date, text, html, language);
                }

                return tweets;
            }
        }

        /// <summary>Reads a slug catalog: <c>"DK1;" count slug*</c>.</summary>
        public static string[] DecodeSlugs(byte[] data)
        {
            var reader = new FieldReader(DigestData.Pin(data), 0, data.Length);
            reader.ExpectMagic();
            var count = reader.ReadCount();
            var slugs = new string[count];
            for (var i = 0; i < count; i++)
            {
                slugs[i] = reader.ReadText();
            }

            return slugs;
        }
    }
}
