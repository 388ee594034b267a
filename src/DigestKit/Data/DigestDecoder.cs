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
            string sourcePath = string.Empty, title = string.Empty, template = string.Empty, slug = string.Empty;
            string category = string.Empty, description = string.Empty, socialImage = string.Empty;
            var date = default(DateTime);
            var draft = false;
            IReadOnlyList<string> tags = Array.Empty<string>();
            for (var field = default(FrontMatterField); field < FrontMatterField.End; field++)
            {
                switch (field)
                {
                    case FrontMatterField.SourcePath: sourcePath = group.ReadText(); break;
                    case FrontMatterField.Title: title = group.ReadText(); break;
                    case FrontMatterField.Date: date = group.ReadDate() ?? default; break;
                    case FrontMatterField.Template: template = group.ReadText(); break;
                    case FrontMatterField.Draft: draft = group.ReadBoolean(); break;
                    case FrontMatterField.Slug: slug = group.ReadText(); break;
                    case FrontMatterField.Category: category = group.ReadText(); break;
                    case FrontMatterField.Tags: tags = group.ReadTextList(); break;
                    case FrontMatterField.Description: description = group.ReadText(); break;
                    case FrontMatterField.SocialImage: socialImage = group.ReadText(); break;
                    default: throw Unread(field);
                }
            }

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
                var title = -1;
                for (var field = default(PaperField); field < PaperField.End; field++)
                {
                    switch (field)
                    {
                        case PaperField.Numbers:
                            if (reader.ReadField(out var start, out var length) != (byte)':')
                            {
                                throw FieldReader.Corrupt("bad paper numbers");
                            }

                            ParseNumbers(data.Pointer + start, length, numbers, present);
                            break;
                        case PaperField.Title:
                            // Decoded on first access, with the authors that follow it (ReadAuthors).
                            title = reader.Position;
                            reader.SkipField();
                            break;
                        case PaperField.Authors:
                            if (reader.ReadField(out _, out _) != (byte)':')
                            {
                                throw FieldReader.Corrupt("bad author group");
                            }

                            break;
                        default: throw Unread(field);
                    }
                }

                var coldOffset = numbers[(int)PaperNumber.ColdOffset];
                var coldLength = numbers[(int)PaperNumber.ColdLength];
                var authorCount = numbers[(int)PaperNumber.AuthorCount];
                if (!present[(int)PaperNumber.Rank] || !present[(int)PaperNumber.Retweets] || !present[(int)PaperNumber.Favorites]
                    || !present[(int)PaperNumber.ColdOffset] || !present[(int)PaperNumber.ColdLength] || !present[(int)PaperNumber.AuthorCount]
                    || present[(int)PaperNumber.MeasuredAtTicks] != present[(int)PaperNumber.MeasuredAtKind]
                    || coldOffset < 0 || coldLength < 0 || coldOffset > coldSize || coldLength > coldSize - coldOffset
                    || authorCount < 0 || authorCount > int.MaxValue)
                {
                    throw FieldReader.Corrupt("bad paper numbers");
                }

                var measuredAt = present[(int)PaperNumber.MeasuredAtTicks]
                    ? new DateTime(numbers[(int)PaperNumber.MeasuredAtTicks], (DateTimeKind)numbers[(int)PaperNumber.MeasuredAtKind])
                    : (DateTime?)null;
                var cold = encoded.ColdStart + (int)coldOffset;
                papers[i] = new Paper(
                    (int)numbers[(int)PaperNumber.Rank], numbers[(int)PaperNumber.Retweets], numbers[(int)PaperNumber.Favorites], measuredAt,
                    new PaperFields(data, title, (int)authorCount, cold, cold + (int)coldLength));
            }

            reader.ExpectEnd();
            GC.KeepAlive(data);
            return papers;
        }

        private const int Numbers = (int)PaperNumber.End;

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

        /// <summary>The identifier, links and categories: the fields of <see cref="PaperLinks"/>, decoded together.</summary>
        public static PaperLinks ReadLinks(in PaperFields fields)
        {
            var reader = fields.Cold;
            string? arxivId = null;
            string absUrl = string.Empty, pdfUrl = string.Empty;
            IReadOnlyList<string> categories = Array.Empty<string>();
            for (var field = default(PaperColdField); field <= LastLinkField; field++)
            {
                switch (field)
                {
                    case PaperColdField.ArxivId: arxivId = reader.ReadString(); break;
                    case PaperColdField.AbsUrl: absUrl = reader.ReadText(); break;
                    case PaperColdField.PdfUrl: pdfUrl = reader.ReadText(); break;
                    case PaperColdField.Categories: categories = reader.ReadTextList(); break;
                    default: reader.Skip(DigestSchema.Kind(field)); break; // read by its own accessor
                }
            }

            return new PaperLinks(arxivId, absUrl, pdfUrl, categories);
        }

        /// <summary>The last of the cold fields <see cref="ReadLinks"/> reads.</summary>
        private const PaperColdField LastLinkField = PaperColdField.Categories;

        public static string ReadAbstract(in PaperFields fields) => ColdAt(fields, PaperColdField.Abstract).ReadText();

        public static IReadOnlyList<Tweet> ReadTweets(in PaperFields fields)
        {
            var paper = ColdAt(fields, PaperColdField.Tweets);
            var reader = paper.ReadGroup();
            SkipRest(ref paper, PaperColdField.Tweets);
            var count = reader.ReadCount();
            if (count == 0)
            {
                reader.ExpectEnd();
                return Array.Empty<Tweet>();
            }

            var tweets = new Tweet[count];
            for (var i = 0; i < count; i++)
            {
                string authorName = string.Empty, handle = string.Empty, url = string.Empty, text = string.Empty, html = string.Empty;
                string? language = null;
                long? statusId = null;
                DateTime? date = null;
                for (var field = default(TweetField); field < TweetField.End; field++)
                {
                    switch (field)
                    {
                        case TweetField.AuthorName: authorName = reader.ReadText(); break;
                        case TweetField.Handle: handle = reader.ReadText(); break;
                        case TweetField.StatusId: statusId = reader.ReadInt64(); break;
                        case TweetField.Url: url = reader.ReadText(); break;
                        case TweetField.Date: date = reader.ReadDate(); break;
                        case TweetField.Text: text = reader.ReadText(); break;
                        case TweetField.Html: html = reader.ReadText(); break;
                        case TweetField.Language: language = reader.ReadString(); break;
                        default: throw Unread(field);
                    }
                }

                tweets[i] = new Tweet(authorName, handle, statusId, url, date, text, html, language);
            }

            reader.ExpectEnd();
            return tweets;
        }

        /// <summary>A reader of a paper's cold record at <paramref name="field"/>, the fields before it skipped by their kinds.</summary>
        private static FieldReader ColdAt(in PaperFields fields, PaperColdField field)
        {
            var reader = fields.Cold;
            for (var before = default(PaperColdField); before < field; before++)
            {
                reader.Skip(DigestSchema.Kind(before));
            }

            return reader;
        }

        /// <summary>Skips the cold fields after <paramref name="last"/> and checks that the record ends there.</summary>
        private static void SkipRest(ref FieldReader reader, PaperColdField last)
        {
            for (var field = last + 1; field < PaperColdField.End; field++)
            {
                reader.Skip(DigestSchema.Kind(field));
            }

            reader.ExpectEnd();
        }

        // The reader's switches, like the writer's, throw on a schema field they do not know: a field declared in
        // DigestSchema must be read too, or every round-trip test fails.
        private static InvalidOperationException Unread(object field) =>
            new InvalidOperationException("DigestKit: DigestDecoder reads no value for the schema's field " + field + ".");

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
