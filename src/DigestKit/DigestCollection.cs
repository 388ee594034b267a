using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
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
        private readonly Func<int, Digest> _create;
        private readonly Digest?[] _digests;
        private readonly byte[] _slugData;
        private Dictionary<string, int>? _bySlug;

        /// <summary>Called by generated code only.</summary>
        /// <param name="count">How many digests.</param>
        /// <param name="create">Creates digest <c>i</c> from its embedded data.</param>
        /// <param name="slugData">The slugs in list order, as embedded data.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(int count, Func<int, Digest> create, byte[] slugData)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _create = create ?? throw new ArgumentNullException(nameof(create));
            _slugData = slugData ?? throw new ArgumentNullException(nameof(slugData));
            _digests = new Digest?[count];
        }

        /// <summary>Called by generated code only (C# older than 11: the slugs come as a string).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public DigestCollection(int count, Func<int, Digest> create, string slugData)
            : this(count, create, DigestDecoder.Utf8(slugData))
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

                var digest = Volatile.Read(ref _digests[index]);
                if (digest is null)
                {
                    digest = Interlocked.CompareExchange(ref _digests[index], _create(index), null) ?? _digests[index]!;
                }

                return digest;
            }
        }

        /// <summary>The digest whose slug is <paramref name="slug"/> (ordinal comparison), or null.</summary>
        public Digest? Find(string slug)
        {
            if (slug is null)
            {
                throw new ArgumentNullException(nameof(slug));
            }

            var bySlug = Volatile.Read(ref _bySlug);
            if (bySlug is null)
            {
                var slugs = DigestDecoder.DecodeSlugs(_slugData);
                bySlug = new Dictionary<string, int>(slugs.Length, StringComparer.Ordinal);
                for (var i = 0; i < slugs.Length; i++)
                {
                    if (!bySlug.ContainsKey(slugs[i]))
                    {
                        bySlug.Add(slugs[i], i);
                    }
                }

                Interlocked.CompareExchange(ref _bySlug, bySlug, null);
            }

            return bySlug.TryGetValue(slug, out var index) ? this[index] : null;
        }

        /// <inheritdoc />
        public IEnumerator<Digest> GetEnumerator()
        {
            for (var i = 0; i < _digests.Length; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
