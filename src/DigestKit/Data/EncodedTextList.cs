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
        private readonly FieldReader _items;
        private string[]? _values;

        private EncodedTextList(FieldReader items, int count)
        {
            _items = items;
            Count = count;
        }

        /// <summary>A list from a group holding <c>list(text)</c>.</summary>
        [MethodImpl(Jit.Optimized)]
        public static IReadOnlyList<string> Read(FieldReader group)
        {
            var count = group.ReadCount();
            return count == 0 ? System.Array.Empty<string>() : new EncodedTextList(group, count);
        }

        public int Count { get; }

        public string this[int index] => Values[index];

        private string[] Values
        {
            get
            {
                var values = Volatile.Read(ref _values);
                if (values is null)
                {
                    var reader = _items;
                    values = new string[Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.ReadText();
                    }

                    reader.ExpectEnd();
                    values = Interlocked.CompareExchange(ref _values, values, null) ?? values;
                }

                return values;
            }
        }

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
