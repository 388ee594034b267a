using System.Runtime.CompilerServices;
using System.Threading;

namespace DigestKit.Data
{
    /// <summary>Values decoded on first access and kept: what every lazy member of the runtime types shares.</summary>
    internal static class Once
    {
        /// <summary>
        /// The first access of a value read per paper: out of line (a consumer's loop inlines only the field read, so
        /// its own compile at start-up stays small) and optimized at its first call (<see cref="Jit"/>).
        /// </summary>
        public const MethodImplOptions Slow = MethodImplOptions.NoInlining | Jit.Optimized;

        /// <summary>Stores <paramref name="value"/> unless another thread stored one first; returns the stored one.</summary>
        public static T Publish<T>(ref T? field, T value)
            where T : class =>
            Interlocked.CompareExchange(ref field, value, null) ?? value;
    }
}
