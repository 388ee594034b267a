using DigestKit.Engine;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class DuplicatePaperRulesTests
{
    private const string OtherLinks = "- links: [abs](https://arxiv.org/abs/2106.09685) | [pdf](https://arxiv.org/pdf/2106.09685)";

    [Fact]
    public void DK2013_a_paper_pasted_twice_is_reported_on_the_second_heading_with_the_first_as_related()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(2, title: "LoRA", links: OtherLinks), Digests.Paper(3));
        var d = RuleAssert.Single(text, "DK2013");

        RuleAssert.At(d, text, "# 3. World-GAN: a Generative Model for Minecraft Worlds");
        Assert.Equal("Paper 3 is arXiv paper '2106.10155', already listed as paper 1; remove one of the two", d.Message);
        Assert.Equal(new[] { "3", "2106.10155", "1" }, d.Arguments);

        var related = Assert.IsType<DigestRelatedLocation>(d.Related);
        Assert.Equal("test.md", related.Path);
        Assert.Equal("arXiv paper '2106.10155' first listed here", related.Message);
        var first = text.IndexOf("# 1. World-GAN: a Generative Model for Minecraft Worlds", StringComparison.Ordinal);
        var (line, column) = new LineMap(text).Position(first);
        Assert.Equal((first, "# 1. World-GAN: a Generative Model for Minecraft Worlds".Length, line, column),
            (related.Span.Start, related.Span.Length, related.Span.Line, related.Span.Column));
        RuleAssert.Exactly(text, "DK2013");
    }

    [Fact]
    public void DK2013_a_third_copy_points_at_the_first_too()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(2), Digests.Paper(3));
        var found = Digests.Analyze(text).Diagnostics.Where(d => d.Id == "DK2013").ToList();

        Assert.Equal(new[] { "Paper 2 is arXiv paper '2106.10155', already listed as paper 1; remove one of the two", "Paper 3 is arXiv paper '2106.10155', already listed as paper 1; remove one of the two" },
            found.Select(d => d.Message));
        Assert.All(found, d => Assert.Equal(found[0].Related, d.Related));
    }

    [Fact]
    public void DK2013_different_papers_are_not_reported()
    {
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(1), Digests.Paper(2, title: "LoRA", links: OtherLinks)));
    }
}
