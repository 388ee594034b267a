using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "hostile")
{
    DigestKit.Benchmarks.Engine.HostileInputs.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "profile")
{
    // For a sampling profiler (perf with DOTNET_PerfMapEnabled=1, dotnet-trace): the engine over the real posts in a
    // loop for the given seconds, nothing else in the process.
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var files = DigestKit.Benchmarks.SampleFiles.Load();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var rounds = 0;
    var count = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        foreach (var (path, text) in files)
        {
            count += DigestKit.Engine.DigestEngine.Analyze(path, text).Diagnostics.Count;
        }

        rounds++;
    }

    Console.WriteLine($"{rounds} rounds of {files.Count} posts in {clock.Elapsed.TotalSeconds:F1} s ({count} diagnostics)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
