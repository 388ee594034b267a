// Start-up benchmark. Each mode runs in a fresh process (run.sh) and reports the time of its first pass:
//   papers   enumerate every paper of Digests.All (rank, title, authors, score): what a listing needs
//   full     read every value of every digest, abstracts and tweets included
//   markdig  read the same Markdown files and parse them with Markdig + YamlDotNet (front matter to a dictionary,
//            body to a syntax tree, papers counted from the headings): the least a run-time parser must do
//   engine   DigestEngine.Analyze on every file (the real parser and rules, also Markdig + YamlDotNet)
using System.Diagnostics;
using Markdig;
using Markdig.Syntax;
using YamlDotNet.Serialization;

var mode = args.Length > 0 ? args[0] : "papers";
var sw = Stopwatch.StartNew();
long papers = 0, checksum = 0;
switch (mode)
{
    case "papers":
        foreach (var digest in Consumer.Digests.All)
        {
            foreach (var paper in digest.Papers)
            {
                papers++;
                checksum += paper.Score + paper.Rank + paper.Title.Length + paper.Authors.Count;
            }
        }

        break;
    case "full":
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

        break;
    case "markdig":
    {
        var yaml = new DeserializerBuilder().Build();
        var pipeline = new MarkdownPipelineBuilder().Build();
        foreach (var file in Directory.EnumerateFiles(args[1], "*.md"))
        {
            var text = File.ReadAllText(file);
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            var front = yaml.Deserialize<Dictionary<string, object>>(text.Substring(4, end - 4));
            var document = Markdown.Parse(text.Substring(end + 4), pipeline);
            checksum += front.Count;
            papers += document.Descendants<HeadingBlock>().Count(h => h.Level == 1);
        }

        break;
    }
    case "engine":
        foreach (var file in Directory.EnumerateFiles(args[1], "*.md"))
        {
            var analysis = DigestKit.Engine.DigestEngine.Analyze(file, File.ReadAllText(file));
            papers += analysis.Document.Papers.Count;
            checksum += analysis.Diagnostics.Count;
        }

        break;
    default:
        Console.Error.WriteLine("modes: papers | full | markdig DIR | engine DIR");
        return 2;
}

sw.Stop();
Console.WriteLine($"{mode}: {sw.Elapsed.TotalMilliseconds:F1} ms, {papers} papers, digests {(mode is "papers" or "full" ? Consumer.Digests.All.Count : -1)}, checksum {checksum}");
return 0;
