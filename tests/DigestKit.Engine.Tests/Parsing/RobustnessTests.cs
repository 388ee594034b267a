using System.Collections;
using System.Reflection;
using System.Text;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>
/// The engine never throws and always returns, whatever it is given. An exception inside the engine would
/// surface as DK9001 (the facade's safety net), so "no DK9001" means "nothing threw".
/// </summary>
public class RobustnessTests
{
    /// <summary>A generous bound per input: it catches a hang or an exponential blow-up, not a slow machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly string[] Fragments =
    {
        "---", "\n---\n", "# ", "# 1. ", "#", "- ", "- retweets: ", ", favorites: ", "(", ")", "[", "](", "](https://arxiv.org/abs/",
        "|", "<blockquote class=\"twitter-tweet\">", "</blockquote>", "<p lang=\"en\">", "</p>", "&mdash;", "(@", "<a href=\"",
        "</a>", "<script>", "&amp;", "&#", "&#x1F447;", ":", "\"", "'", "*a", "&a", "\r", "\n", "\r\n", "\t", "    ", "\0",
        "\uFFFD", "\u202E", "\u2028", "\uD800", "\uDC00", "ƒç", "üëá", "Ã©", "{", "}", "!!binary", "%YAML 1.2\n", "? ", "|\n",
        ">\n", "```", "<!--", "-->", "1.", "99999999999999999999", "-1", "v0", "/status/",
    };

    [Fact]
    public void Thousands_of_mutated_real_digests_never_throw_and_keep_spans_inside_the_text()
    {
        var random = new Random(20261121);
        var sources = TestPaths.AllSampleFiles.Select(File.ReadAllText).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var text = Mutate(sources[random.Next(sources.Length)], random, 1 + random.Next(8));
            AssertWellBehaved(text, $"mutation {i}");
        }
    }

    [Fact]
    public void Random_strings_and_bytes_never_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 1500; i++)
        {
            var length = random.Next(0, 600);
            string text;
            switch (i % 3)
            {
                case 0:
                    var chars = new char[length];
                    for (var c = 0; c < length; c++) chars[c] = (char)random.Next(0, 0x10000);
                    text = new string(chars);
                    break;
                case 1:
                    var bytes = new byte[length];
                    random.NextBytes(bytes);
                    text = Encoding.UTF8.GetString(bytes);
                    break;
                default:
                    var builder = new StringBuilder();
                    while (builder.Length < length) builder.Append(Fragments[random.Next(Fragments.Length)]);
                    text = builder.ToString();
                    break;
            }

            AssertWellBehaved(text, $"random {i}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\n---")]
    [InlineData("---\r\n---\r\n")]
    [InlineData("---\n- a\n- b\n---\n")]
    [InlineData("---\n'just a string'\n---\n")]
    [InlineData("---\ntitle: a\n---\n---\n")]
    [InlineData("---\ntitle: a\n...\n---\n")]
    [InlineData("---\n? [a, b]\n: c\n---\n")]
    [InlineData("---\ntitle: !!binary aGVsbG8=\n---\n")]
    [InlineData("---\n%YAML 1.2\n---\n")]
    [InlineData("\r\r\r")]
    [InlineData("#")]
    [InlineData("# 1.")]
    [InlineData("# 99999999999. x")]
    public void Edge_inputs_return_a_model(string text)
    {
        AssertWellBehaved(text, "edge");
    }

    [Fact]
    public void A_ten_megabyte_digest_is_read_whole()
    {
        var frontMatter = Digests.FrontMatter;
        var builder = new StringBuilder(frontMatter);
        var expectedPapers = 0;
        var rank = 0;
        while (builder.Length < 10 * 1024 * 1024)
        {
            foreach (var file in TestPaths.AllSampleFiles)
            {
                var document = DigestEngine.Analyze(file, File.ReadAllText(file)).Document;
                var text = File.ReadAllText(file);
                foreach (var paper in document.Papers)
                {
                    var section = text.Substring(paper.Span.Start, paper.Span.Length);
                    var headingEnd = section.IndexOf('\n');
                    builder.Append("# ").Append(++rank).Append(". x").Append(section, headingEnd, section.Length - headingEnd).Append("\n\n");
                    expectedPapers++;
                }
            }
        }

        var big = builder.ToString();
        var analysis = AssertWellBehaved(big, "10 MB");
        Assert.Equal(expectedPapers, analysis.Document.Papers.Count);
    }

    private static DigestAnalysis AssertWellBehaved(string text, string label)
    {
        var task = Task.Run(() => DigestEngine.Analyze("fuzz.md", text));
        Assert.True(task.Wait(Bound), $"{label}: the engine did not return within {Bound}");
        var analysis = task.Result;
        var internalErrors = analysis.Diagnostics.Where(d => d.Id == "DK9001").Select(d => d.Message).ToList();
        Assert.True(internalErrors.Count == 0, $"{label}: the engine threw: {string.Join("; ", internalErrors)}\n--- input ---\n{Shorten(text)}");

        var lines = new LineMap(text);
        foreach (var span in SpansIn(analysis.Document).Concat(analysis.Diagnostics.Select(d => d.Span)))
        {
            Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= text.Length, $"{label}: span {span} outside a text of {text.Length}");
            Assert.Equal(lines.Span(span.Start, span.Length), span);
        }

        return analysis;
    }

    /// <summary>Every SourceSpan anywhere in the model, found by walking it, so a new field is covered too.</summary>
    internal static IEnumerable<SourceSpan> SpansIn(object? value)
    {
        switch (value)
        {
            case null:
            case string:
            case DateTime:
            case Enum:
                yield break;
            case SourceSpan span:
                yield return span;
                yield break;
            case IEnumerable items:
                foreach (var item in items)
                    foreach (var span in SpansIn(item))
                        yield return span;
                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            foreach (var span in SpansIn(property.GetValue(value)))
                yield return span;
        }
    }

    private static string Mutate(string text, Random random, int count)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < count && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, random.Next(1, 200)));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    var length = Math.Min(builder.Length - at, random.Next(1, 400));
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                case 3:
                    builder[at] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    builder.Insert(at, new string(builder[at], random.Next(1, 50)));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text.Substring(0, 2000) + "…";
}
