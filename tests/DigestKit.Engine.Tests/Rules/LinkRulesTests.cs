using DigestKit.Engine.Rules;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class LinkRulesTests
{
    [Fact]
    public void DK4006_an_identifier_from_a_later_month_is_reported_on_the_identifier()
    {
        var text = Digests.Digest(Digests.Paper(links: "- links: [abs](https://arxiv.org/abs/2107.10155) | [pdf](https://arxiv.org/pdf/2107.10155)"));
        var d = RuleAssert.Single(text, "DK4006");
        RuleAssert.At(d, text, "2107.10155");
        Assert.Equal(new[] { "2107.10155", "2021-07", "2021-06-22" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK4006");
    }

    [Fact]
    public void DK4006_the_digest_month_and_old_identifiers_are_fine()
    {
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(links: "- links: [abs](https://arxiv.org/abs/2106.99999v2) | [pdf](https://arxiv.org/pdf/2106.99999v2)")));
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(links: "- links: [abs](https://arxiv.org/abs/hep-th/9901001) | [pdf](https://arxiv.org/pdf/hep-th/9901001)")));
    }

    [Fact]
    public void DK4007_a_label_that_differs_from_its_url_is_reported_on_the_label()
    {
        var text = Digests.Digest(Digests.Paper(categories: "- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [cs.AI](https://arxiv.org/list/cs.CV/recent)"));
        var d = RuleAssert.Single(text, "DK4007");
        RuleAssert.At(d, text, "cs.AI");
        Assert.Equal(new[] { "cs.AI", "cs.CV" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK4007");
    }

    [Theory]
    [InlineData("cs.ML")]
    [InlineData("cs.lg")]
    [InlineData("physics.soc")]
    [InlineData("machine-learning")]
    public void DK4008_a_category_outside_the_taxonomy_is_reported_on_the_label(string category)
    {
        var text = Digests.Digest(Digests.Paper(categories: $"- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [{category}](https://arxiv.org/list/{category}/recent)"));
        var d = RuleAssert.Single(text, "DK4008");
        RuleAssert.At(d, text, category);
        Assert.Equal(new[] { category }, d.Arguments.ToArray());
    }

    [Theory]
    [InlineData("physics.soc-ph")]
    [InlineData("quant-ph")]
    [InlineData("astro-ph.GA")]
    [InlineData("cond-mat.stat-mech")]
    [InlineData("q-bio.NC")]
    [InlineData("q-fin.ST")]
    [InlineData("econ.GN")]
    [InlineData("eess.AS")]
    [InlineData("nlin.AO")]
    [InlineData("hep-lat")]
    [InlineData("chao-dyn")]
    [InlineData("math.MP")]
    public void DK4008_categories_of_the_taxonomy_are_known(string category)
    {
        Assert.True(ArxivTaxonomy.Contains(category));
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(categories: $"- [{category}](https://arxiv.org/list/{category}/recent)")));
    }

    [Fact]
    public void DK4008_the_taxonomy_holds_every_category_of_the_sample_files()
    {
        var labels = DigestKit.Tests.TestPaths.AllSampleFiles
            .SelectMany(f => DigestEngine.Analyze(f, File.ReadAllText(f)).Document.Papers)
            .SelectMany(p => p.Categories).Select(c => c.Label.Value).Distinct().ToList();
        Assert.True(labels.Count > 50, $"only {labels.Count} categories read from the samples");
        Assert.All(labels, label => Assert.True(ArxivTaxonomy.Contains(label), label));
        Assert.True(ArxivTaxonomy.Categories.Count > 150);
    }
}
