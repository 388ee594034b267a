using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace DigestKit.Data
{
    /// <summary>
    /// The index section (<c>index</c> in <see cref="DataFormat"/>) read in place: a lookup hashes the key, reads one
    /// or two buckets and the record they point to, and decodes nothing else. Every offset is checked against the
    /// section before it is read.
    /// </summary>
    internal sealed unsafe class IndexData
    {
        public const int Ids = 0;
        public const int Authors = 1;
        public const int Categories = 2;

        private const int HeaderSize = 4 + (15 * 8);
        private const int RowSize = (4 * 8) + 16;
        private const uint Empty = uint.MaxValue;

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, false);

        private readonly DigestData? _data;
        private readonly int _start;
        private readonly int _length;
        private readonly int[] _maps = new int[12];

        private IndexData(DigestData? data, int start, int length)
        {
            _data = data;
            _start = start;
            _length = length;
        }

        /// <summary>How many digest slots the index numbers.</summary>
        public int Slots { get; private set; }

        /// <summary>How many paper rows (every paper of every digest).</summary>
        public int Papers { get; private set; }

        private int PaperTable { get; set; }

        /// <summary>An index with no entries: for data built without one.</summary>
        public static IndexData None { get; } = new IndexData(null, 0, 0);

        /// <summary>The index at <paramref name="start"/> of <paramref name="data"/>; <see cref="None"/> when its length is 0.</summary>
        public static IndexData Read(DigestData data, int start, int length)
        {
            if (length == 0)
            {
                return None;
            }

            if (start < 0 || length < HeaderSize || start > data.Length - length)
            {
                throw FieldReader.Corrupt("bad index section");
            }

            var p = data.Pointer + start;
            if (p[0] != (byte)'D' || p[1] != (byte)'K' || p[2] != (byte)'I' || p[3] != (byte)'1')
            {
                throw FieldReader.Corrupt("not an index of this version: the DigestKit runtime and build task versions differ");
            }

            var index = new IndexData(data, start, length);
            index.Slots = index.Hex8(4);
            index.Papers = index.Hex8(12);
            index.PaperTable = index.Hex8(20);
            for (var i = 0; i < index._maps.Length; i++)
            {
                index._maps[i] = index.Hex8(28 + (i * 8));
            }

            if (index.Slots < 0 || index.Papers < 0 || index.PaperTable < 0 || (long)index.Papers * RowSize > length - (long)index.PaperTable)
            {
                throw FieldReader.Corrupt("bad index header");
            }

            for (var map = 0; map < 3; map++)
            {
                var count = index.Count(map);
                var buckets = index._maps[(map * 4) + 1];
                if (count < 0 || (count > 0 && (buckets <= 0 || (buckets & (buckets - 1)) != 0 || count > buckets)))
                {
                    throw FieldReader.Corrupt("bad index map");
                }
            }

            GC.KeepAlive(data);
            return index;
        }

        /// <summary>The number of keys in <paramref name="map"/>.</summary>
        public int Count(int map) => _data is null ? 0 : _maps[map * 4];

        /// <summary>The record of <paramref name="key"/> in <paramref name="map"/>, or -1.</summary>
        [MethodImpl(Jit.Optimized)]
        public int Find(int map, string key)
        {
            if (Count(map) == 0)
            {
                return -1;
            }

            var bytes = Utf8.GetBytes(key);
            var buckets = _maps[(map * 4) + 1];
            var table = _maps[(map * 4) + 2];
            var bucket = (int)(IndexKeys.Hash(bytes) & (uint)(buckets - 1));
            for (var probes = 0; probes < buckets; probes++)
            {
                var record = Hex8(table + (bucket * 8));
                if ((uint)record == Empty)
                {
                    return -1;
                }

                if (KeyIs(record, bytes))
                {
                    return record;
                }

                bucket = (bucket + 1) & (buckets - 1);
            }

            return -1;
        }

        /// <summary>The record of the <paramref name="position"/>-th key of <paramref name="map"/> in key order.</summary>
        public int RecordAt(int map, int position)
        {
            if ((uint)position >= (uint)Count(map))
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }

            return Hex8(_maps[(map * 4) + 3] + (position * 8));
        }

        public string Key(int record) => Text(record);

        public string Name(int record) => Text(NameAt(record));

        /// <summary>How many papers a record lists.</summary>
        public int PaperCount(int record)
        {
            var at = ListAt(record);
            var n = Hex8(at);
            if (n < 0 || (long)n * 8 > _length - (long)at - 8)
            {
                throw FieldReader.Corrupt("bad index record");
            }

            return n;
        }

        /// <summary>The <paramref name="i"/>-th paper a record lists (a row of the paper table).</summary>
        public int Paper(int record, int i)
        {
            var ordinal = Hex8(ListAt(record) + 8 + (i * 8));
            if ((uint)ordinal >= (uint)Papers)
            {
                throw FieldReader.Corrupt("bad index record");
            }

            return ordinal;
        }

        /// <summary>Paper row <paramref name="ordinal"/>: its digest's slot, its position in that digest, rank, version (-1: none) and score.</summary>
        public void Row(int ordinal, out int slot, out int paper, out int rank, out int version, out long score)
        {
            var at = PaperTable + (ordinal * RowSize);
            slot = Hex8(at);
            paper = Hex8(at + 8);
            rank = Hex8(at + 16);
            version = Hex8(at + 24) - 1;
            score = (long)(((ulong)(uint)Hex8(at + 32) << 32) | (uint)Hex8(at + 40));
        }

        private int NameAt(int record) => record + 8 + Hex8(record);

        private int ListAt(int record)
        {
            var name = NameAt(record);
            return name + 8 + Hex8(name);
        }

        private bool KeyIs(int record, byte[] key)
        {
            if (Hex8(record) != key.Length)
            {
                return false;
            }

            Check(record + 8, key.Length);
            var p = _data!.Pointer + _start + record + 8;
            for (var i = 0; i < key.Length; i++)
            {
                if (p[i] != key[i])
                {
                    return false;
                }
            }

            GC.KeepAlive(_data);
            return true;
        }

        private string Text(int at)
        {
            var length = Hex8(at);
            Check(at + 8, length);
            var text = Utf8.GetString(_data!.Pointer + _start + at + 8, length);
            GC.KeepAlive(_data);
            return text;
        }

        [MethodImpl(Jit.Optimized)]
        private int Hex8(int offset)
        {
            Check(offset, 8);
            var p = _data!.Pointer + _start + offset;
            uint value = 0;
            for (var i = 0; i < 8; i++)
            {
                var b = p[i];
                uint digit = b >= (byte)'0' && b <= (byte)'9' ? (uint)(b - '0')
                    : b >= (byte)'A' && b <= (byte)'F' ? (uint)(b - 'A' + 10)
                    : throw FieldReader.Corrupt("bad index number");
                value = (value << 4) | digit;
            }

            GC.KeepAlive(_data);
            return (int)value;
        }

        private void Check(int offset, int length)
        {
            if (_data is null || offset < 0 || length < 0 || offset > _length - length)
            {
                throw FieldReader.Corrupt("an index offset lies outside the index");
            }
        }
    }
}
