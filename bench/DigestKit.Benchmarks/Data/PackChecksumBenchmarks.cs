using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using DigestKit.Data;

namespace DigestKit.Benchmarks.Data;

/// <summary>
/// What checking a pack's checksum costs on first access (DigestPack.Read hashes every byte before the checksum once):
/// the runtime's PackChecksum.Compute over a real pack, in place. The packs are the build's own: HotPapers'
/// (build src/HotPapers first) and, with <c>DIGESTKIT_PACK=/tmp/digestkit-scale/big/obj/Release/net10.0/digestkit/digests.dkpack</c>,
/// the 3,000-digest pack of <c>bench/scale/run.sh</c>. Measured warm (the pack in the page cache and mapped), so
/// a fresh process adds the page faults of touching the mapped image once.
/// Run: dotnet run -c Release --project bench/DigestKit.Benchmarks -- --filter '*PackChecksum*' --inProcess
/// </summary>
[Config(typeof(ThroughputConfig))]
public class PackChecksumBenchmarks
{
    private byte[] _pack = [];
    private GCHandle _pinned;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("DIGESTKIT_PACK") is { Length: > 0 } given
            ? given
            : Path.Combine(SampleFiles.SharedDir, "..", "..", "src", "HotPapers", "obj", "Release", "net10.0", "digestkit", "digests.dkpack");
        _pack = File.ReadAllBytes(path);
        _pinned = GCHandle.Alloc(_pack, GCHandleType.Pinned);
        ThroughputConfig.BytesPerOperation = _pack.Length;
        Console.WriteLine("// pack: " + path + ", " + _pack.Length + " bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _pinned.Free();

    [Benchmark(Description = "PackChecksum.Compute over the pack")]
    public unsafe ulong Checksum() => PackChecksum.Compute((byte*)_pinned.AddrOfPinnedObject(), _pack.Length - 8);
}
