using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DigestKit.Data
{
    /// <summary>
    /// A list of embedded strings whose count is known at once and whose items are decoded together on first
    /// access: a paper's author count costs one number, its names are decoded only when read.
    /// </summary>
    internal sealed class EncodedTextList : IReadOnlyList<string>
    {
        private readonly DigestData _data;
        private readonly int _start;
        private readonly int _end;
        private string[]? _values;

        /// <summary>A list over a group's contents, <c>list(text)</c>, whose count the caller already read.</summary>
        public EncodedTextList(DigestData data, int start, int end, int count)
        {
            _data = data;
            _start = start;
            _end = end;
            Count = count;
        }

        public int Count { get; }

        public string this[int index] => Values[index];

        private string[] Values => Volatile.Read(ref _values) ?? Decode();

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private string[] Decode()
        {
            var reader = new FieldReader(_data, _start, _end);
            if (reader.ReadCount() != Count)
            {
                throw FieldReader.Corrupt("a list's count disagrees with its paper's");
            }

            var values = new string[Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadText();
            }

            reader.ExpectEnd();
            return Once.Publish(ref _values, values);
        }
    }
}
