using System;
using System.Collections;
using System.Collections.Generic;

namespace DigestKit.Engine
{
    /// <summary>
    /// An immutable array with structural equality, so models holding lists compare by content. This is what
    /// lets the incremental generator cache a digest's model across edits of other files.
    /// </summary>
    public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new EquatableArray<T>(Array.Empty<T>());

        private readonly T[]? _items;

        public EquatableArray(T[] items) => _items = items;

        public EquatableArray(IEnumerable<T> items) => _items = new List<T>(items).ToArray();

        public int Count => _items?.Length ?? 0;

        public bool IsEmpty => Count == 0;

        public T this[int index] => (_items ?? Array.Empty<T>())[index];

        public T[] ToArray() => _items is null ? Array.Empty<T>() : (T[])_items.Clone();

        public bool Equals(EquatableArray<T> other)
        {
            var a = _items ?? Array.Empty<T>();
            var b = other._items ?? Array.Empty<T>();
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            var comparer = EqualityComparer<T>.Default;
            for (var i = 0; i < a.Length; i++)
            {
                if (!comparer.Equals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = 17;
                foreach (var item in _items ?? Array.Empty<T>())
                {
                    hash = (hash * 31) + (item?.GetHashCode() ?? 0);
                }

                return hash;
            }
        }

        public Enumerator GetEnumerator() => new Enumerator(_items ?? Array.Empty<T>());

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => (_items ?? Array.Empty<T>()).GetEnumerator();

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public struct Enumerator
        {
            private readonly T[] _array;
            private int _index;

            internal Enumerator(T[] array)
            {
                _array = array;
                _index = -1;
            }

            public T Current => _array[_index];

            public bool MoveNext() => ++_index < _array.Length;
        }
    }

    public static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);
    }
}
