using System.Runtime.CompilerServices;

namespace DigestKit.Data
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name. A program reads its
    /// digests at start-up, while tiered compilation still runs every method as unoptimized, instrumented tier-0
    /// code (promotion waits for ~100 ms of calls), so a method run once per paper (34,400 times for 3,000 digests)
    /// or looping over many is optimized at its first call instead. The rest (once per digest or per program) is
    /// left to tier 0: an optimized compile costs ~0.3–1.5 ms, more than 3,000 tier-0 calls (measured with the
    /// runtime's JIT events in bench/scale). Ignored where the runtime has no tiers.
    /// </summary>
    internal static class Jit
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
