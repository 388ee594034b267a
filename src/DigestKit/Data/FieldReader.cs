using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace DigestKit.Data
{
    /// <summary>
    /// Reads the fields of <see cref="DataFormat"/> one after another from a range of a digest's data. Reads through a
    /// pointer (<see cref="DigestData"/>): the data of a resource-embedded digest is read in place in the mapped image.
    /// </summary>
    internal unsafe struct FieldReader
    {
        private readonly DigestData _owner;
        private readonly byte* _data;
        private readonly int _end;
        private int _position;

        [MethodImpl(Jit.Optimized)]
        public FieldReader(DigestData owner, int start, int end)
        {
            _owner = owner;
            _data = owner.Pointer;
            _position = start;
            _end = end;
        }

        public bool AtEnd => _position >= _end;

        /// <summary>Where the next field starts: a reader created at it later reads that field again.</summary>
        public int Position => _position;

        public int End => _end;

        public DigestData Owner => _owner;

        /// <summary>Throws unless every field was read: data the reader does not understand is never ignored.</summary>
        [MethodImpl(Jit.Optimized)]
        public void ExpectEnd()
        {
            if (_position != _end)
            {
                throw Corrupt("unexpected data after the last field");
            }
        }

        public void ExpectMagic()
        {
            var magic = DataFormat.Magic;
            if (_end - _position < magic.Length)
            {
                throw Corrupt("missing header");
            }

            for (var i = 0; i < magic.Length; i++)
            {
                if (_data[_position + i] != magic[i])
                {
                    throw Corrupt("unknown header: the DigestKit runtime and generator versions differ");
                }
            }

            _position += magic.Length;
            GC.KeepAlive(_owner);
        }

        /// <summary>Reads one field's header and skips its payload: (start, length, tag) where tag is ':' '!' or '~'.</summary>
        [MethodImpl(Jit.Optimized)]
        public byte ReadField(out int start, out int length)
        {
            if (_position >= _end)
            {
                throw Corrupt("unexpected end of data");
            }

            if (_data[_position++] != (byte)'|')
            {
                throw Corrupt("missing field separator");
            }

            if (_position < _end && _data[_position] == (byte)'~')
            {
                _position++;
                start = _position;
                length = 0;
                return (byte)'~';
            }

            var n = 0;
            while (true)
            {
                if (_position >= _end)
                {
                    throw Corrupt("unterminated field length");
                }

                var b = _data[_position++];
                if (b >= (byte)'0' && b <= (byte)'9')
                {
                    n = checked((n * 10) + (b - '0'));
                    continue;
                }

                if (b != (byte)':' && b != (byte)'!')
                {
                    throw Corrupt("bad field tag");
                }

                if (n > _end - _position)
                {
                    throw Corrupt("field runs past the end");
                }

                start = _position;
                length = n;
                _position += n;
                GC.KeepAlive(_owner);
                return b;
            }
        }

        /// <summary>Skips one field of <paramref name="kind"/> (<see cref="DigestSchema"/>) without decoding it.</summary>
        public void Skip(FieldKind kind)
        {
            switch (kind)
            {
                case FieldKind.Date:
                    SkipField();
                    SkipField();
                    break;
                case FieldKind.TextList:
                    for (var n = ReadCount(); n > 0; n--)
                    {
                        SkipField();
                    }

                    break;
                default:
                    SkipField();
                    break;
            }
        }

        /// <summary>Skips one field without decoding it.</summary>
        [MethodImpl(Jit.Optimized)]
        public void SkipField() => ReadField(out _, out _);

        [MethodImpl(Jit.Optimized)]
        public string? ReadString()
        {
            var tag = ReadField(out var start, out var length);
            return Decode(_owner, tag, start, length);
        }

        [MethodImpl(Jit.Optimized)]
        public string ReadText() => ReadString() ?? string.Empty;

        [MethodImpl(Jit.Optimized)]
        public long? ReadInt64()
        {
            var tag = ReadField(out var start, out var length);
            if (tag == (byte)'~')
            {
                return null;
            }

            if (tag != (byte)':' || length == 0)
            {
                throw Corrupt("bad number");
            }

            var negative = _data[start] == (byte)'-';
            var i = negative ? start + 1 : start;
            long value = 0;
            for (; i < start + length; i++)
            {
                var b = _data[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    throw Corrupt("bad number");
                }

                value = checked((value * 10) + (b - '0'));
            }

            GC.KeepAlive(_owner);
            return negative ? -value : value;
        }

        [MethodImpl(Jit.Optimized)]
        public int ReadCount()
        {
            var value = ReadInt64() ?? throw Corrupt("missing count");
            if (value < 0 || value > int.MaxValue)
            {
                throw Corrupt("bad count");
            }

            return (int)value;
        }

        [MethodImpl(Jit.Optimized)]
        public bool ReadBoolean() => ReadInt64() == 1;

        [MethodImpl(Jit.Optimized)]
        public DateTime? ReadDate()
        {
            var ticks = ReadInt64();
            var kind = ReadInt64();
            return ticks is { } t ? new DateTime(t, (DateTimeKind)(kind ?? 0)) : (DateTime?)null;
        }

        [MethodImpl(Jit.Optimized)]
        public IReadOnlyList<string> ReadTextList()
        {
            var count = ReadCount();
            if (count == 0)
            {
                return Array.Empty<string>();
            }

            var items = new string[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = ReadText();
            }

            return items;
        }

        /// <summary>Reads a group field and returns a reader over its contents.</summary>
        [MethodImpl(Jit.Optimized)]
        public FieldReader ReadGroup()
        {
            var tag = ReadField(out var start, out var length);
            if (tag != (byte)':')
            {
                throw Corrupt("bad group");
            }

            return new FieldReader(_owner, start, start + length);
        }

        // Not inlined: every caller would otherwise compile the string creation again (JIT time at start-up).
        [MethodImpl(Jit.Optimized | MethodImplOptions.NoInlining)]
        internal static string? Decode(DigestData owner, byte tag, int start, int length)
        {
            var data = owner.Pointer;
            var value = tag switch
            {
                (byte)'~' => null,
                (byte)':' => length == 0 ? string.Empty : Encoding.UTF8.GetString(data + start, length),
                _ => DecodeUtf16Hex(data, start, length),
            };
            GC.KeepAlive(owner);
            return value;
        }

        private static string DecodeUtf16Hex(byte* data, int start, int length)
        {
            if (length % 4 != 0)
            {
                throw Corrupt("bad UTF-16 field");
            }

            var chars = new char[length / 4];
            for (var i = 0; i < chars.Length; i++)
            {
                var unit = 0;
                for (var j = 0; j < 4; j++)
                {
                    unit = (unit << 4) | HexValue(data[start + (i * 4) + j]);
                }

                chars[i] = (char)unit;
            }

            return new string(chars);
        }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9') return b - '0';
            if (b >= (byte)'A' && b <= (byte)'F') return b - 'A' + 10;
            if (b >= (byte)'a' && b <= (byte)'f') return b - 'a' + 10;
            throw Corrupt("bad hex digit");
        }

        internal static InvalidDataException Corrupt(string why) =>
            new InvalidDataException("DigestKit: embedded digest data is corrupt (" + why + ").");
    }
}
