using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using DigestKit.Analyzers.Generator.Model;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// Writes the typed indexes (papers by arXiv ID, by author, by category) that the runtime's
    /// <c>DigestKit.DigestIndex</c> reads in place; the layout is in the runtime's <c>DataFormat.cs</c>. Built at build
    /// time, in two steps, so that it stays incremental per digest: each digest's share (<see cref="WriteFragment"/>,
    /// written with its blob, only when the digest changed), then the whole index from every share
    /// (<see cref="Build"/>, when the pack is written, or by the generator in literal mode). Shared as source with
    /// the build task.
    /// </summary>
    public static class DigestIndexWriter
    {
        /// <summary>The first bytes of an index.</summary>
        public const string Magic = "DKI1";

        /// <summary>The first bytes of a fragment.</summary>
        public const string FragmentMagic = "DKF1";

        /// <summary>The header: magic, then 15 numbers (slots, papers, paper table, and count, buckets, bucket table, order table of each map).</summary>
        public const int HeaderSize = 4 + (15 * 8);

        /// <summary>A paper table row: slot, paper index, rank, version + 1 (0: none), each 8 hex digits, and the score in 16.</summary>
        public const int PaperRowSize = (4 * 8) + 16;

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, false);

        /// <summary>
        /// One digest's share of the index: <c>"DKF1" count (arxivId rank score list(authors) list(categories))*</c> in
        /// the field format, papers in file order; lone surrogates already replaced, so it is valid UTF-8 text.
        /// </summary>
        public static string WriteFragment(DigestSpec digest)
        {
            var builder = new StringBuilder();
            builder.Append(FragmentMagic);
            DigestBlobWriter.Number(builder, digest.Papers.Count);
            foreach (var paper in digest.Papers)
            {
                DigestBlobWriter.Text(builder, paper.ArxivId is null ? null : IndexKeys.WithoutLoneSurrogates(paper.ArxivId));
                DigestBlobWriter.Number(builder, paper.Rank);
                DigestBlobWriter.Number(builder, paper.Retweets + paper.Favorites);
                CleanList(builder, paper.Authors);
                CleanList(builder, paper.Categories);
            }

            return builder.ToString();
        }

        /// <summary>
        /// The index of the digests whose fragments are given, by slot (a digest's rank in ordinal key order, as the
        /// pack and the catalog number them; null: a digest without a fragment). Text throughout (numbers as
        /// fixed-width hex, names as UTF-8), so that it is one <c>u8</c> literal in literal mode as well as a section
        /// of the pack.
        /// </summary>
        /// <exception cref="ArgumentException">A fragment is not in this version's format.</exception>
        public static byte[] Build(IReadOnlyList<byte[]?> fragmentsBySlot)
        {
            var rows = new List<Row>();
            var ids = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var authors = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var categories = new Dictionary<string, Entry>(StringComparer.Ordinal);
            for (var slot = 0; slot < fragmentsBySlot.Count; slot++)
            {
                if (fragmentsBySlot[slot] is not { } fragment)
                {
                    continue;
                }

                var reader = new Reader(fragment);
                var count = reader.Number();
                for (var i = 0; i < count; i++)
                {
                    var arxivId = reader.Text();
                    var rank = (int)reader.Number();
                    var score = reader.Number();
                    var ordinal = rows.Count;
                    var version = arxivId is null ? null : IndexKeys.ArxivVersion(arxivId);
                    rows.Add(new Row(slot, i, rank, version ?? -1, score));
                    if (arxivId is not null && IndexKeys.ArxivId(arxivId) is { Length: > 0 } idKey)
                    {
                        Add(ids, idKey, arxivId.Trim(), ordinal, version ?? 0);
                    }

                    for (var n = reader.Number(); n > 0; n--)
                    {
                        var author = reader.Text() ?? string.Empty;
                        if (IndexKeys.Author(author) is { Length: > 0 } authorKey)
                        {
                            Add(authors, authorKey, author.Trim(), ordinal, 0);
                        }
                    }

                    for (var n = reader.Number(); n > 0; n--)
                    {
                        var category = reader.Text() ?? string.Empty;
                        if (IndexKeys.Category(category) is { Length: > 0 } categoryKey)
                        {
                            Add(categories, categoryKey, category.Trim(), ordinal, 0);
                        }
                    }
                }

                reader.ExpectEnd();
            }

            var output = new MemoryStream();
            var header = new byte[HeaderSize];
            Encoding.ASCII.GetBytes(Magic, 0, 4, header, 0);
            output.Write(header, 0, header.Length);
            var numbers = new List<long> { fragmentsBySlot.Count, rows.Count, output.Position };
            foreach (var row in rows)
            {
                Hex(output, row.Slot, 8);
                Hex(output, row.Paper, 8);
                Hex(output, row.Rank, 8);
                Hex(output, row.Version + 1, 8);
                Hex(output, row.Score, 16);
            }

            foreach (var map in new[] { ids, authors, categories })
            {
                WriteMap(output, map, numbers);
            }

            var bytes = output.ToArray();
            for (var i = 0; i < numbers.Count; i++)
            {
                var hex = checked((int)numbers[i]).ToString("X8", CultureInfo.InvariantCulture);
                Encoding.ASCII.GetBytes(hex, 0, 8, bytes, 4 + (i * 8));
            }

            return bytes;
        }

        /// <summary>
        /// A map: count, bucket count, then (in the body) the records in key order, each
        /// <c>keyLength key nameLength name n ordinal{n}</c>, the order table (each record's offset, in key order,
        /// for enumeration) and the buckets (a record's offset, or FFFFFFFF; open addressing, linear probing, at most
        /// half full, so a lookup reads one or two buckets).
        /// </summary>
        private static void WriteMap(MemoryStream output, Dictionary<string, Entry> map, List<long> numbers)
        {
            var keys = new List<string>(map.Keys);
            keys.Sort(StringComparer.Ordinal);
            var bucketCount = 1;
            while (bucketCount < keys.Count * 2)
            {
                bucketCount *= 2;
            }

            var offsets = new long[keys.Count];
            var buckets = new long[bucketCount];
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] = -1;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                var entry = map[keys[i]];
                var key = Utf8.GetBytes(keys[i]);
                var name = Utf8.GetBytes(entry.Name());
                offsets[i] = output.Position;
                Hex(output, key.Length, 8);
                output.Write(key, 0, key.Length);
                Hex(output, name.Length, 8);
                output.Write(name, 0, name.Length);
                Hex(output, entry.Ordinals.Count, 8);
                foreach (var ordinal in entry.Ordinals)
                {
                    Hex(output, ordinal, 8);
                }

                var bucket = IndexKeys.Hash(key) & (uint)(bucketCount - 1);
                while (buckets[bucket] >= 0)
                {
                    bucket = (bucket + 1) & (uint)(bucketCount - 1);
                }

                buckets[bucket] = offsets[i];
            }

            var order = output.Position;
            foreach (var offset in offsets)
            {
                Hex(output, offset, 8);
            }

            var bucketTable = output.Position;
            foreach (var offset in buckets)
            {
                Hex(output, offset < 0 ? uint.MaxValue : offset, 8);
            }

            numbers.Add(keys.Count);
            numbers.Add(bucketCount);
            numbers.Add(bucketTable);
            numbers.Add(order);
        }

        private static void Add(Dictionary<string, Entry> map, string key, string spelling, int ordinal, int version)
        {
            if (!map.TryGetValue(key, out var entry))
            {
                map.Add(key, entry = new Entry());
            }

            entry.Add(spelling, ordinal, version);
        }

        private static void CleanList(StringBuilder builder, Engine.EquatableArray<string> items)
        {
            DigestBlobWriter.Number(builder, items.Count);
            foreach (var item in items)
            {
                DigestBlobWriter.Text(builder, IndexKeys.WithoutLoneSurrogates(item));
            }
        }

        private static void Hex(MemoryStream output, long value, int digits)
        {
            var text = digits == 16
                ? value.ToString("X16", CultureInfo.InvariantCulture)
                : ((uint)value).ToString("X8", CultureInfo.InvariantCulture);
            var bytes = Encoding.ASCII.GetBytes(text);
            output.Write(bytes, 0, bytes.Length);
        }

        private readonly struct Row
        {
            public Row(int slot, int paper, int rank, int version, long score)
            {
                Slot = slot;
                Paper = paper;
                Rank = rank;
                Version = version;
                Score = score;
            }

            public int Slot { get; }

            public int Paper { get; }

            public int Rank { get; }

            public int Version { get; }

            public long Score { get; }
        }

        /// <summary>
        /// One key's papers and how it was spelled. Its name: for a paper, the identifier with the newest version
        /// seen; otherwise the spelling used most often (ties: the one with the most non-ASCII letters, which keeps
        /// the accents, then ordinal order), so the name does not depend on which digest came first.
        /// </summary>
        private sealed class Entry
        {
            private readonly Dictionary<string, int> _spellings = new Dictionary<string, int>(StringComparer.Ordinal);
            private string? _newest;
            private int _newestVersion = -1;

            public List<int> Ordinals { get; } = new List<int>();

            public void Add(string spelling, int ordinal, int version)
            {
                if (Ordinals.Count == 0 || Ordinals[Ordinals.Count - 1] != ordinal)
                {
                    Ordinals.Add(ordinal);
                }

                _spellings.TryGetValue(spelling, out var n);
                _spellings[spelling] = n + 1;
                if (version > _newestVersion || (version == _newestVersion && string.CompareOrdinal(spelling, _newest) < 0))
                {
                    _newest = spelling;
                    _newestVersion = version;
                }
            }

            public string Name()
            {
                if (_newestVersion > 0)
                {
                    return _newest!;
                }

                string? best = null;
                var bestCount = 0;
                var bestWide = 0;
                foreach (var pair in _spellings)
                {
                    var wide = 0;
                    foreach (var c in pair.Key)
                    {
                        wide += c > 0x7F ? 1 : 0;
                    }

                    if (best is null || pair.Value > bestCount || (pair.Value == bestCount && (wide > bestWide
                        || (wide == bestWide && string.CompareOrdinal(pair.Key, best) < 0))))
                    {
                        best = pair.Key;
                        bestCount = pair.Value;
                        bestWide = wide;
                    }
                }

                return best ?? string.Empty;
            }
        }

        /// <summary>Reads a fragment's fields (only what <see cref="WriteFragment"/> writes: text and null).</summary>
        private struct Reader
        {
            private readonly byte[] _data;
            private int _position;

            public Reader(byte[] data)
            {
                _data = data;
                _position = 0;
                foreach (var c in FragmentMagic)
                {
                    if (_position >= data.Length || data[_position++] != c)
                    {
                        throw Bad();
                    }
                }
            }

            public string? Text()
            {
                if (_position + 1 >= _data.Length || _data[_position] != '|')
                {
                    throw Bad();
                }

                _position++;
                if (_data[_position] == '~')
                {
                    _position++;
                    return null;
                }

                var n = 0;
                while (_position < _data.Length && _data[_position] >= '0' && _data[_position] <= '9' && n < 100_000_000)
                {
                    n = (n * 10) + (_data[_position++] - '0');
                }

                if (_position >= _data.Length || _data[_position] != ':' || n > _data.Length - _position - 1)
                {
                    throw Bad();
                }

                var text = Utf8.GetString(_data, _position + 1, n);
                _position += n + 1;
                return text;
            }

            public long Number() =>
                long.TryParse(Text(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw Bad();

            public void ExpectEnd()
            {
                if (_position != _data.Length)
                {
                    throw Bad();
                }
            }

            private static ArgumentException Bad() => new ArgumentException("not a DigestKit " + FragmentMagic + " index fragment");
        }
    }
}
