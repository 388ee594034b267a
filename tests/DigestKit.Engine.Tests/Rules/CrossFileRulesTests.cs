using DigestKit.Engine;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class CrossFileRulesTests
{
    private static DigestDocument Parse(string path, string text) => DigestEngine.Analyze(path, text).Document;

    [Fact]
    public void DK6001_a_duplicate_slug_is_reported_on_the_later_file_naming_the_first()
    {
        var text = Digests.Digest(Digests.Paper());
        var other = Digests.Digest(Digests.Paper(links: "- links: [abs](https://arxiv.org/abs/2106.00001) | [pdf](https://arxiv.org/pdf/2106.00001)"));
        foreach (var order in new[] { new[] { "a.md", "b.md" }, new[] { "b.md", "a.md" } })
        {
            var documents = order.Select(p => Parse(p, p == "a.md" ? text : other)).ToList();
            var d = Assert.Single(DigestEngine.AnalyzeAcrossFiles(documents));
            Assert.Equal(("DK6001", DigestSeverity.Error, "b.md"), (d.Id, d.Severity, d.Path));
            RuleAssert.At(d, other, "\"hot-papers-2021-06-21\"");
            Assert.Equal(new[] { "hot-papers-2021-06-21", "a.md" }, d.Arguments.ToArray());
        }
    }

    [Fact]
    public void DK6001_every_later_file_is_reported()
    {
        var text = Digests.FrontMatter;
        var documents = new[] { "c.md", "a.md", "b.md" }.Select(p => Parse(p, text)).ToList();
        var found = DigestEngine.AnalyzeAcrossFiles(documents);
        Assert.Equal(new[] { "b.md", "c.md" }, found.Select(d => d.Path).ToArray());
        Assert.All(found, d => Assert.Equal("a.md", d.Arguments[1]));
    }

    [Fact]
    public void DK6002_the_same_paper_with_another_title_or_authors_is_noted_on_the_later_file()
    {
        var first = Digests.Digest(Digests.Paper());
        var second = Digests.Digest(Digests.Paper(title: "World-GAN: Minecraft Worlds", authors: "Maren Awiszus, Bodo Rosenhahn"))
            .Replace("2021-06-21", "2021-06-22").Replace("2021-06-22T07", "2021-06-23T07").Replace("06/22/2021", "06/23/2021");
        var found = DigestEngine.AnalyzeAcrossFiles(new[] { Parse("b.md", second), Parse("a.md", first) });
        Assert.Equal(new[] { "DK6002", "DK6002" }, found.Select(d => d.Id).ToArray());
        Assert.All(found, d => Assert.Equal((DigestSeverity.Info, "b.md"), (d.Severity, d.Path)));
        RuleAssert.At(found[0], second, "World-GAN: Minecraft Worlds");
        Assert.Equal(new[] { "2106.10155", "title", "a.md" }, found[0].Arguments.ToArray());
        RuleAssert.At(found[1], second, "Maren Awiszus, Bodo Rosenhahn");
        Assert.Equal(new[] { "2106.10155", "author list", "a.md" }, found[1].Arguments.ToArray());
    }

    [Fact]
    public void DK6002_the_same_paper_with_the_same_metadata_is_fine()
    {
        var first = Digests.Digest(Digests.Paper());
        var second = first.Replace("2021-06-21", "2021-06-22").Replace("2021-06-22T07", "2021-06-23T07").Replace("06/22/2021", "06/23/2021");
        Assert.Empty(DigestEngine.AnalyzeAcrossFiles(new[] { Parse("a.md", first), Parse("b.md", second) }));
    }

    [Fact]
    public void DK6001_relates_the_first_file_slug()
    {
        var text = Digests.FrontMatter;
        var found = DigestEngine.AnalyzeAcrossFiles(new[] { "c.md", "a.md", "b.md" }.Select(p => Parse(p, text)).ToList());
        Assert.Equal(2, found.Count);
        Assert.All(found, d =>
        {
            var related = Assert.IsType<DigestRelatedLocation>(d.Related);
            Assert.Equal("a.md", related.Path);
            Assert.Equal("slug 'hot-papers-2021-06-21' first used here", related.Message);
            AssertSpan(related.Span, text, "\"hot-papers-2021-06-21\"");
        });
    }

    [Fact]
    public void DK6002_relates_the_first_listing_title_or_author_line()
    {
        var first = Digests.Digest(Digests.Paper());
        var second = Digests.Digest(Digests.Paper(title: "World-GAN: Minecraft Worlds", authors: "Maren Awiszus, Bodo Rosenhahn"))
            .Replace("2021-06-21", "2021-06-22").Replace("2021-06-22T07", "2021-06-23T07").Replace("06/22/2021", "06/23/2021");
        var found = DigestEngine.AnalyzeAcrossFiles(new[] { Parse("b.md", second), Parse("a.md", first) });
        Assert.Equal(2, found.Count);
        var title = Assert.IsType<DigestRelatedLocation>(found[0].Related);
        Assert.Equal(("a.md", "arXiv paper '2106.10155' first listed here"), (title.Path, title.Message));
        AssertSpan(title.Span, first, "World-GAN: a Generative Model for Minecraft Worlds");
        var authors = Assert.IsType<DigestRelatedLocation>(found[1].Related);
        Assert.Equal(("a.md", "arXiv paper '2106.10155' first listed here"), (authors.Path, authors.Message));
        var expected = DigestEngine.Analyze("a.md", first).Document.Papers[0].AuthorLineSpan;
        Assert.Equal(expected, authors.Span);
    }

    private static void AssertSpan(SourceSpan span, string text, string needle) =>
        RuleAssert.At(new DigestDiagnostic("X", DigestSeverity.Info, "", "", span, EquatableArray<string>.Empty), text, needle);
}
