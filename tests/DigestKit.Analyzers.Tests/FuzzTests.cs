using System.Text;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// Random and mutated digests through the analyzer, many files per compilation: no analyzer exception (AD0001),
/// every location inside its file, and every file that can be analyzed is (one bad file stops nothing).
/// </summary>
public class FuzzTests
{
    private static readonly string[] Fragments =
    {
        "---", "\n---\n", "# ", "# 1. ", "#", "- ", "- retweets: ", ", favorites: ", "(", ")", "[", "](", "](https://arxiv.org/abs/",
        "|", "<blockquote class=\"twitter-tweet\">", "</blockquote>", "<p lang=\"en\">", "</p>", "&mdash;", "(@", "<a href=\"",
        "https://twitter.com/x/status/99999999999999999999", "</a>", "&amp;", "&#", "\r", "\n", "\r\n", "\t", "\0", "\uFFFD",
        "\u202E", "\u2028", "\u0085", "\uD800", "\uDC00", "ƒç", "üëá", "Ã©", "Ã", "{", "}", "!!binary", "? ", "-1", "v0", "/status/",
        "slug: x\n", "title: Hot Papers 2099-13-45\n", "[cs.XX](https://arxiv.org/list/cs.XX/recent)",
    };

    [Fact]
    public void Mutated_real_digests_never_make_the_analyzer_throw()
    {
        var random = new Random(20261121);
        var sources = TestPaths.AllSampleFiles.Select(File.ReadAllText).ToArray();
        for (var round = 0; round < 12; round++)
        {
            var files = Enumerable.Range(0, 25)
                .Select(i => (Path: $"/fuzz/{round}/{i}.md", Text: Mutate(sources[random.Next(sources.Length)], random, 1 + random.Next(10))))
                .ToArray();
            AssertWellBehaved(files);
        }
    }

    [Fact]
    public void Random_text_never_makes_the_analyzer_throw()
    {
        var random = new Random(7);
        for (var round = 0; round < 6; round++)
        {
            var files = Enumerable.Range(0, 30).Select(i =>
            {
                var length = random.Next(0, 800);
                var builder = new StringBuilder();
                if (i % 2 == 0)
                {
                    for (var c = 0; c < length; c++) builder.Append((char)random.Next(0, 0x10000));
                }
                else
                {
                    while (builder.Length < length) builder.Append(Fragments[random.Next(Fragments.Length)]);
                }

                return (Path: $"/random/{round}/{i}.md", Text: builder.ToString());
            }).ToArray();
            AssertWellBehaved(files);
        }
    }

    private static void AssertWellBehaved((string Path, string Text)[] files)
    {
        var result = AnalyzerHarness.Run(files);
        result.AssertNoAnalyzerFailure();
        var texts = files.ToDictionary(f => f.Path, f => f.Text);
        foreach (var diagnostic in result.Diagnostics)
        {
            var path = diagnostic.Location.GetLineSpan().Path;
            Assert.True(texts.ContainsKey(path), $"{diagnostic} is not located in a digest");
            var span = diagnostic.Location.SourceSpan;
            Assert.True(span.End <= texts[path].Length, $"{diagnostic} ends past its file");
            Assert.NotEqual("DK9001", diagnostic.Id);
        }

        // A file with anything wrong gets its diagnostics, whatever happened to the others.
        foreach (var (path, text) in files)
        {
            var engine = DigestKit.Engine.DigestEngine.Analyze(path, text).Diagnostics;
            Assert.Equal(engine.Count, result.In(path).Count(d => d.Id != "DK6001" && d.Id != "DK6002"));
        }
    }

    private static string Mutate(string text, Random random, int count)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < count && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, random.Next(1, 300)));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    builder[at] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    var length = Math.Min(builder.Length - at, random.Next(1, 400));
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
