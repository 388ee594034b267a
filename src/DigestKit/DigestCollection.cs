using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using DigestKit.Data;

namespace DigestKit
{
    /// <summary>
    /// The digests of one assembly, as generated code exposes them through <c>Digests.All</c>: a read-only list
    /// that creates each digest from its embedded data the first time it is read and keeps it. Reading one
    /// digest never decodes another; <see cref="Find"/> looks slugs up without decoding any digest.
    /// </summary>
    public sealed class DigestCollection : IReadOnlyList<Digest>
    {
        private readonly Func<int, Digest>? _create;
        private readonly Assembly? _assembly;
        private readonly string? _resourceName;
        private readonly Digest?[] _digests;
        private readonly byte[] _catalog;
        private readonly byte[]? _index;
        private Dictionary<string, int>? _bySlug;
        private PackIndex? _pack;
        private DigestIndex? _digestIndex;

        /// <summary>Called by generated code only: each digest's data is a literal that <paramref name="create"/> decodes.</summary>
        /// <param name="count">How many digests.</param>
        /// <param name="create">Creates digest <c>i</c> from its embedded data.</param>
        /// <param name="catalog">The slugs (and keys) in list order, as embedded data.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(int count, Func<int, Digest> create, byte[] catalog)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _create = create ?? throw new ArgumentNullException(nameof(create));
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            _digests = new Digest?[count];
        }

        /// <summary>Called by generated code only (C# older than 11: the catalog comes as a string).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(int count, Func<int, Digest> create, string catalog)
            : this(count, create, DigestDecoder.Utf8(catalog))
        {
        }

        /// <summary>Called by generated code only: as the literal-mode constructor, with the typed indexes the generator built.</summary>
        /// <param name="count">How many digests.</param>
        /// <param name="create">Creates digest <c>i</c> from its embedded data.</param>
        /// <param name="catalog">The slugs (and keys) in list order, as embedded data.</param>
        /// <param name="index">The index section (<see cref="DigestIndex"/>), as embedded data.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(int count, Func<int, Digest> create, byte[] catalog, byte[] index)
            : this(count, create, catalog) => _index = index ?? throw new ArgumentNullException(nameof(index));

        /// <summary>Called by generated code only (C# older than 11: catalog and index come as strings).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(int count, Func<int, Digest> create, string catalog, string index)
            : this(count, create, DigestDecoder.Utf8(catalog), DigestDecoder.Utf8(index))
        {
        }

        /// <summary>
        /// Called by generated code only: the DigestKit build task embedded every digest in the manifest resource
        /// <paramref name="resourceName"/> of <paramref name="assembly"/>, which is opened on first access and read
        /// in place.
        /// </summary>
        /// <param name="assembly">The assembly holding the resource.</param>
        /// <param name="resourceName">The pack resource's name.</param>
        /// <param name="catalog">The slugs and keys in list order, as embedded data.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(Assembly assembly, string resourceName, byte[] catalog)
        {
            _assembly = assembly ?? throw new ArgumentNullException(nameof(assembly));
            _resourceName = resourceName ?? throw new ArgumentNullException(nameof(resourceName));
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            _digests = new Digest?[DigestDecoder.CatalogCount(catalog)];
        }

        /// <summary>Called by generated code only (C# older than 11: the catalog comes as a string).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(Assembly assembly, string resourceName, string catalog)
            : this(assembly, resourceName, DigestDecoder.Utf8(catalog))
        {
        }

        /// <summary>The number of digests.</summary>
        public int Count => _digests.Length;

        /// <summary>The digest at <paramref name="index"/>, decoded on first access.</summary>
        public Digest this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_digests.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return Volatile.Read(ref _digests[index]) ?? Load(index);
            }
        }

        /// <summary>The digest whose slug is <paramref name="slug"/> (ordinal comparison), or null.</summary>
        public Digest? Find(string slug)
        {
            if (slug is null)
            {
                throw new ArgumentNullException(nameof(slug));
            }

            var bySlug = Volatile.Read(ref _bySlug) ?? Once.Publish(ref _bySlug, IndexSlugs(DigestDecoder.DecodeSlugs(_catalog)));
            return bySlug.TryGetValue(slug, out var index) ? this[index] : null;
        }

        /// <summary>
        /// The typed indexes (papers by arXiv ID, by author, by category), read in place from the embedded data on
        /// first access; opening them decodes no digest.
        /// </summary>
        public DigestIndex Index => Volatile.Read(ref _digestIndex) ?? Once.Publish(ref _digestIndex, OpenIndex());

        /// <summary>How many digests have been decoded so far: lets tests prove that a lookup decoded no other.</summary>
        internal int DecodedCount
        {
            get
            {
                var n = 0;
                for (var i = 0; i < _digests.Length; i++)
                {
                    n += Volatile.Read(ref _digests[i]) is null ? 0 : 1;
                }

                return n;
            }
        }

        /// <inheritdoc />
        public IEnumerator<Digest> GetEnumerator() => new Enumerator(this);

        private DigestIndex OpenIndex()
        {
            if (_create is not null)
            {
                if (_index is null)
                {
                    return new DigestIndex(this, IndexData.None, Array.Empty<int>());
                }

                var data = IndexData.Read(DigestData.Pin(_index), 0, _index.Length);
                var located = DigestDecoder.LocateKeys(DigestData.Pin(_catalog));
                return new DigestIndex(this, data, Invert(data.Slots, i => located[i * 3], located.Length / 3));
            }

            var pack = Volatile.Read(ref _pack) ?? Once.Publish(ref _pack, PackIndex.Open(_assembly!, _resourceName!, _catalog));
            var index = IndexData.Read(pack.Pack.Data, pack.Pack.IndexStart, pack.Pack.IndexLength);
            return new DigestIndex(this, index, Invert(index.Slots, pack.SlotOf, _digests.Length));
        }

        /// <summary>The index's slots (a digest's rank in ordinal key order) mapped to positions in this list; -1 for none.</summary>
        private static int[] Invert(int slots, Func<int, int> slotOf, int count)
        {
            var map = new int[slots];
            for (var i = 0; i < map.Length; i++)
            {
                map[i] = -1;
            }

            for (var i = 0; i < count; i++)
            {
                var slot = slotOf(i);
                if ((uint)slot < (uint)map.Length && map[slot] < 0)
                {
                    map[slot] = i;
                }
            }

            return map;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private Digest Load(int index) => Once.Publish(ref _digests[index], Create(index));

        private Digest Create(int index)
        {
            if (_create is not null)
            {
                return _create(index);
            }

            var pack = Volatile.Read(ref _pack) ?? Once.Publish(ref _pack, PackIndex.Open(_assembly!, _resourceName!, _catalog));
            return pack.Decode(index);
        }

        /// <summary>Written out rather than an iterator, so that it can be optimized at first call like the rest.</summary>
        private sealed class Enumerator : IEnumerator<Digest>
        {
            private readonly DigestCollection _collection;
            private int _index = -1;
            private Digest? _current;

            public Enumerator(DigestCollection collection) => _collection = collection;

            public Digest Current => _current ?? throw new InvalidOperationException("The enumeration has not started or has ended.");

            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_index + 1 < _collection.Count)
                {
                    _index++;
                    _current = _collection[_index];
                    return true;
                }

                _index = _collection.Count;
                _current = null;
                return false;
            }

            public void Reset()
            {
                _index = -1;
                _current = null;
            }

            public void Dispose()
            {
            }
        }

        /// <summary>Slug -> index; the first of duplicate slugs wins (the analyzer reports duplicates).</summary>
        private static Dictionary<string, int> IndexSlugs(string[] slugs)
        {
            var bySlug = new Dictionary<string, int>(slugs.Length, StringComparer.Ordinal);
            for (var i = 0; i < slugs.Length; i++)
            {
                if (!bySlug.ContainsKey(slugs[i]))
                {
                    bySlug.Add(slugs[i], i);
                }
            }

            return bySlug;
        }

        /// <summary>The pack, and where the catalog says each digest of the list is in it.</summary>
        private sealed unsafe class PackIndex
        {
            private readonly DigestData _catalog;
            private readonly int[] _located;
            private readonly string _resourceName;

            private PackIndex(DigestPack pack, DigestData catalog, int[] located, string resourceName)
            {
                Pack = pack;
                _catalog = catalog;
                _located = located;
                _resourceName = resourceName;
            }

            public DigestPack Pack { get; }

            public static PackIndex Open(Assembly assembly, string resourceName, byte[] catalog)
            {
                var data = DigestData.Pin(catalog);
                return new PackIndex(DigestPack.Open(assembly, resourceName), data, DigestDecoder.LocateKeys(data), resourceName);
            }

            /// <summary>The pack slot of the list's digest <paramref name="index"/> (its key confirmed), or -1.</summary>
            public int SlotOf(int index)
            {
                var slot = Pack.FindSlot(_located[index * 3], _catalog.Pointer + _located[(index * 3) + 1], _located[(index * 3) + 2]);
                GC.KeepAlive(_catalog);
                return slot;
            }

            public Digest Decode(int index)
            {
                var keyStart = _located[(index * 3) + 1];
                var keyLength = _located[(index * 3) + 2];
                if (!Pack.TryFind(_located[index * 3], _catalog.Pointer + keyStart, keyLength, out var range))
                {
                    var key = FieldReader.Decode(_catalog, (byte)':', keyStart, keyLength);
                    throw new InvalidOperationException(
                        "DigestKit: the digest '" + key + "' is missing from the resource '" + _resourceName + "': the generator and the "
                        + "DigestKit build task disagree (rebuild the project).");
                }

                GC.KeepAlive(_catalog);
                return Pack.Decode(range);
            }
        }
    }
}
