using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "hostile")
{
    DigestKit.Benchmarks.Engine.HostileInputs.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
