using System.Threading;

namespace DigestKit.Data
{
    /// <summary>A value decoded from embedded data on first access, then kept.</summary>
    internal abstract class LazyField<T>
        where T : class
    {
        private T? _value;

        public T Value
        {
            get
            {
                var value = Volatile.Read(ref _value);
                if (value is null)
                {
                    // Racing threads decode the same immutable value; the first one published wins.
                    value = Interlocked.CompareExchange(ref _value, Create(), null) ?? _value!;
                }

                return value;
            }
        }

        protected abstract T Create();
    }

    internal sealed class LazyText : LazyField<string>
    {
        private readonly DigestData _data;
        private readonly byte _tag;
        private readonly int _start;
        private readonly int _length;

        public LazyText(DigestData data, byte tag, int start, int length)
        {
            _data = data;
            _tag = tag;
            _start = start;
            _length = length;
        }

        protected override string Create() => FieldReader.Decode(_data, _tag, _start, _length) ?? string.Empty;
    }
}
