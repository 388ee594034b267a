using DigestKit.Engine;

namespace DigestKit.Engine.Tests.Parsing;

public class BodyParserTests
{
    private static (DigestDiagnostic Diagnostic, string Text) Single(string paper, string id)
    {
        var text = Digests.Digest(paper);
        var diagnostics = Digests.Parse(text, out _);
        return (Assert.Single(diagnostics, d => d.Id == id), text);
    }

    private static void AssertAt(DigestDiagnostic d, string text, string needle, int length)
    {
        var (line, column) = Digests.Find(text, needle);
        Assert.Equal((line, column, length), (d.Span.Line, d.Span.Column, d.Span.Length));
    }

    [Fact]
    public void A_valid_paper_has_no_parser_diagnostic()
    {
        Assert.Empty(Digests.Parse(Digests.Digest(Digests.Paper(), Digests.Paper(rank: 2)), out var document));
        Assert.Equal(2, document.Papers.Count);
    }

    [Fact]
    public void A_heading_without_a_number_is_DK2001()
    {
        var text = Digests.Digest(Digests.Paper()).Replace("# 1. World-GAN", "# World-GAN");
        var d = Assert.Single(Digests.Parse(text, out var document), x => x.Id == "DK2001");
        AssertAt(d, text, "# World-GAN", "# World-GAN: a Generative Model for Minecraft Worlds".Length);
        Assert.Null(document.Papers[0].Rank);
        Assert.Equal("World-GAN: a Generative Model for Minecraft Worlds", document.Papers[0].Title.Value);
    }

    [Fact]
    public void A_heading_without_a_space_after_the_hash_is_still_a_paper_and_DK2001()
    {
        var text = Digests.Digest(Digests.Paper()).Replace("# 1. World-GAN", "#1 World-GAN");
        var diagnostics = Digests.Parse(text, out var document);
        Assert.Single(diagnostics, x => x.Id == "DK2001");
        Assert.Single(document.Papers);
    }

    [Fact]
    public void An_empty_title_is_DK2002()
    {
        var (d, text) = Single(Digests.Paper(title: ""), "DK2002");
        AssertAt(d, text, "# 1.", 4);
        Assert.Equal("Paper 1 has an empty title; write the paper's title after its number", d.Message);
    }

    [Theory]
    [InlineData("authors", "DK2005")]
    [InlineData("metrics", "DK2006")]
    [InlineData("links", "DK2007")]
    [InlineData("categories", "DK2008")]
    public void A_missing_line_is_reported_on_the_heading(string part, string id)
    {
        var paper = part switch
        {
            "authors" => Digests.Paper(authors: ""),
            "metrics" => Digests.Paper(metrics: ""),
            "links" => Digests.Paper(links: ""),
            _ => Digests.Paper(categories: ""),
        };
        var (d, text) = Single(paper, id);
        AssertAt(d, text, "# 1.", "# 1. World-GAN: a Generative Model for Minecraft Worlds".Length);
        Assert.Equal(DigestSeverity.Error, d.Severity);
    }

    [Fact]
    public void Text_before_the_first_paper_is_DK2009()
    {
        var text = Digests.FrontMatter + "\nStray words here.\n\n" + Digests.Paper();
        var d = Assert.Single(Digests.Parse(text, out _), x => x.Id == "DK2009");
        AssertAt(d, text, "Stray words", "Stray words here.".Length);
        Assert.Contains("before the first paper", d.Message);
    }

    [Fact]
    public void A_second_paragraph_after_the_tweets_is_DK2009_not_dropped_silently()
    {
        var (d, text) = Single(Digests.Paper() + "A lost paragraph.\n\n", "DK2009");
        AssertAt(d, text, "A lost paragraph.", "A lost paragraph.".Length);
    }

    [Theory]
    [InlineData("- retweets: many, favorites: 423 (06/22/2021 07:43:12)", "many", "The retweets count 'many' is not a whole number of 0 or more; write one such as 12")]
    [InlineData("- retweets: 9936, favorites: 4.5 (06/22/2021 07:43:12)", "4.5", "The favorites count '4.5' is not a whole number of 0 or more; write one such as 12")]
    public void A_count_that_is_not_an_integer_is_DK3001(string metrics, string token, string message)
    {
        var (d, text) = Single(Digests.Paper(metrics: metrics), "DK3001");
        AssertAt(d, text, token, token.Length);
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void A_negative_count_is_kept_for_the_rules()
    {
        Digests.Parse(Digests.Digest(Digests.Paper(metrics: "- retweets: -5, favorites: 423 (06/22/2021 07:43:12)")), out var document);
        Assert.Equal(-5, document.Papers[0].Metrics!.Retweets!.Value.Value);
    }

    [Theory]
    [InlineData("2021-06-22 07:43:12", "DK3002")]
    [InlineData("06/31/2021 07:43:12", "DK3003")]
    [InlineData("06/22/2021 25:43:12", "DK3003")]
    public void A_bad_timestamp_is_reported_on_the_timestamp(string timestamp, string id)
    {
        var (d, text) = Single(Digests.Paper(metrics: $"- retweets: 1, favorites: 2 ({timestamp})"), id);
        AssertAt(d, text, timestamp, timestamp.Length);
    }

    [Fact]
    public void A_metrics_line_of_another_shape_is_DK3006()
    {
        var (d, text) = Single(Digests.Paper(metrics: "- retweets: 1 favorites 2"), "DK3006");
        AssertAt(d, text, "- retweets: 1 favorites 2", "- retweets: 1 favorites 2".Length);
    }

    [Fact]
    public void A_missing_pdf_link_is_DK4002_on_the_links_line()
    {
        var line = "- links: [abs](https://arxiv.org/abs/2106.10155)";
        var (d, text) = Single(Digests.Paper(links: line), "DK4002");
        AssertAt(d, text, line, line.Length);
    }

    [Fact]
    public void A_missing_abs_link_is_DK4001()
    {
        var line = "- links: [pdf](https://arxiv.org/pdf/2106.10155)";
        var (d, _) = Single(Digests.Paper(links: line), "DK4001");
        Assert.Equal(DigestSeverity.Error, d.Severity);
    }

    [Theory]
    [InlineData("ftp://arxiv.org/abs/2106.10155")]
    [InlineData("https://example.org/abs/2106.10155")]
    [InlineData("http://arxiv.org/abs/2106.10155")]
    public void An_abs_url_of_the_wrong_scheme_or_host_is_DK4003(string url)
    {
        var (d, text) = Single(Digests.Paper(links: $"- links: [abs]({url}) | [pdf](https://arxiv.org/pdf/2106.10155)"), "DK4003");
        AssertAt(d, text, url, url.Length);
        Assert.Contains("'https://arxiv.org/abs/<identifier>'", d.Message);
    }

    [Fact]
    public void Abs_and_pdf_naming_different_papers_is_DK4004_on_the_pdf_identifier()
    {
        var (d, text) = Single(Digests.Paper(links: "- links: [abs](https://arxiv.org/abs/2106.10155) | [pdf](https://arxiv.org/pdf/2106.10156)"), "DK4004");
        AssertAt(d, text, "2106.10156", 10);
        Assert.Equal("The pdf link names '2106.10156' but the abs link names '2106.10155'; make both links name the same paper", d.Message);
    }

    [Theory]
    [InlineData("2106.1015")]
    [InlineData("2113.10155")]
    [InlineData("1412.12345")]
    [InlineData("abc")]
    public void An_invalid_identifier_is_DK4005(string id)
    {
        var text = Digests.Digest(Digests.Paper(links: $"- links: [abs](https://arxiv.org/abs/{id}) | [pdf](https://arxiv.org/pdf/{id})"));
        var diagnostics = Digests.Parse(text, out _).Where(x => x.Id == "DK4005").ToList();

        // Each link names the identifier, and each is reported where it does.
        Assert.Equal(2, diagnostics.Count);
        var (line, column) = Digests.Find(text, "/abs/" + id);
        Assert.Equal((line, column + 5, id.Length), (diagnostics[0].Span.Line, diagnostics[0].Span.Column, diagnostics[0].Span.Length));
    }

    [Theory]
    [InlineData("2106.10155v2", "2106.10155", null, 2021, 6, 2)]
    [InlineData("1412.1234", "1412.1234", null, 2014, 12, null)]
    [InlineData("hep-th/9901001v3", "hep-th/9901001", "hep-th", 1999, 1, 3)]
    [InlineData("math.AG/0601001", "math.AG/0601001", "math.AG", 2006, 1, null)]
    public void Identifiers_of_both_styles_parse(string value, string id, string? archive, int year, int month, int? version)
    {
        var parsed = DigestKit.Engine.Parsing.ArxivIdParser.TryParse(value, default);
        Assert.NotNull(parsed);
        Assert.Equal((id, archive, year, month, version), (parsed!.Id, parsed.Archive, parsed.Year, parsed.Month, parsed.Version));
        Assert.Equal(value, parsed.ToString());
    }

    [Fact]
    public void A_category_url_that_is_not_a_listing_is_DK4003_and_keeps_the_label()
    {
        var url = "https://arxiv.org/abs/cs.LG";
        var (d, text) = Single(Digests.Paper(categories: $"- [cs.LG]({url})"), "DK4003");
        AssertAt(d, text, url, url.Length);
    }

    [Fact]
    public void A_links_line_with_stray_text_is_DK4013()
    {
        var line = "- links: [abs](https://arxiv.org/abs/2106.10155) and [pdf](https://arxiv.org/pdf/2106.10155)";
        var (d, text) = Single(Digests.Paper(links: line), "DK4013");
        AssertAt(d, text, line, line.Length);
    }

    [Fact]
    public void A_line_nested_past_the_limit_is_DK2011_on_that_line()
    {
        var text = Digests.Digest(Digests.Paper()) + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n";
        var d = Assert.Single(Digests.Parse(text, out var document), x => x.Id == "DK2011");
        Assert.Equal((Digests.Find(text, "- - - -").Line, 1), (d.Span.Line, d.Span.Column));
        Assert.Equal(DigestSeverity.Error, d.Severity);
        Assert.Empty(document.Papers);
    }

    [Fact]
    public void Only_CR_and_LF_start_a_line_the_nesting_limit_looks_at()
    {
        var deep = string.Concat(Enumerable.Repeat("- ", 200)) + "x\n";

        // U+2028 ends a line for positions but not for Markdown: the run after it is inside the "x" line.
        var separated = Digests.Digest(Digests.Paper()) + "x\u2028" + deep;
        Assert.DoesNotContain(Digests.Parse(separated, out _), x => x.Id == "DK2011");

        var carriageReturn = Digests.Digest(Digests.Paper()) + "x\r" + deep;
        var d = Assert.Single(Digests.Parse(carriageReturn, out var document), x => x.Id == "DK2011");
        Assert.Equal((Digests.Find(carriageReturn, "- - - -").Line, 1), (d.Span.Line, d.Span.Column));
        Assert.Empty(document.Papers);
    }
}
