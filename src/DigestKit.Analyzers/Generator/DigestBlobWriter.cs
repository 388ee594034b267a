using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Data;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// Writes a digest in the embedded data format that the runtime's <c>DigestKit.Data.DigestDecoder</c> reads
    /// (the grammar is in the runtime's <c>DataFormat.cs</c>). The result is text, which the emitter writes as
    /// one literal.
    /// </summary>
    public static class DigestBlobWriter
    {
        public const string Magic = DigestKit.Data.DataFormat.Magic;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>
        /// The digest's blob: <c>"DK3;" group(front) group(cold)</c>. The front holds what a listing reads (the front
        /// matter as one group, skipped in one step when only papers are read; each paper's numbers, title and
        /// authors), the cold part the rest (each paper's links, categories,
        /// abstract and tweets), which a front paper finds by offset and length. Split so that a pack can put every
        /// digest's front together: enumerating 34,400 papers then reads ~7 MB in one region instead of touching
        /// ~95 MB (memory latency, not decoding, was most of the cost).
        /// </summary>
        public static string WriteDigest(DigestSpec digest)
        {
            var frontMatter = new StringBuilder();
            for (var field = default(FrontMatterField); field < FrontMatterField.End; field++)
            {
                WriteField(frontMatter, digest, field);
            }

            var front = new StringBuilder();
            Group(front, frontMatter.ToString());
            Number(front, digest.Papers.Count);

            var cold = new StringBuilder();
            var coldBytes = 0;
            foreach (var paper in digest.Papers)
            {
                var rest = new StringBuilder();
                for (var field = default(PaperColdField); field < PaperColdField.End; field++)
                {
                    WriteField(rest, paper, field);
                }

                var restText = rest.ToString();
                var restBytes = StrictUtf8.GetByteCount(restText);
                for (var field = default(PaperField); field < PaperField.End; field++)
                {
                    WriteField(front, paper, field, coldBytes, restBytes);
                }

                cold.Append(restText);
                coldBytes += restBytes;
            }

            var blob = new StringBuilder();
            blob.Append(Magic);
            Group(blob, front.ToString());
            Group(blob, cold.ToString());
            return blob.ToString();
        }

        // One switch per record of DigestSchema, each case the value of one field; the default throws, so a field
        // declared in the schema and not written here fails every test that writes a blob.
        private static void WriteField(StringBuilder builder, DigestSpec digest, FrontMatterField field)
        {
            switch (field)
            {
                case FrontMatterField.SourcePath: Text(builder, digest.SourcePath); break;
                case FrontMatterField.Title: Text(builder, digest.Title); break;
                case FrontMatterField.Date: Date(builder, digest.Date); break;
                case FrontMatterField.Template: Text(builder, digest.Template); break;
                case FrontMatterField.Draft: Number(builder, digest.Draft ? 1 : 0); break;
                case FrontMatterField.Slug: Text(builder, digest.Slug); break;
                case FrontMatterField.Category: Text(builder, digest.Category); break;
                case FrontMatterField.Tags: TextList(builder, digest.Tags); break;
                case FrontMatterField.Description: Text(builder, digest.Description); break;
                case FrontMatterField.SocialImage: Text(builder, digest.SocialImage); break;
                default: throw Unwritten(field);
            }
        }

        private static void WriteField(StringBuilder builder, PaperSpec paper, PaperField field, int coldOffset, int coldLength)
        {
            switch (field)
            {
                case PaperField.Numbers: Text(builder, Numbers(paper, coldOffset, coldLength)); break;
                case PaperField.Title: Text(builder, paper.Title); break;
                case PaperField.Authors:
                    var authors = new StringBuilder();
                    TextList(authors, paper.Authors);
                    Group(builder, authors.ToString());
                    break;
                default: throw Unwritten(field);
            }
        }

        /// <summary>
        /// The paper's numbers in one field (the author count included): listing papers parses one field header per
        /// paper for them, not eight.
        /// </summary>
        private static string Numbers(PaperSpec paper, int coldOffset, int coldLength)
        {
            var numbers = new string[(int)PaperNumber.End];
            for (var number = default(PaperNumber); number < PaperNumber.End; number++)
            {
                long? value = number switch
                {
                    PaperNumber.Rank => paper.Rank,
                    PaperNumber.Retweets => paper.Retweets,
                    PaperNumber.Favorites => paper.Favorites,
                    PaperNumber.MeasuredAtTicks => paper.MeasuredAt?.Ticks,
                    PaperNumber.MeasuredAtKind => paper.MeasuredAt is { } measured ? (long)measured.Kind : null,
                    PaperNumber.ColdOffset => coldOffset,
                    PaperNumber.ColdLength => coldLength,
                    PaperNumber.AuthorCount => paper.Authors.Count,
                    _ => throw Unwritten(number),
                };
                numbers[(int)number] = value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            }

            return string.Join(",", numbers);
        }

        private static void WriteField(StringBuilder builder, PaperSpec paper, PaperColdField field)
        {
            switch (field)
            {
                case PaperColdField.ArxivId: Text(builder, paper.ArxivId); break;
                case PaperColdField.AbsUrl: Text(builder, paper.AbsUrl); break;
                case PaperColdField.PdfUrl: Text(builder, paper.PdfUrl); break;
                case PaperColdField.Categories: TextList(builder, paper.Categories); break;
                case PaperColdField.Abstract: Text(builder, paper.Abstract); break;
                case PaperColdField.Tweets:
                    var tweets = new StringBuilder();
                    Number(tweets, paper.Tweets.Count);
                    foreach (var tweet in paper.Tweets)
                    {
                        for (var tweetField = default(TweetField); tweetField < TweetField.End; tweetField++)
                        {
                            WriteField(tweets, tweet, tweetField);
                        }
                    }

                    Group(builder, tweets.ToString());
                    break;
                default: throw Unwritten(field);
            }
        }

        private static void WriteField(StringBuilder builder, TweetSpec tweet, TweetField field)
        {
            switch (field)
            {
                case TweetField.AuthorName: Text(builder, tweet.AuthorName); break;
                case TweetField.Handle: Text(builder, tweet.Handle); break;
                case TweetField.StatusId: Number(builder, tweet.StatusId); break;
                case TweetField.Url: Text(builder, tweet.Url); break;
                case TweetField.Date: Date(builder, tweet.Date); break;
                case TweetField.Text: Text(builder, tweet.Text); break;
                case TweetField.Html: Text(builder, tweet.Html); break;
                case TweetField.Language: Text(builder, tweet.Language); break;
                default: throw Unwritten(field);
            }
        }

        private static InvalidOperationException Unwritten(object field) =>
            new InvalidOperationException("DigestBlobWriter writes no value for the schema's field " + field);

        /// <summary>
        /// A digest's blob followed by its share of the index (<see cref="DigestIndexWriter.WriteFragment"/>) as a third
        /// group: what the build task writes under obj/, so that packing builds the index from each digest's small
        /// fragment without decoding any blob. The pack copies the first two groups only.
        /// </summary>
        public static string WriteDigestWithIndex(DigestSpec digest)
        {
            var blob = new StringBuilder(WriteDigest(digest));
            Group(blob, DigestIndexWriter.WriteFragment(digest));
            return blob.ToString();
        }

        /// <summary>
        /// Where a blob's two parts lie (the contents of its front and cold groups), for the pack, which places them
        /// apart, reading only the two group headers of a seekable stream. False when the bytes are not a blob of
        /// this version.
        /// </summary>
        public static bool TrySplit(
            System.IO.Stream blob, out long frontStart, out int frontLength, out long coldStart, out int coldLength, out long indexStart, out int indexLength)
        {
            frontStart = coldStart = indexStart = 0;
            frontLength = coldLength = indexLength = 0;
            blob.Position = 0;
            foreach (var c in Magic)
            {
                if (blob.ReadByte() != c)
                {
                    return false;
                }
            }

            return TryGroup(blob, out frontStart, out frontLength)
                && TryGroup(blob, out coldStart, out coldLength)
                && (blob.Position == blob.Length || (TryGroup(blob, out indexStart, out indexLength) && blob.Position == blob.Length));
        }

        private static bool TryGroup(System.IO.Stream blob, out long start, out int length)
        {
            start = 0;
            length = 0;
            if (blob.ReadByte() != '|')
            {
                return false;
            }

            long n = 0;
            var digits = 0;
            int b;
            while ((b = blob.ReadByte()) >= '0' && b <= '9' && digits < 10)
            {
                n = (n * 10) + (b - '0');
                digits++;
            }

            if (digits == 0 || b != ':' || n > blob.Length - blob.Position)
            {
                return false;
            }

            start = blob.Position;
            length = (int)n;
            blob.Position += n;
            return true;
        }

        /// <summary>
        /// The catalog of a project's digests in <c>Digests.All</c> order: <c>"DK3;" count (slug key slot)*</c>. The slug
        /// serves lookups without decoding any digest; the slot is where the build task's pack holds the digest (its
        /// key's rank in ordinal order among the keys given, as <see cref="WritePack"/> orders them), and the key
        /// confirms it.
        /// </summary>
        public static string WriteCatalog(IReadOnlyList<KeyValuePair<string, string>> slugsAndKeys)
        {
            var keys = new string[slugsAndKeys.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = slugsAndKeys[i].Value;
            }

            Array.Sort(keys, StringComparer.Ordinal);
            var builder = new StringBuilder();
            builder.Append(Magic);
            Number(builder, slugsAndKeys.Count);
            foreach (var entry in slugsAndKeys)
            {
                Text(builder, entry.Key);
                Text(builder, entry.Value);
                Number(builder, Array.BinarySearch(keys, entry.Value, StringComparer.Ordinal));
            }

            return builder.ToString();
        }

        /// <summary>The first bytes of a pack (<see cref="WritePack"/>).</summary>
        public const string PackMagic = DigestKit.Data.DataFormat.PackMagic;

        /// <summary>The pack's header: magic, digest count, index offset and length.</summary>
        public const int PackHeaderSize = DigestKit.Data.DataFormat.PackHeaderSize;

        /// <summary>The pack's last bytes: the checksum (<see cref="PackChecksum"/>) of everything before them.</summary>
        public const int PackChecksumSize = DigestKit.Data.DataFormat.PackChecksumSize;

        /// <summary>
        /// Writes the pack of <paramref name="blobs"/> (key and blob) to <paramref name="output"/>: the one resource that
        /// holds every digest of a project. Binary, little-endian, so that the runtime reads entry <c>i</c> without
        /// parsing the others: <c>"DKP5"</c>, the count, the index's offset and length (int32s), per digest in ordinal key order six int32s (key
        /// offset and length, front offset and length, cold offset and length, offsets from the start of the pack),
        /// then the keys (UTF-8), every digest's front part, every cold part (<see cref="TrySplit(System.IO.Stream, out long, out int, out long, out int, out long, out int)"/>):
        /// what a listing reads is one region. Last the index (<see cref="DigestIndexWriter.Build"/>) of the blobs that
        /// carry a fragment (<see cref="WriteDigestWithIndex"/>), slots numbered as here; after it the checksum of all the
        /// rest (<see cref="PackChecksum"/>), computed as it is written. The tests' packs are made here.
        /// </summary>
        /// <exception cref="ArgumentException">A blob is not in this version's format, or a key repeats.</exception>
        public static void WritePack(IReadOnlyList<KeyValuePair<string, byte[]>> blobs, System.IO.Stream output)
        {
            var sources = new List<KeyValuePair<string, Func<System.IO.Stream>>>(blobs.Count);
            foreach (var blob in blobs)
            {
                var bytes = blob.Value;
                sources.Add(new KeyValuePair<string, Func<System.IO.Stream>>(blob.Key, () => new System.IO.MemoryStream(bytes, writable: false)));
            }

            WritePack(sources, output);
        }

        /// <summary>
        /// As <see cref="WritePack(IReadOnlyList{KeyValuePair{string, byte[]}}, System.IO.Stream)"/>, reading each blob
        /// from a seekable stream opened three times (its headers, its front part, its cold part), so that no blob is held
        /// in memory: the build task packs 84 MB of blob files this way.
        /// </summary>
        public static void WritePack(IReadOnlyList<KeyValuePair<string, Func<System.IO.Stream>>> blobs, System.IO.Stream output)
        {
            var sorted = new List<KeyValuePair<string, Func<System.IO.Stream>>>(blobs);
            sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var count = sorted.Count;
            var keys = new byte[count][];
            var fronts = new long[count];
            var colds = new long[count];
            var fragments = new byte[]?[count];
            var table = new int[count * 6];
            for (var i = 0; i < count; i++)
            {
                if (i > 0 && sorted[i].Key == sorted[i - 1].Key)
                {
                    throw new ArgumentException("two digests have the key '" + sorted[i].Key + "'", nameof(blobs));
                }

                using (var blob = sorted[i].Value())
                {
                    if (!TrySplit(blob, out fronts[i], out table[(i * 6) + 3], out colds[i], out table[(i * 6) + 5], out var indexStart, out var indexLength))
                    {
                        throw new ArgumentException("the data of '" + sorted[i].Key + "' is not a DigestKit " + Magic + " blob", nameof(blobs));
                    }

                    if (indexLength > 0)
                    {
                        blob.Position = indexStart;
                        var fragment = new byte[indexLength];
                        Copy(blob, new System.IO.MemoryStream(fragment), indexLength, new byte[Math.Min(indexLength, 1 << 16)]);
                        fragments[i] = fragment;
                    }
                }

                keys[i] = StrictUtf8.GetBytes(sorted[i].Key);
                table[(i * 6) + 1] = keys[i].Length;
            }

            long position = PackHeaderSize + (count * 24L);
            for (var part = 0; part < 6; part += 2)
            {
                for (var i = 0; i < count; i++)
                {
                    table[(i * 6) + part] = checked((int)position);
                    position += table[(i * 6) + part + 1];
                }
            }

            var index = DigestIndexWriter.Build(fragments);
            var header = new byte[PackHeaderSize + (table.Length * 4)];
            Encoding.ASCII.GetBytes(PackMagic, 0, 4, header, 0);
            WriteInt32(header, 4, count);
            WriteInt32(header, 8, checked((int)position));
            WriteInt32(header, 12, index.Length);
            for (var i = 0; i < table.Length; i++)
            {
                WriteInt32(header, PackHeaderSize + (i * 4), table[i]);
            }

            var checksum = new PackChecksum();
            Write(output, header, header.Length, checksum);
            foreach (var key in keys)
            {
                Write(output, key, key.Length, checksum);
            }

            var buffer = new byte[1 << 16];
            for (var part = 0; part < 2; part++)
            {
                for (var i = 0; i < count; i++)
                {
                    using var blob = sorted[i].Value();
                    blob.Position = part == 0 ? fronts[i] : colds[i];
                    Copy(blob, output, table[(i * 6) + (part == 0 ? 3 : 5)], buffer, checksum);
                }
            }

            Write(output, index, index.Length, checksum);
            var trailer = new byte[PackChecksumSize];
            WriteInt64(trailer, 0, checksum.Finish());
            output.Write(trailer, 0, trailer.Length);
        }

        private static void Write(System.IO.Stream output, byte[] bytes, int length, PackChecksum? checksum)
        {
            output.Write(bytes, 0, length);
            checksum?.Append(bytes, 0, length);
        }

        private static void Copy(System.IO.Stream input, System.IO.Stream output, int length, byte[] buffer, PackChecksum? checksum = null)
        {
            while (length > 0)
            {
                var n = input.Read(buffer, 0, Math.Min(buffer.Length, length));
                if (n <= 0)
                {
                    throw new System.IO.IOException("a blob changed while it was being packed");
                }

                Write(output, buffer, n, checksum);
                length -= n;
            }
        }

        private static void WriteInt64(byte[] buffer, int offset, ulong value)
        {
            WriteInt32(buffer, offset, (int)value);
            WriteInt32(buffer, offset + 4, (int)(value >> 32));
        }

        private static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        internal static void Text(StringBuilder builder, string? value)
        {
            if (value is null)
            {
                builder.Append("|~");
                return;
            }

            if (CSharpLiteral.HasUnpairedSurrogate(value))
            {
                // UTF-8 cannot carry it: keep the exact UTF-16 code units, as hex.
                builder.Append('|').Append((value.Length * 4).ToString(CultureInfo.InvariantCulture)).Append('!');
                foreach (var c in value)
                {
                    builder.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }

                return;
            }

            builder.Append('|').Append(StrictUtf8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        private static void Group(StringBuilder builder, string contents) =>
            builder.Append('|').Append(StrictUtf8.GetByteCount(contents).ToString(CultureInfo.InvariantCulture)).Append(':').Append(contents);

        internal static void Number(StringBuilder builder, long? value) =>
            Text(builder, value?.ToString(CultureInfo.InvariantCulture));

        private static void Date(StringBuilder builder, DateTime? value)
        {
            Number(builder, value?.Ticks);
            Number(builder, value is { } d ? (long)d.Kind : (long?)null);
        }

        private static void TextList(StringBuilder builder, IReadOnlyList<string> items)
        {
            Number(builder, items.Count);
            foreach (var item in items)
            {
                Text(builder, item);
            }
        }
    }
}
