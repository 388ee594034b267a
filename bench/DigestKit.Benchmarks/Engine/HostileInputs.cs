using System.Diagnostics;
using System.Text;
using DigestKit.Engine;

namespace DigestKit.Benchmarks.Engine;

/// <summary>
/// Issue 13's "every scan is linear": one megabyte (and two, to see the growth) of each pathological shape through
/// the whole engine, with the time, the bytes allocated and the process's peak working set. Not BenchmarkDotNet: each
/// input runs a few times and the best time counts. Run:
/// <c>dotnet run -c Release --project bench/DigestKit.Benchmarks -- hostile [megabytes…] [shape…]</c>, e.g.
/// <c>hostile 1 hash-lines</c> for one shape (its peak working set is then that shape's alone; the shapes are the
/// second names in <see cref="Inputs"/>, and an unknown one lists them). The CLI runs without concurrent GC; set
/// <c>DOTNET_gcConcurrent=0</c> to measure as it does (with background GC on two busy cores a file of half a million
/// papers takes about twice as long).
/// </summary>
internal static class HostileInputs
{
    private const string FrontMatter =
        "---\ntitle: Hot Papers 2021-06-21\ndate: 2021-06-22T07:43:12.Z\ntemplate: \"post\"\ndraft: false\n" +
        "slug: \"hot-papers-2021-06-21\"\ncategory: \"arXiv\"\ntags:\n  - \"arXiv\"\ndescription: \"Hot papers 2021-06-21\"\n" +
        "socialImage: \"/media/flying-marine.jpg\"\n---\n\n";

    private const string Paper =
        "# 1. T\n\nA B\n\n- retweets: 1, favorites: 2 (06/22/2021 07:43:12)\n\n" +
        "- links: [abs](https://arxiv.org/abs/2106.10155) | [pdf](https://arxiv.org/pdf/2106.10155)\n" +
        "- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n";

    public static IEnumerable<(string Name, string Key, Func<int, string> Make)> Inputs()
    {
        yield return ("'#' lines", "hash-lines", n => Repeat("#\n", n));
        yield return ("'<!--' then '#' lines", "comment-hash-lines", n => "<!--\n" + Repeat("#\n", n));
        yield return ("'#' and '<div>' lines", "div-hash-lines", n => Repeat("#\n<div>\n", n));
        yield return ("'#' and '[x]: /u' lines", "definition-hash-lines", n => Repeat("#\n[x]: /u\n", n));
        yield return ("'[x]: /u', '<div>', '#' lines", "definition-div-hash-lines", n => Repeat("[x]: /u\n<div>\n#\n\n", n));
        yield return ("'[' run, one line", "bracket-run", n => Repeat("[", n));
        yield return ("'[' lines", "bracket-lines", n => Repeat("[\n", n));
        yield return ("'[x](' lines", "link-open-lines", n => Repeat("[x](\n", n));
        yield return ("'|' run", "pipe-run", n => Repeat("|", n));
        yield return ("'`' runs", "backtick-runs", n => Repeat("```` ", n));
        yield return ("'*' run", "star-run", n => Repeat("*", n));
        yield return ("long line, no newline", "long-line", n => Repeat("abcdefgh ", n));
        yield return ("'>' nested 200 deep", "nested-quotes", n => Repeat(Repeat("> ", 400) + "x\n", n));
        yield return ("'Ã©' author line", "mojibake-author", n => FrontMatter + "# 1. T\n\n" + Repeat("Ã©", n) + "\n");
        yield return ("'Ã©, ' many authors", "mojibake-authors", n => FrontMatter + "# 1. T\n\n" + Repeat("JosÃ©, ", n) + "X\n");
        yield return ("U+2028 in a title", "separator-title", n => FrontMatter + "# 1. " + Repeat("a\u2028", n) + "\n");
        yield return ("papers with U+FFFD", "papers-fffd", n => FrontMatter + Repeat(Paper.Replace("A B", "A \uFFFD"), n));
        yield return ("papers with tweets and U+202E", "papers-tweets-override", n => FrontMatter + Repeat(Paper.Replace("A B", "A \u202E") + "<blockquote class=\"twitter-tweet\"><p>x</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">June 21, 2021</a></blockquote>\n\n", n));
        yield return ("'---' lines", "dash-lines", n => Repeat("---\n", n));
        yield return ("YAML nested flow", "yaml-nested-flow", n => "---\ntitle: " + Repeat("[", n / 2) + Repeat("]", n / 2) + "\n---\n");
        yield return ("YAML nested blocks", "yaml-nested-blocks", n => "---\n" + Nested(n) + "---\n");
        yield return ("YAML long key", "yaml-long-key", n => "---\n" + Repeat("k", n) + ": v\n---\n");
        yield return ("YAML billion laughs", "yaml-laughs", n => "---\n" + Laughs() + Repeat("x: *l9\n", n) + "---\n");
        yield return ("YAML many keys", "yaml-many-keys", n => "---\n" + Counted("k{0}: v\n", n) + "---\n");
        yield return ("YAML escapes", "yaml-escapes", n => "---\ntitle: \"" + Repeat("\\u202E", n) + "\"\n---\n");
    }

    public static void Run(string[] args)
    {
        var sizes = args.Skip(1).Where(a => int.TryParse(a, out _)).Select(int.Parse).ToArray();
        var keys = args.Skip(1).Where(a => !int.TryParse(a, out _)).ToArray();
        if (sizes.Length == 0)
        {
            sizes = new[] { 1, 2 };
        }

        var unknown = keys.Where(k => !Inputs().Any(i => i.Key == k)).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"unknown shape {string.Join(", ", unknown)}; the shapes are: {string.Join(", ", Inputs().Select(i => i.Key))}");
            Environment.ExitCode = 2;
            return;
        }

        DigestEngine.Analyze("warm.md", FrontMatter + Paper); // JIT
        Console.WriteLine($"{"input",-32} {"MB",3} {"best ms",8} {"ms/MB",7} {"alloc MB",9} {"diags",6} {"peak WS MB",10}");
        var worst = 0.0;
        foreach (var (name, _, make) in Inputs().Where(i => keys.Length == 0 || keys.Contains(i.Key)))
        {
            foreach (var mb in sizes)
            {
                var text = make(mb * 1024 * 1024);
                GC.Collect();
                var best = double.MaxValue;
                long allocated = 0;
                var count = 0;
                for (var run = 0; run < 3; run++)
                {
                    GC.Collect();
                    var before = GC.GetTotalAllocatedBytes(true);
                    var (ms, diagnostics) = AnalyzeOnce(text);
                    allocated = GC.GetTotalAllocatedBytes(true) - before;
                    count = diagnostics;
                    best = Math.Min(best, ms);
                }

                worst = Math.Max(worst, best / mb);
                Console.WriteLine($"{name,-32} {mb,3} {best,8:F0} {best / mb,7:F0} {allocated / 1048576.0,9:F0} {count,6} {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576,10}");
            }
        }

        Console.WriteLine($"worst: {worst:F0} ms per MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    }

    /// <summary>One analysis, timed; its result is dead once this returns, so the next run's peak is not two analyses.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Milliseconds, int Diagnostics) AnalyzeOnce(string text)
    {
        var watch = Stopwatch.StartNew();
        var analysis = DigestEngine.Analyze("hostile.md", text);
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, analysis.Diagnostics.Count);
    }

    private static string Repeat(string s, int length)
    {
        var builder = new StringBuilder(length + s.Length);
        while (builder.Length < length)
        {
            builder.Append(s);
        }

        return builder.ToString();
    }

    private static string Counted(string format, int length)
    {
        var builder = new StringBuilder(length + 64);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, format, i);
        }

        return builder.ToString();
    }

    private static string Nested(int length)
    {
        var builder = new StringBuilder(length + 64);
        for (var depth = 0; builder.Length < length; depth++)
        {
            builder.Append(' ', depth % 2000).Append("k:\n");
        }

        return builder.ToString();
    }

    private static string Laughs()
    {
        var builder = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            builder.Append($"l{i}: &l{i} [");
            builder.Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9)));
            builder.Append("]\n");
        }

        return builder.ToString();
    }
}
