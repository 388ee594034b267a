using DigestKit.Engine;
using DigestKit.Engine.Rules;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>The rules never throw, and one failing area of rules does not hide the others' findings.</summary>
public class RobustRulesTests
{
    [Fact]
    public void A_failing_area_reports_DK9001_and_the_other_areas_still_report()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(3)).Replace("socialImage:", "author: \"me\"\nsocialImage:");
        var document = Digests.Analyze(text).Document;
        var areas = new (string, Action<RuleContext>)[]
        {
            ("front matter", FrontMatterRules.Check),
            ("broken", _ => throw new InvalidOperationException("boom")),
            ("numbering", NumberingRules.Check),
        };

        var found = DocumentRules.Check(document, text, areas);
        Assert.Equal(new[] { "DK1005", "DK9001", "DK2003" }, found.Select(d => d.Id).ToArray());
        var failure = found[1];
        Assert.Equal("DigestKit could not check this file: the broken rules failed: boom; report it as a DigestKit issue, with this file", failure.Message);
        Assert.Equal((1, 1, 0), (failure.Span.Line, failure.Span.Column, failure.Span.Length));
    }

    [Fact]
    public void Every_area_is_in_the_public_entry_point()
    {
        Assert.Equal(new[] { "front matter", "numbering", "duplicate papers", "metrics", "links", "tweets", "encoding" }, DocumentRules.Areas.Select(a => a.Name).ToArray());
    }

    [Fact]
    public void A_model_whose_spans_do_not_fit_the_text_does_not_make_a_rule_throw()
    {
        // A model from another text (say, an edited file analyzed with a stale model): every span points past the end.
        var original = File.ReadAllText(DigestKit.Tests.TestPaths.MisEncodedSeed);
        var document = Digests.Analyze(original).Document;
        foreach (var text in new[] { "", "---\n", original.Substring(0, original.Length / 2), new string('\u0085', 50) + "\uFFFD\u202E" })
        {
            var found = DocumentRules.Check(document, text).ToList();
            Assert.DoesNotContain(found, d => d.Id == "DK9001");
        }

        Assert.Empty(DocumentRules.Check(null!, "text"));
        Assert.Empty(CrossFileRules.Check(null!));
        Assert.Empty(CrossFileRules.Check(new DigestDocument[] { null!, document with { Path = null! } }));
    }
}
