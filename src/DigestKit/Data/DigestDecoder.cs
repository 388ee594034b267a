using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace DigestKit.Data
{
    /// <summary>
    /// Turns the embedded data (<see cref="DataFormat"/>) back into digests, as little as possible at a time: a
    /// digest's front matter when the digest is first read, its papers' numbers when its papers are first read,
    /// and any other field of a paper when that field is first read (<see cref="Paper"/> keeps the positions).
    /// </summary>
    internal static class DigestDecoder
    {
        public static byte[] Utf8(string data) => Encoding.UTF8.GetBytes(data ?? throw new ArgumentNullException(nameof(data)));

        public static Digest Decode(byte[] data)
        {
            var pinned = DigestData.Pin(data ?? throw new ArgumentNullException(nameof(data)));
            var reader = new FieldReader(pinned, 0, pinned.Length);
            reader.ExpectMagic();
            var front = reader.ReadGroup();
            var cold = reader.ReadGroup();
            reader.ExpectEnd();
            return Decode(pinned, front.Position, front.End, cold.Position, cold.End);
        }

        /// <summary>The digest whose front and cold parts lie at the given ranges of <paramref name="data"/>.</summary>
        public static Digest Decode(DigestData data, int frontStart, int frontEnd, int coldStart, int coldEnd)
        {
            var reader = new FieldReader(data, frontStart, frontEnd);
            var frontMatter = reader.Position;
            reader.SkipField();
            return new Digest(new EncodedDigest(data, frontMatter, reader.Position, frontEnd, coldStart, coldEnd));
        }

        /// <summary>A digest's front matter (one group, read on first access to any of it).</summary>
        [MethodImpl(Jit.Optimized)]
        public static FrontMatterValues ReadFrontMatter(in EncodedDigest encoded)
        {
            var group = new FieldReader(encoded.Data, encoded.FrontMatter, encoded.Papers).ReadGroup();
            var sourcePath = group.ReadText();
            var title = group.ReadText();
            var date = group.ReadDate() ?? default;
            var template = group.ReadText();
            var draft = group.ReadBoolean();
            var slug = group.ReadText();
            var category = group.ReadText();
            var tags = group.ReadTextList();
            var description = group.ReadText();
            var socialImage = group.ReadText();
            group.ExpectEnd();
            return new FrontMatterValues(title, date, template, draft, slug, category, tags, description, socialImage, sourcePath);
        }

        /// <summary>A digest's papers: the numbers of each, and where its other fields start.</summary>
        [MethodImpl(Jit.Optimized)]
        public static unsafe Paper[] ReadPapers(in EncodedDigest encoded)
        {
            var data = encoded.Data;
            var reader = new FieldReader(data, encoded.Papers, encoded.FrontEnd);
            var count = reader.ReadCount();
            var papers = new Paper[count];
            var numbers = stackalloc long[Numbers];
            var present = stackalloc bool[Numbers];
            var coldSize = encoded.ColdEnd - encoded.ColdStart;
            for (var i = 0; i < papers.Length; i++)
            {
                if (reader.ReadField(out var start, out var length) != (byte)':')
                {
                    throw FieldReader.Corrupt("bad paper numbers");
                }

                ParseNumbers(data.Pointer + start, length, numbers, present);
                var title = reader.Position;
                reader.SkipField();
                if (reader.ReadField(out _, out _) != (byte)':')
                {
                    throw FieldReader.Corrupt("bad author group");
                }

                var coldOffset = numbers[5];
                var coldLength = numbers[6];
                var authorCount = numbers[7];
                if (!present[0] || !present[1] || !present[2] || !present[5] || !present[6] || !present[7] || present[3] != present[4]
                    || coldOffset < 0 || coldLength < 0 || coldOffset > coldSize || coldLength > coldSize - coldOffset
                    || authorCount < 0 || authorCount > int.MaxValue)
                {
                    throw FieldReader.Corrupt("bad paper numbers");
                }

                var measuredAt = present[3] ? new DateTime(numbers[3], (DateTimeKind)numbers[4]) : (DateTime?)null;
                var cold = encoded.ColdStart + (int)coldOffset;
                papers[i] = new Paper(
                    (int)numbers[0], numbers[1], numbers[2], measuredAt, new PaperFields(data, title, (int)authorCount, cold, cold + (int)coldLength));
            }

            reader.ExpectEnd();
            GC.KeepAlive(data);
            return papers;
        }

        private const int Numbers = 8;

        /// <summary>Parses <c>n,n,…</c> (<see cref="Numbers"/> numbers, each possibly empty) in one pass.</summary>
        [MethodImpl(Jit.Optimized)]
        private static unsafe void ParseNumbers(byte* text, int length, long* numbers, bool* present)
        {
            var index = 0;
            long value = 0;
            var digits = false;
            var negative = false;
            for (var i = 0; i <= length; i++)
            {
                var b = i < length ? text[i] : (byte)',';
                if (b >= (byte)'0' && b <= (byte)'9')
                {
                    value = checked((value * 10) + (b - '0'));
                    digits = true;
                }
                else if (b == (byte)'-' && !digits && !negative)
                {
                    negative = true;
                }
                else if (b == (byte)',' && index < Numbers && (digits || !negative))
                {
                    numbers[index] = negative ? -value : value;
                    present[index] = digits;
                    index++;
                    value = 0;
                    digits = negative = false;
                }
                else
                {
                    throw FieldReader.Corrupt("bad paper numbers");
                }
            }

            if (index != Numbers)
            {
                throw FieldReader.Corrupt("bad paper numbers");
            }
        }

        public static string ReadTitle(in PaperFields fields) => new FieldReader(fields.Data, fields.Title, fields.Data.Length).ReadText();

        /// <summary>The authors: a list whose count is already known and whose names are decoded when first read.</summary>
        public static IReadOnlyList<string> ReadAuthors(in PaperFields fields)
        {
            if (fields.AuthorCount == 0)
            {
                return Array.Empty<string>();
            }

            var reader = new FieldReader(fields.Data, fields.Title, fields.Data.Length);
            reader.SkipField(); // title
            reader.ReadField(out var start, out var length);
            return new EncodedTextList(fields.Data, start, start + length, fields.AuthorCount);
        }

        public static PaperLinks ReadLinks(in PaperFields fields)
        {
            var reader = fields.Cold;
            var arxivId = reader.ReadString();
            var absUrl = reader.ReadText();
            var pdfUrl = reader.ReadText();
            var categories = reader.ReadTextList();
            return new PaperLinks(arxivId, absUrl, pdfUrl, categories);
        }

        public static string ReadAbstract(in PaperFields fields)
        {
            var reader = AfterLinks(fields);
            return reader.ReadText();
        }

        public static IReadOnlyList<Tweet> ReadTweets(in PaperFields fields)
        {
            var paper = AfterLinks(fields);
            paper.SkipField(); // abstract
            var reader = paper.ReadGroup();
            paper.ExpectEnd();
            var count = reader.ReadCount();
            if (count == 0)
            {
                reader.ExpectEnd();
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

            reader.ExpectEnd();
            return tweets;
        }

        private static FieldReader AfterLinks(in PaperFields fields)
        {
            var reader = fields.Cold;
            reader.SkipField(); // arxivId
            reader.SkipField(); // absUrl
            reader.SkipField(); // pdfUrl
            for (var n = reader.ReadCount(); n > 0; n--)
            {
                reader.SkipField(); // a category
            }

            return reader;
        }

        /// <summary>The slugs of a catalog (<c>"DK3;" count (slug key slot)*</c>), in list order.</summary>
        public static string[] DecodeSlugs(byte[] data)
        {
            var reader = new FieldReader(DigestData.Pin(data), 0, data.Length);
            reader.ExpectMagic();
            var slugs = new string[reader.ReadCount()];
            for (var i = 0; i < slugs.Length; i++)
            {
                slugs[i] = reader.ReadText();
                reader.SkipField();
                reader.SkipField();
            }

            reader.ExpectEnd();
            return slugs;
        }

        /// <summary>
        /// Where each digest of a catalog is in the pack: its slot, and where its key's bytes lie in
        /// <paramref name="catalog"/> (read in place, not decoded), in list order.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static int[] LocateKeys(DigestData catalog)
        {
            var reader = new FieldReader(catalog, 0, catalog.Length);
            reader.ExpectMagic();
            var count = reader.ReadCount();
            var located = new int[count * 3];
            for (var i = 0; i < count; i++)
            {
                reader.SkipField(); // slug
                if (reader.ReadField(out located[(i * 3) + 1], out located[(i * 3) + 2]) != (byte)':')
                {
                    throw FieldReader.Corrupt("bad key");
                }

                located[i * 3] = (int)(reader.ReadInt64() ?? -1);
            }

            reader.ExpectEnd();
            return located;
        }

        /// <summary>The number of digests in a catalog, reading nothing else.</summary>
        public static int CatalogCount(byte[] data)
        {
            var reader = new FieldReader(DigestData.Pin(data), 0, data.Length);
            reader.ExpectMagic();
            return reader.ReadCount();
        }
    }

    /// <summary>
    /// Where an embedded digest lies: its front matter group and its papers' front records (from
    /// <see cref="FrontMatter"/> through <see cref="Papers"/> to <see cref="FrontEnd"/>), and its cold part.
    /// </summary>
    internal readonly struct EncodedDigest
    {
        public EncodedDigest(DigestData data, int frontMatter, int papers, int frontEnd, int coldStart, int coldEnd)
        {
            Data = data;
            FrontMatter = frontMatter;
            Papers = papers;
            FrontEnd = frontEnd;
            ColdStart = coldStart;
            ColdEnd = coldEnd;
        }

        public DigestData Data { get; }

        public int FrontMatter { get; }

        public int Papers { get; }

        public int FrontEnd { get; }

        public int ColdStart { get; }

        public int ColdEnd { get; }
    }

    /// <summary>
    /// Where an embedded paper's other fields lie in the embedded data: its title (followed by its authors group) in
    /// the front part, and its cold part (identifier, links, categories, abstract, tweets); and its author count.
    /// </summary>
    internal readonly struct PaperFields
    {
        public PaperFields(DigestData data, int title, int authorCount, int coldStart, int coldEnd)
        {
            Data = data;
            Title = title;
            AuthorCount = authorCount;
            ColdStart = coldStart;
            ColdEnd = coldEnd;
        }

        public DigestData Data { get; }

        public int Title { get; }

        public int AuthorCount { get; }

        public int ColdStart { get; }

        public int ColdEnd { get; }

        public FieldReader Cold => new FieldReader(Data, ColdStart, ColdEnd);
    }
}
