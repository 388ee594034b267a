using System.Text;
using BenchmarkDotNet.Attributes;
using DigestKit.Engine;
using Markdig;
using YamlDotNet.Core;

namespace DigestKit.Benchmarks.Engine;

/// <summary>
/// Engine throughput over the real posts (the 2 seeds + the 30-post corpus sample), against the floor:
/// a bare Markdig parse of each body plus a bare YamlDotNet event parse of each front matter.
/// Run: dotnet run -c Release --project bench/DigestKit.Benchmarks -- --filter '*EngineThroughput*' --inProcess
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class EngineThroughputBenchmarks
{
    private (string Path, string Text, string FrontMatter, string Body)[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = SampleFiles.Load().Select(f =>
        {
            var close = f.Text.IndexOf("\n---", 3, StringComparison.Ordinal);
            var bodyStart = close < 0 ? 0 : f.Text.IndexOf('\n', close + 1) + 1;
            var frontMatter = close < 0 ? string.Empty : f.Text.Substring(4, close - 3);
            return (f.Path, f.Text, frontMatter, f.Text.Substring(bodyStart));
        }).ToArray();
        ThroughputConfig.BytesPerOperation = _files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
    }

    [Benchmark(Baseline = true, Description = "Floor: Markdig.Parse + YamlDotNet events")]
    public int Floor()
    {
        var count = 0;
        foreach (var file in _files)
        {
            count += Markdown.Parse(file.Body).Count;
            var parser = new Parser(new StringReader(file.FrontMatter));
            while (parser.MoveNext())
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark(Description = "DigestEngine.Analyze (parse + rules)")]
    public int Engine()
    {
        var count = 0;
        foreach (var file in _files)
        {
            var analysis = DigestEngine.Analyze(file.Path, file.Text);
            count += analysis.Document.Papers.Count + analysis.Diagnostics.Count;
        }

        return count;
    }

    [Benchmark(Description = "DigestParser.Parse (parse only)")]
    public int ParseOnly()
    {
        var count = 0;
        foreach (var file in _files)
        {
            count += DigestKit.Engine.Parsing.DigestParser.Parse(file.Path, file.Text, new List<DigestDiagnostic>()).Papers.Count;
        }

        return count;
    }
}
