using System;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DigestKit.Data
{
    /// <summary>
    /// The one manifest resource holding every digest of an assembly (<c>pack</c> in <see cref="DataFormat"/>),
    /// which the DigestKit build task writes. One resource rather than one per digest: CoreCLR finds a manifest
    /// resource by scanning the resource table row by row, so opening each of 3,000 resources cost 30–60 ms at
    /// start-up. Binary with a fixed-size entry per digest, so opening it reads its header and nothing else: the
    /// generated catalog gives each digest's slot, and the key stored there confirms it.
    /// </summary>
    internal sealed unsafe class DigestPack
    {
        private const int EntrySize = 24;

        private const int HeaderSize = 16;

        private DigestPack(DigestData data, int count, int indexStart, int indexLength)
        {
            Data = data;
            Count = count;
            IndexStart = indexStart;
            IndexLength = indexLength;
        }

        public DigestData Data { get; }

        public int Count { get; }

        /// <summary>Where the index section (<see cref="DigestIndex"/>) lies in the pack.</summary>
        public int IndexStart { get; }

        public int IndexLength { get; }

        public static DigestPack Open(Assembly assembly, string resourceName) =>
            Read(DigestData.FromResource(assembly, resourceName), "the resource '" + resourceName + "' in " + assembly.GetName().Name);

        /// <summary>
        /// The pack in <paramref name="data"/>, its checksum verified first (<see cref="PackChecksum"/>: every byte
        /// is read once), so that a pack damaged anywhere (a flipped bit, a truncated or patched file) is refused
        /// here with a message naming <paramref name="source"/>, before any of it is taken for data.
        /// </summary>
        /// <exception cref="System.IO.InvalidDataException">The pack is corrupt or of another version.</exception>
        public static DigestPack Read(DigestData data, string source = "the DigestKit pack")
        {
            var p = data.Pointer;
            var magic = DataFormat.PackMagic;
            var length = data.Length;
            var ours = length >= magic.Length && p[0] == (byte)magic[0] && p[1] == (byte)magic[1] && p[2] == (byte)magic[2] && p[3] == (byte)magic[3];
            if (length < HeaderSize + DataFormat.PackChecksumSize)
            {
                throw Corrupt(source, "it is " + length + " bytes long, shorter than a pack's header and checksum", ours);
            }

            var end = length - DataFormat.PackChecksumSize;
            var stored = (ulong)(uint)Int32(p, end) | ((ulong)(uint)Int32(p, end + 4) << 32);
            var computed = PackChecksum.Compute(p, end);
            if (stored == computed && !ours)
            {
                throw new System.IO.InvalidDataException(
                    "DigestKit: " + source + " is not a pack of this version (" + DataFormat.PackMagic
                    + "): the DigestKit runtime and build task versions differ; rebuild the project.");
            }

            if (stored != computed)
            {
                throw Corrupt(source, "its checksum is " + computed.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)
                    + " where it stores " + stored.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), ours);
            }

            var count = Int32(p, 4);
            if (count < 0 || count > (data.Length - HeaderSize) / EntrySize)
            {
                throw FieldReader.Corrupt("bad pack entry count");
            }

            var indexStart = Int32(p, 8);
            var indexLength = Int32(p, 12);
            if (indexStart < 0 || indexLength < 0 || indexStart > end || indexLength > end - indexStart)
            {
                throw FieldReader.Corrupt("the pack's index lies outside the pack");
            }

            GC.KeepAlive(data);
            return new DigestPack(data, count, indexStart, indexLength);
        }

        /// <summary>
        /// The pack is not what the build task wrote; <paramref name="ours"/>: it starts as a pack of this version does.
        /// </summary>
        private static System.IO.InvalidDataException Corrupt(string source, string why, bool ours) =>
            new System.IO.InvalidDataException(
                "DigestKit: " + source + " is corrupt: " + why
                + (ours ? string.Empty : ", and it does not start with '" + DataFormat.PackMagic + "' (a pack of another DigestKit version, or damaged)")
                + "; rebuild the project.");

        /// <summary>
        /// The digest at <paramref name="slot"/> if its key is the <paramref name="keyLength"/> bytes at
        /// <paramref name="key"/>; otherwise the slot of the digest with that key, found by a scan (the generator and
        /// the build task disagreed on which digests embed: slower, still right), or false when no entry has it.
        /// </summary>
        public bool TryFind(int slot, byte* key, int keyLength, out DigestRange range)
        {
            slot = FindSlot(slot, key, keyLength);
            if (slot < 0)
            {
                range = default;
                return false;
            }

            var entry = Data.Pointer + HeaderSize + (slot * EntrySize);
            var frontStart = Int32(entry, 8);
            var frontLength = Int32(entry, 12);
            var coldStart = Int32(entry, 16);
            var coldLength = Int32(entry, 20);
            if (!Inside(frontStart, frontLength) || !Inside(coldStart, coldLength))
            {
                throw FieldReader.Corrupt("a pack entry lies outside the pack");
            }

            range = new DigestRange(frontStart, frontStart + frontLength, coldStart, coldStart + coldLength);
            GC.KeepAlive(Data);
            return true;
        }

        /// <summary>
        /// <paramref name="slot"/> if the key there is the <paramref name="keyLength"/> bytes at <paramref name="key"/>,
        /// else the slot holding that key (a scan), or -1.
        /// </summary>
        public int FindSlot(int slot, byte* key, int keyLength)
        {
            if ((uint)slot < (uint)Count && KeyIs(slot, key, keyLength))
            {
                return slot;
            }

            for (var i = 0; i < Count; i++)
            {
                if (KeyIs(i, key, keyLength))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The digest at <paramref name="range"/>.</summary>
        public Digest Decode(in DigestRange range) =>
            DigestDecoder.Decode(Data, range.FrontStart, range.FrontEnd, range.ColdStart, range.ColdEnd);

        [MethodImpl(Jit.Optimized)]
        private bool KeyIs(int slot, byte* key, int keyLength)
        {
            var entry = Data.Pointer + HeaderSize + (slot * EntrySize);
            var start = Int32(entry, 0);
            var length = Int32(entry, 4);
            if (!Inside(start, length))
            {
                throw FieldReader.Corrupt("a pack key lies outside the pack");
            }

            if (length != keyLength)
            {
                return false;
            }

            var stored = Data.Pointer + start;
            for (var i = 0; i < length; i++)
            {
                if (stored[i] != key[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool Inside(int start, int length) => start >= 0 && length >= 0 && start <= Data.Length && length <= Data.Length - start;

        private static int Int32(byte* p, int offset) => p[offset] | (p[offset + 1] << 8) | (p[offset + 2] << 16) | (p[offset + 3] << 24);
    }

    /// <summary>Where one digest's front and cold parts lie in a pack.</summary>
    internal readonly struct DigestRange
    {
        public DigestRange(int frontStart, int frontEnd, int coldStart, int coldEnd)
        {
            FrontStart = frontStart;
            FrontEnd = frontEnd;
            ColdStart = coldStart;
            ColdEnd = coldEnd;
        }

        public int FrontStart { get; }

        public int FrontEnd { get; }

        public int ColdStart { get; }

        public int ColdEnd { get; }
    }
}
