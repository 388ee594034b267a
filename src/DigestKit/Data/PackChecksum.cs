using System;

namespace DigestKit.Data
{
    /// <summary>
    /// The pack's checksum (<c>pack</c> in <see cref="DataFormat"/>): xxHash64 with seed 0, computed in our own code
    /// because netstandard2.0 has no fast hash and the package takes no dependency. 64 bits, so a corrupted pack
    /// passes by chance once in 2^64; four independent lanes of 8 bytes, so checking the pack on first access runs
    /// at memory speed. The build task feeds it the pack as it writes it (<see cref="Append"/>); the runtime
    /// checks the pack in place (<see cref="Compute"/>).
    /// </summary>
    /// <remarks>Linked into the generator and the build task (their csproj), like <see cref="DataFormat"/>.</remarks>
    internal sealed class PackChecksum
    {
        private const ulong Prime1 = 0x9E3779B185EBCA87UL;
        private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
        private const ulong Prime3 = 0x165667B19E3779F9UL;
        private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
        private const ulong Prime5 = 0x27D4EB2F165667C5UL;
        private const int StripeSize = 32;

        private readonly byte[] _pending = new byte[StripeSize];
        private ulong _v1 = unchecked(Prime1 + Prime2);
        private ulong _v2 = Prime2;
        private ulong _v3;
        private ulong _v4 = unchecked(0 - Prime1);
        private int _pendingLength;
        private long _length;

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public void Append(byte[] buffer, int offset, int count)
        {
            _length += count;
            while (count > 0)
            {
                var n = Math.Min(count, StripeSize - _pendingLength);
                Buffer.BlockCopy(buffer, offset, _pending, _pendingLength, n);
                _pendingLength += n;
                offset += n;
                count -= n;
                if (_pendingLength == StripeSize)
                {
                    Stripe(
                        Lane(_pending, 0), Lane(_pending, 8), Lane(_pending, 16), Lane(_pending, 24));
                    _pendingLength = 0;
                }
            }
        }

        /// <summary>The checksum of everything appended.</summary>
        public ulong Finish()
        {
            unchecked
            {
                ulong h;
                if (_length >= StripeSize)
                {
                    h = Rotate(_v1, 1) + Rotate(_v2, 7) + Rotate(_v3, 12) + Rotate(_v4, 18);
                    h = Merge(h, _v1);
                    h = Merge(h, _v2);
                    h = Merge(h, _v3);
                    h = Merge(h, _v4);
                }
                else
                {
                    h = Prime5;
                }

                h += (ulong)_length;
                var i = 0;
                for (; i + 8 <= _pendingLength; i += 8)
                {
                    h ^= Round(0, Lane(_pending, i));
                    h = (Rotate(h, 27) * Prime1) + Prime4;
                }

                if (i + 4 <= _pendingLength)
                {
                    h ^= (_pending[i] | ((ulong)_pending[i + 1] << 8) | ((ulong)_pending[i + 2] << 16) | ((ulong)_pending[i + 3] << 24)) * Prime1;
                    h = (Rotate(h, 23) * Prime2) + Prime3;
                    i += 4;
                }

                for (; i < _pendingLength; i++)
                {
                    h ^= _pending[i] * Prime5;
                    h = Rotate(h, 11) * Prime1;
                }

                h ^= h >> 33;
                h *= Prime2;
                h ^= h >> 29;
                h *= Prime3;
                h ^= h >> 32;
                return h;
            }
        }

#if !DIGESTKIT_LINKED
        /// <summary>The checksum of the <paramref name="length"/> bytes at <paramref name="data"/>, read in place.</summary>
        public static unsafe ulong Compute(byte* data, int length)
        {
            var checksum = new PackChecksum();
            var stripes = length / StripeSize * StripeSize;
            for (var i = 0; i < stripes; i += StripeSize)
            {
                // Unaligned little-endian reads: every platform .NET runs DigestKit on reads them natively.
                var p = (ulong*)(data + i);
                checksum.Stripe(p[0], p[1], p[2], p[3]);
            }

            checksum._length = stripes;
            var tail = new byte[length - stripes];
            for (var i = 0; i < tail.Length; i++)
            {
                tail[i] = data[stripes + i];
            }

            checksum.Append(tail, 0, tail.Length);
            return checksum.Finish();
        }
#endif

        private void Stripe(ulong a, ulong b, ulong c, ulong d)
        {
            _v1 = Round(_v1, a);
            _v2 = Round(_v2, b);
            _v3 = Round(_v3, c);
            _v4 = Round(_v4, d);
        }

        private static ulong Lane(byte[] bytes, int offset) =>
            bytes[offset] | ((ulong)bytes[offset + 1] << 8) | ((ulong)bytes[offset + 2] << 16) | ((ulong)bytes[offset + 3] << 24)
            | ((ulong)bytes[offset + 4] << 32) | ((ulong)bytes[offset + 5] << 40) | ((ulong)bytes[offset + 6] << 48) | ((ulong)bytes[offset + 7] << 56);

        private static ulong Round(ulong accumulator, ulong lane) => unchecked(Rotate(accumulator + (lane * Prime2), 31) * Prime1);

        private static ulong Merge(ulong h, ulong v) => unchecked(((h ^ Round(0, v)) * Prime1) + Prime4);

        private static ulong Rotate(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
    }
}
