// Start-up benchmark. Each mode runs in a fresh process (run.sh) and reports the time of its first pass:
//   papers   enumerate every paper of Digests.All (rank, title, author count, score)
//   listing  the same and every author's name: what a table of papers with their authors needs
//   full     read every value of every digest, abstracts and tweets included
//   markdig  read the same Markdown files and parse them with Markdig + YamlDotNet (front matter to a dictionary,
//            body to a syntax tree, papers counted from the headings): the least a run-time parser must do
//   engine   DigestEngine.Analyze on every file (the real parser and rules, also Markdig + YamlDotNet)
//   byid ID        the first lookup of a paper by arXiv ID (Digests.FindPaper) and each appearance's rank and score
//   byauthor NAME  the first lookup of an author's papers (Digests.ByAuthor), their ranks and scores
// The two lookups report the time of the lookup alone (the pack and its index opened on the way), then how many
// digests it decoded and the bytes it allocated: the index is read in place, so both stay small at any corpus size.
// Each mode is its own small method, as in an application: the JIT compiles (and, for its loops, recompiles on
// stack replacement) only the method that runs, not one large Main holding every mode.
using System.Diagnostics;
using Markdig;
using Markdig.Syntax;
using YamlDotNet.Serialization;

var mode = args.Length > 0 ? args[0] : "papers";
var sw = Stopwatch.StartNew();
(long Papers, long Checksum) result;
switch (mode)
{
    case "papers":
        result = Modes.Papers();
        break;
    case "listing":
        result = Modes.Listing();
        break;
    case "full":
        result = Modes.Full();
        break;
    case "markdig":
        result = Modes.Markdig(args[1]);
        break;
    case "engine":
        result = Modes.Engine(args[1]);
        break;
    case "byid":
    case "byauthor":
        return Modes.Lookup(mode, args[1]);
    default:
        Console.Error.WriteLine("modes: papers | listing | full | markdig DIR | engine DIR");
        return 2;
}

sw.Stop();
Console.WriteLine($"{mode}: {sw.Elapsed.TotalMilliseconds:F1} ms, {result.Papers} papers, checksum {result.Checksum}");
return 0;

internal static class Modes
{
    public static (long, long) Papers()
    {
        long papers = 0, checksum = 0;
        foreach (var digest in Consumer.Digests.All)
        {
            foreach (var paper in digest.Papers)
            {
                papers++;
                checksum += paper.Score + paper.Rank + paper.Title.Length + paper.Authors.Count;
            }
        }

        return (papers, checksum);
    }

    public static (long, long) Listing()
    {
        long papers = 0, checksum = 0;
        foreach (var digest in Consumer.Digests.All)
        {
            foreach (var paper in digest.Papers)
            {
                papers++;
                checksum += paper.Score + paper.Rank + paper.Title.Length;
                foreach (var author in paper.Authors)
                {
                    checksum += author.Length;
                }
            }
        }

        return (papers, checksum);
    }

    public static (long, long) Full()
    {
        long papers = 0, checksum = 0;
        foreach (var digest in Consumer.Digests.All)
        {
            checksum += digest.Title.Length + digest.Tags.Count;
            foreach (var paper in digest.Papers)
            {
                papers++;
                checksum += paper.Score + paper.Title.Length + paper.Abstract.Length + paper.Authors.Sum(a => a.Length);
                foreach (var tweet in paper.Tweets)
                {
                    checksum += tweet.Html.Length + tweet.Text.Length + tweet.Handle.Length;
                }
            }
        }

        return (papers, checksum);
    }

    public static int Lookup(string mode, string key)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var (count, checksum) = LookupOnce(mode, key);
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The same lookup again: its cost once the index is open and the code is compiled.
        var again = Stopwatch.StartNew();
        LookupOnce(mode, key);
        again.Stop();
        // Read after the timers: an internal counter of the decoded digests, the proof that no digest was decoded.
        var decoded = typeof(DigestKit.DigestCollection).GetProperty("DecodedCount", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(Consumer.Digests.All);
        Console.WriteLine($"{mode}: {sw.Elapsed.TotalMilliseconds:F3} ms, {count} papers, checksum {checksum}, decoded {decoded} of {Consumer.Digests.All.Count} digests, "
            + $"allocated {allocated} bytes, process CPU {cpu.TotalMilliseconds:F1} ms; again {again.Elapsed.TotalMilliseconds * 1000:F1} us");
        return 0;
    }

    private static (int, long) LookupOnce(string mode, string key)
    {
        var papers = mode == "byid" ? Consumer.Digests.FindPaper(key)?.Appearances ?? [] : Consumer.Digests.ByAuthor(key);
        long checksum = 0;
        foreach (var paper in papers)
        {
            checksum += paper.Rank + paper.Score + paper.DigestIndex;
        }

        return (papers.Count, checksum);
    }

    public static (long, long) Markdig(string directory)
    {
        long papers = 0, checksum = 0;
        var yaml = new DeserializerBuilder().Build();
        var pipeline = new MarkdownPipelineBuilder().Build();
        foreach (var file in Directory.EnumerateFiles(directory, "*.md"))
        {
            var text = File.ReadAllText(file);
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            var front = yaml.Deserialize<Dictionary<string, object>>(text.Substring(4, end - 4));
            var document = Markdown.Parse(text.Substring(end + 4), pipeline);
            checksum += front.Count;
            papers += document.Descendants<HeadingBlock>().Count(h => h.Level == 1);
        }

        return (papers, checksum);
    }

    public static (long, long) Engine(string directory)
    {
        long papers = 0, checksum = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.md"))
        {
            var analysis = DigestKit.Engine.DigestEngine.Analyze(file, File.ReadAllText(file));
            papers += analysis.Document.Papers.Count;
            checksum += analysis.Diagnostics.Count;
        }

        return (papers, checksum);
    }
}
