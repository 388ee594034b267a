using System.Runtime.CompilerServices;

namespace DigestKit.Data
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name: on the decoder's hot
    /// paths. A program reads its digests at start-up, while tiered compilation still runs every method as
    /// unoptimized, instrumented tier-0 code (promotion waits for ~100 ms of calls); decoding 3,000 digests ran
    /// ~30% slower that way. Optimized at first call instead; ignored where the runtime has no tiers.
    /// </summary>
    internal static class Jit
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
