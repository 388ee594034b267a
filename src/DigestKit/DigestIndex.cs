using System;
using System.Collections;
using System.Collections.Generic;
using DigestKit.Data;

namespace DigestKit
{
    /// <summary>
    /// The typed indexes of an assembly's digests (<c>Digests.Index</c>): every paper by arXiv ID, papers by author and
    /// by category, and the authors and categories present. Built at build time, not at start-up: the build task (or,
    /// without it, the generator) writes them as a section of the embedded data, hash maps laid out as text, and this
    /// reads that section in place. A lookup hashes the key, reads one record and the paper rows it names, and decodes
    /// no digest: a <see cref="PaperAppearance"/> knows its digest's position, the paper's rank and score, and decodes
    /// its <see cref="PaperAppearance.Digest"/> (that one digest) only when asked. Keys are folded by
    /// <see cref="IndexKeys"/>, so <c>ByAuthor("Velickovic")</c> finds <c>Veličković</c>. Safe to use from several threads.
    /// </summary>
    public sealed class DigestIndex
    {
        private readonly DigestCollection _digests;
        private readonly IndexData _data;
        private readonly int[] _slotToIndex;
        private readonly IReadOnlyList<IndexedPaper> _papers;
        private readonly IReadOnlyList<IndexedAuthor> _authors;
        private readonly IReadOnlyList<IndexedCategory> _categories;

        internal DigestIndex(DigestCollection digests, IndexData data, int[] slotToIndex)
        {
            _digests = digests;
            _data = data;
            _slotToIndex = slotToIndex;
            _papers = new LazyList<IndexedPaper>(data.Count(IndexData.Ids), i => NewPaper(data.RecordAt(IndexData.Ids, i)));
            _authors = new LazyList<IndexedAuthor>(data.Count(IndexData.Authors), i => NewAuthor(data.RecordAt(IndexData.Authors, i)));
            _categories = new LazyList<IndexedCategory>(data.Count(IndexData.Categories), i => NewCategory(data.RecordAt(IndexData.Categories, i)));
        }

        /// <summary>Every distinct paper (one per arXiv ID, whatever its version), ordered by ID; each decoded on first access.</summary>
        public IReadOnlyList<IndexedPaper> Papers => _papers;

        /// <summary>Every author present (one per <see cref="IndexKeys.Author"/> key), ordered by key; each decoded on first access.</summary>
        public IReadOnlyList<IndexedAuthor> Authors => _authors;

        /// <summary>Every arXiv category present (one per <see cref="IndexKeys.Category"/> key), ordered by key.</summary>
        public IReadOnlyList<IndexedCategory> Categories => _categories;

        /// <summary>
        /// The paper with this arXiv ID (any version: <c>2106.10155</c> and <c>2106.10155v2</c> find the same), with every
        /// digest it appeared in, or null. O(1): one hash lookup; no digest is decoded.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="arxivId"/> is null.</exception>
        public IndexedPaper? FindPaper(string arxivId)
        {
            var record = _data.Find(IndexData.Ids, IndexKeys.ArxivId(arxivId));
            return record < 0 ? null : NewPaper(record);
        }

        /// <summary>The author whose <see cref="IndexKeys.Author"/> key is that of <paramref name="name"/>, or null.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        public IndexedAuthor? FindAuthor(string name)
        {
            var record = _data.Find(IndexData.Authors, IndexKeys.Author(name));
            return record < 0 ? null : NewAuthor(record);
        }

        /// <summary>The category <paramref name="category"/> (case-insensitive), or null.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
        public IndexedCategory? FindCategory(string category)
        {
            var record = _data.Find(IndexData.Categories, IndexKeys.Category(category));
            return record < 0 ? null : NewCategory(record);
        }

        /// <summary>Every paper (each appearance) by the author <paramref name="name"/>, accent- and case-insensitively; empty when none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        public IReadOnlyList<PaperAppearance> ByAuthor(string name) => FindAuthor(name)?.Papers ?? Array.Empty<PaperAppearance>();

        /// <summary>Every paper (each appearance) in the arXiv category <paramref name="category"/>; empty when none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
        public IReadOnlyList<PaperAppearance> InCategory(string category) => FindCategory(category)?.Papers ?? Array.Empty<PaperAppearance>();

        private IndexedPaper NewPaper(int record)
        {
            var name = _data.Name(record);
            return new IndexedPaper(name, _data.Key(record), IndexKeys.ArxivVersion(name), Appearances(record));
        }

        private IndexedAuthor NewAuthor(int record) =>
            new IndexedAuthor(_data.Name(record), _data.Key(record), _data.PaperCount(record), new Lazy<IReadOnlyList<PaperAppearance>>(() => Appearances(record)));

        private IndexedCategory NewCategory(int record) =>
            new IndexedCategory(_data.Name(record), _data.Key(record), _data.PaperCount(record), new Lazy<IReadOnlyList<PaperAppearance>>(() => Appearances(record)));

        /// <summary>A record's papers in <c>Digests.All</c> order (oldest digest first), then by rank.</summary>
        private IReadOnlyList<PaperAppearance> Appearances(int record)
        {
            var count = _data.PaperCount(record);
            var list = new List<PaperAppearance>(count);
            for (var i = 0; i < count; i++)
            {
                _data.Row(_data.Paper(record, i), out var slot, out var paper, out var rank, out var version, out var score);
                if ((uint)slot < (uint)_slotToIndex.Length && _slotToIndex[slot] >= 0)
                {
                    list.Add(new PaperAppearance(_digests, _slotToIndex[slot], paper, rank, version < 0 ? null : version, score));
                }
            }

            list.Sort(static (a, b) => a.DigestIndex != b.DigestIndex ? a.DigestIndex.CompareTo(b.DigestIndex) : a.Rank.CompareTo(b.Rank));
            return list.ToArray();
        }

        /// <summary>A read-only list whose items are made on first access and kept.</summary>
        private sealed class LazyList<T> : IReadOnlyList<T>
            where T : class
        {
            private readonly T?[] _items;
            private readonly Func<int, T> _create;

            public LazyList(int count, Func<int, T> create)
            {
                _items = new T?[count];
                _create = create;
            }

            public int Count => _items.Length;

            public T this[int index]
            {
                get
                {
                    if ((uint)index >= (uint)_items.Length)
                    {
                        throw new ArgumentOutOfRangeException(nameof(index));
                    }

                    return System.Threading.Volatile.Read(ref _items[index]) ?? Once.Publish(ref _items[index], _create(index));
                }
            }

            public IEnumerator<T> GetEnumerator()
            {
                for (var i = 0; i < _items.Length; i++)
                {
                    yield return this[i];
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }

    /// <summary>One paper of the index: its arXiv ID and every digest it appeared in.</summary>
    public sealed class IndexedPaper
    {
        internal IndexedPaper(string arxivId, string key, int? version, IReadOnlyList<PaperAppearance> appearances)
        {
            ArxivId = arxivId;
            Key = key;
            Version = version;
            Appearances = appearances;
        }

        /// <summary>The ID with the newest version any digest gives (e.g. <c>2106.10155v2</c>), as written.</summary>
        public string ArxivId { get; }

        /// <summary>The ID without its version, in lower case (<see cref="IndexKeys.ArxivId"/>).</summary>
        public string Key { get; }

        /// <summary>The newest version any digest gives, or null when none names one.</summary>
        public int? Version { get; }

        /// <summary>Each appearance, oldest digest first: digest, rank and score, without decoding the digest.</summary>
        public IReadOnlyList<PaperAppearance> Appearances { get; }

        /// <inheritdoc />
        public override string ToString() => ArxivId;
    }

    /// <summary>A name of the index (an author or a category): how the digests spell it, its key and its papers.</summary>
    public abstract class IndexedName
    {
        private readonly Lazy<IReadOnlyList<PaperAppearance>> _papers;

        private protected IndexedName(string name, string key, int paperCount, Lazy<IReadOnlyList<PaperAppearance>> papers)
        {
            Name = name;
            Key = key;
            PaperCount = paperCount;
            _papers = papers;
        }

        /// <summary>The spelling the digests use most often (ties: the one keeping the most accents), e.g. <c>Petar Veličković</c>, <c>cs.LG</c>.</summary>
        public string Name { get; }

        /// <summary>The folded key (<see cref="IndexKeys.Author"/>, <see cref="IndexKeys.Category"/>), e.g. <c>petar velickovic</c>, <c>cs.lg</c>.</summary>
        public string Key { get; }

        /// <summary>How many appearances <see cref="Papers"/> holds, read without listing them.</summary>
        public int PaperCount { get; }

        /// <summary>Each paper under this name (each appearance), oldest digest first; listed on first access.</summary>
        public IReadOnlyList<PaperAppearance> Papers => _papers.Value;

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>One author of the index: a display name and the papers under its key.</summary>
    public sealed class IndexedAuthor : IndexedName
    {
        internal IndexedAuthor(string name, string key, int paperCount, Lazy<IReadOnlyList<PaperAppearance>> papers)
            : base(name, key, paperCount, papers)
        {
        }
    }

    /// <summary>One arXiv category of the index and its papers.</summary>
    public sealed class IndexedCategory : IndexedName
    {
        internal IndexedCategory(string name, string key, int paperCount, Lazy<IReadOnlyList<PaperAppearance>> papers)
            : base(name, key, paperCount, papers)
        {
        }
    }

    /// <summary>
    /// A paper in one digest, as the index knows it: where (<see cref="DigestIndex"/>, <see cref="Rank"/>) and its
    /// <see cref="Score"/>, read from the index alone. <see cref="Digest"/> and <see cref="Paper"/> decode that one
    /// digest (as <c>Digests.All[i]</c> would) on first access.
    /// </summary>
    public sealed class PaperAppearance
    {
        private readonly DigestCollection _digests;
        private readonly int _paper;

        internal PaperAppearance(DigestCollection digests, int digestIndex, int paper, int rank, int? version, long score)
        {
            _digests = digests;
            DigestIndex = digestIndex;
            _paper = paper;
            Rank = rank;
            Version = version;
            Score = score;
        }

        /// <summary>The digest's position in <c>Digests.All</c>.</summary>
        public int DigestIndex { get; }

        /// <summary>The paper's rank in that digest.</summary>
        public int Rank { get; }

        /// <summary>Retweets + favorites in that digest.</summary>
        public long Score { get; }

        /// <summary>The arXiv version this digest names, if any.</summary>
        public int? Version { get; }

        /// <summary>The digest (decoded on first access, then shared with <c>Digests.All</c>).</summary>
        public Digest Digest => _digests[DigestIndex];

        /// <summary>The paper itself, in <see cref="Digest"/>.</summary>
        public Paper Paper
        {
            get
            {
                var papers = Digest.Papers;
                return (uint)_paper < (uint)papers.Count ? papers[_paper] : throw FieldReader.Corrupt("an index entry names a paper its digest lacks");
            }
        }

        /// <inheritdoc />
        public override string ToString() => "#" + Rank + " in All[" + DigestIndex + "] (" + Score + ")";
    }
}
