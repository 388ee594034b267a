using System;
using System.IO;
using System.Text;
using DigestKit.Engine.Tests.Fuzzing;
using SharpFuzz;

namespace DigestKit.Fuzz;

/// <summary>
/// The fuzz target: the input's bytes, decoded as UTF-8 (invalid sequences become U+FFFD, as a reader would),
/// through <see cref="FuzzInvariants.Check"/>. A violated invariant is an exception, which AFL++ records as a crash.
/// <c>DigestKit.Fuzz FILE...</c> runs the files once each without AFL++ (to reproduce a finding), printing the
/// slowest and the failures; with no argument it is AFL++'s persistent in-process target.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            return Replay(args);
        }

        Fuzzer.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            FuzzInvariants.Check(Decode(copy.ToArray()));
        });
        return 0;
    }

    private static string Decode(byte[] bytes) => new UTF8Encoding(false, false).GetString(bytes);

    private static int Replay(string[] paths)
    {
        var failures = 0;
        var worst = (Ms: 0.0, Path: string.Empty, Bytes: 0);
        var total = 0L;
        try
        {
            // Untimed, so the slowest input is not merely the first one JIT-compiled.
            FuzzInvariants.Check(Decode(File.ReadAllBytes(paths[0])));
        }
        catch (Exception)
        {
            // Reported below, with the others.
        }

        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            total += bytes.Length;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                FuzzInvariants.Check(Decode(bytes));
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"{path}: {ex.GetType().Name}: {ex.Message}");
            }

            var ms = watch.Elapsed.TotalMilliseconds;
            if (ms > worst.Ms)
            {
                worst = (ms, path, bytes.Length);
            }
        }

        Console.WriteLine($"{paths.Length} inputs ({total} bytes), {failures} failed; slowest {worst.Ms:F1} ms ({worst.Bytes} bytes): {worst.Path}");
        return failures == 0 ? 0 : 1;
    }
}
