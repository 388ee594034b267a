using System.Text;
using DigestKit.Engine;
using DigestKit.Engine.Parsing;
using DigestKit.Engine.Rules;
using DigestKit.Engine.Tests.Rules;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>
/// Issue 13's "per file" guarantees: a dependency's exception costs only the block it concerns, and a file with
/// millions of findings reports a bounded number of them with the same verdict.
/// </summary>
public class HostileInputTests
{
    /// <summary>Makes Markdig 0.31 throw IndexOutOfRangeException in LinkHelper.TryParseLabel at the end of any post.</summary>
    private const string MarkdigCrash = "[\nt\nd\nt\ns\ns\n\"\n:\r";

    [Fact]
    public void A_Markdig_exception_is_one_DK2017_at_its_block_and_every_other_diagnostic_of_the_post_is_kept()
    {
        foreach (var file in TestPaths.AllSampleFiles)
        {
            // A bidi override in the first title and a paper number off by one (a post with no papers: a stray
            // paragraph with an override), so the post has findings of its own.
            var text = File.ReadAllText(file);
            var heading = text.IndexOf("# 1. ", StringComparison.Ordinal);
            text = heading >= 0 ? text.Substring(0, heading) + "# 7. \u202E" + text.Substring(heading + 5) : text + "\u202E\n\n";
            var own = Digests.Analyze(text);
            Assert.Contains(own.Diagnostics, d => d.Id == "DK5004");

            var crashed = Digests.Analyze(text + MarkdigCrash);
            var expected = own.Diagnostics.Select(d => (d.Id, d.Span)).ToList();
            var got = crashed.Diagnostics.Select(d => (d.Id, d.Span)).ToList();
            Assert.True(got.Count == expected.Count + 1, $"{Path.GetFileName(file)}:\n{RuleAssert.Describe(crashed)}");
            Assert.Equal(expected, got.Take(expected.Count));
            var last = crashed.Diagnostics[crashed.Diagnostics.Count - 1];
            Assert.Equal("DK2017", last.Id);
            Assert.Equal(DigestSeverity.Error, last.Severity);
            Assert.Equal((text.Length, MarkdigCrash.Length - 1), (last.Span.Start, last.Span.Length));
            Assert.Contains("IndexOutOfRangeException", last.Message, StringComparison.Ordinal);
            Assert.Equal(own.Document.Papers.Select(p => p.Title.Value), crashed.Document.Papers.Select(p => p.Title.Value));
        }
    }

    [Fact]
    public void A_Markdig_exception_in_the_middle_keeps_the_papers_after_it()
    {
        var text = Digests.Digest(Digests.Paper(1), MarkdigCrash + "\n\n", Digests.Paper(2, links: Digests.LinksFor(2)));
        var analysis = Digests.Analyze(text);
        Assert.Equal(new[] { 1, 2 }, analysis.Document.Papers.Select(p => p.Rank!.Value.Value).ToArray());
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("DK2017", d.Id);
        Assert.Equal(text.IndexOf(MarkdigCrash, StringComparison.Ordinal), d.Span.Start);
    }

    [Fact]
    public void Millions_of_findings_are_capped_at_200_and_one_DK9020_that_counts_the_rest_by_ID()
    {
        var text = new StringBuilder().Insert(0, "#\n", 512 * 1024).ToString(); // 1 MB of '#' lines
        var analysis = Digests.Analyze(text);
        Assert.Equal(DigestEngine.MaxDiagnosticsPerFile + 1, analysis.Diagnostics.Count);

        // 2^19 headings, each "not of the form # N. Title" (DK2001) and without authors, metrics, links or
        // categories (DK2005-DK2008); DK1001 once.
        var total = 1 + (5 * 524288);
        Assert.Equal(total - DigestEngine.MaxDiagnosticsPerFile, analysis.OmittedCount);
        Assert.Equal(total, analysis.TotalCount);
        var summary = analysis.Diagnostics[analysis.Diagnostics.Count - 1];
        Assert.Equal("DK9020", summary.Id);
        Assert.Equal(DigestSeverity.Info, summary.Severity);
        Assert.Equal(new[] { analysis.OmittedCount.ToString(), "DK2008 ×524249, DK2001 ×524248, DK2005 ×524248, DK2006 ×524248, DK2007 ×524248" }, summary.Arguments.ToArray());

        // The 200 kept are the earliest: DK1001 and the first 39 headings' five findings each, and four of the
        // 40th heading's; DK9020 sits at the 40th heading, where its fifth would be.
        Assert.All(analysis.Diagnostics.Take(200), d => Assert.True(d.Span.Line <= 40, d.ToString()));
        Assert.Equal(4, analysis.Diagnostics.Count(d => d.Span.Line == 40 && d.Id != "DK9020"));
        Assert.Equal((40, 1), (summary.Span.Line, summary.Span.Column));
        Assert.True(analysis.HasErrors);
    }

    [Fact]
    public void The_cap_keeps_the_first_of_every_ID_so_the_verdict_under_any_severity_is_unchanged()
    {
        // Property: whatever the file, the capped list holds every ID the whole list holds (and DK9020 only when it
        // left something out), so "has errors" - and any per-ID severity configuration - reads the same.
        var random = new Random(13);
        string[] pieces =
        {
            "#\n", "# 1. T\n\n", "- retweets: x\n", "\u202E", "\0", "\u2028", "[abs](x)\n", "\uFFFD", "Ã©", "\n\n", "text\n",
            "- links: [abs](https://arxiv.org/abs/2106.1) | [pdf](https://arxiv.org/pdf/2106.2)\n",
            "- stray item\n", "#5. T\nunder it\n", "# 3.\n", "A, , B\n\n", "# Title\n\n", "- links: [abs](https://arxiv.org/abs/2106.1)\n",
        };
        for (var run = 0; run < 60; run++)
        {
            var builder = new StringBuilder(run % 2 == 0 ? Digests.FrontMatter + "\n" : string.Empty);
            // Some runs pass CappedDiagnostics.CompactAt findings, where findings past the cap are counted unmade (and
            // have no NUL, which makes the file one "not text" finding).
            var big = run % 10 == 9;
            var count = big ? 40000 : random.Next(50, 3000);
            for (var i = 0; i < count; i++)
            {
                var piece = pieces[random.Next(pieces.Length)];
                builder.Append(big && piece == "\0" ? "#\n" : piece);
            }

            var text = builder.ToString();
            var capped = Digests.Analyze(text);
            var all = Uncapped(text);
            Assert.True(!big || all.Count > 2 * CappedDiagnostics.CompactAt, all.Count.ToString());
            Assert.Equal(all.Count, capped.TotalCount);
            Assert.Equal(all.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal),
                capped.Diagnostics.Where(d => d.Id != "DK9020").Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(all.Any(d => d.Severity == DigestSeverity.Error), capped.HasErrors);
            Assert.Equal(all.Count > DigestEngine.MaxDiagnosticsPerFile, capped.Diagnostics.Any(d => d.Id == "DK9020"));
            Assert.True(capped.Diagnostics.Count <= DigestEngine.MaxDiagnosticsPerFile + 1);

            // The first of each ID in the hosts' order is kept as it would be made uncapped (message and span: the
            // arguments formatted late are the same), and DK9020 counts the rest of each ID exactly.
            var kept = capped.Diagnostics.Where(d => d.Id != "DK9020").ToList();
            foreach (var first in all.Select((d, i) => (d, i)).OrderBy(x => x.d.Span.Start).ThenBy(x => x.d.Id, StringComparer.Ordinal).ThenBy(x => x.i)
                         .GroupBy(x => x.d.Id).Select(g => g.First().d))
            {
                Assert.Contains(kept, d => d.Id == first.Id && d.Span == first.Span && d.Message == first.Message);
            }

            var omitted = all.GroupBy(d => d.Id).Select(g => (Id: g.Key, Count: g.Count() - kept.Count(d => d.Id == g.Key))).Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => $"{x.Id} \u00D7{x.Count}");
            if (capped.Diagnostics.SingleOrDefault(d => d.Id == "DK9020") is { } summary)
            {
                Assert.Equal(string.Join(", ", omitted), summary.Arguments[1]);
            }
        }
    }

    [Fact]
    public void A_body_read_in_chunks_gives_the_papers_and_diagnostics_of_one_read()
    {
        // Every chunk length down to one character cuts before every level-1 heading it may: the blocks, and so
        // the papers (records compared field by field, spans included) and the parser's findings, must be those of
        // reading the body whole.
        var texts = TestPaths.AllSampleFiles
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.DataDir, "fuzz-corpus")))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.DataDir, "messages")))
            .Select(File.ReadAllText)
            .Concat(ChunkBoundaryCases())
            .ToList();
        foreach (var text in texts)
        {
            var (wholePapers, wholeDiagnostics) = ParseBody(text, int.MaxValue);
            foreach (var chunk in new[] { 1, 5, 40, 700 })
            {
                var (papers, diagnostics) = ParseBody(text, chunk);
                Assert.True(wholePapers.Equals(papers), $"chunks of {chunk} change the papers of:\n{text.Substring(0, Math.Min(300, text.Length))}");
                Assert.Equal(wholeDiagnostics.Select(d => d.ToString()), diagnostics.Select(d => d.ToString()));
            }
        }
    }

    /// <summary>Blocks a heading line could be read into, and blocks it ends.</summary>
    private static IEnumerable<string> ChunkBoundaryCases()
    {
        string[] before =
        {
            "<div>\n", "<div>\n\n", "<!-- open\n", "<!-- open\n\n", "<!-- closed -->\n", "<script>\n\n", "<script></script>\n",
            "<?pi\n\n", "<!DOCTYPE\n\n", "<![CDATA[\n\n", "<a href=\"x\">\n", "<a href=\"x\">\n\n", "- <div>\n", "- <!--\n",
            "- item\n", "- item\n\n", "text\n", "    code\n\n", "[x]: /url\n", "[y]:\n/url 'title'\n", "[x]: /other\n\n", "text\n<div>\n", "text\n<a href=\"x\">\n", "- item\n<div>\n", "   <div>\n", "- a\n  <div>\n", "[z]: /u\n<div>\n", "#5. T\n", "- retweets: 1\n  lazy\n", "\r\n", "\r",
        };
        string[] headings = { "# 1. T\n", "#\n", "# \r\n", "#\t2. T\r", "#\n===\n", "##\n" };
        foreach (var b in before)
        {
            foreach (var h in headings)
            {
                yield return Digests.FrontMatter + "\n# 1. A\n\n" + b + h + "A B\n\n" + b + h + "-->\n</script>\n?>\n>\n]]>\n\n" + h;
                yield return b + h + b + h;
            }
        }
    }

    private static (EquatableArray<Paper> Papers, List<DigestDiagnostic> Diagnostics) ParseBody(string text, int chunkLength)
    {
        var diagnostics = new List<DigestDiagnostic>();
        var context = new ParseContext("test.md", text, diagnostics);
        FrontMatterParser.Parse(context, out var bodyStart);
        return (BodyParser.Parse(context, bodyStart, chunkLength), diagnostics);
    }

    /// <summary>The parser's and the rules' findings without the cap.</summary>
    private static List<DigestDiagnostic> Uncapped(string text)
    {
        var diagnostics = new List<DigestDiagnostic>();
        var document = DigestParser.Parse("test.md", text, diagnostics);
        DocumentRules.Check(document, text, DocumentRules.Areas, diagnostics);
        return diagnostics;
    }
}
