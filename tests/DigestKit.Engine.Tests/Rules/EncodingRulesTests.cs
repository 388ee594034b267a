using DigestKit.Engine;
using DigestKit.Engine.Tests.Parsing;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Rules;

public class EncodingRulesTests
{
    [Fact]
    public void DK5001_a_mis_encoded_author_is_reported_on_the_whole_name_with_the_repaired_name_as_fix()
    {
        var text = Digests.Digest(Digests.Paper(authors: "Petar Veli\u0192\u00e7kovi\u0192\u00e1, Charles Blundell"));
        var d = RuleAssert.Single(text, "DK5001");
        RuleAssert.At(d, text, "Petar Veli\u0192\u00e7kovi\u0192\u00e1");
        Assert.Contains("'Petar Veli\u010dkovi\u0107'", d.Message);
        Assert.Equal(new TextEdit(d.Span.Start, d.Span.Length, "Petar Veli\u010dkovi\u0107"), d.Fix);
        Assert.Equal(DigestSeverity.Warning, d.Severity);
        RuleAssert.None(text, "DK5002");
    }

    [Fact]
    public void DK5001_Windows_1252_mojibake_too()
    {
        var text = Digests.Digest(Digests.Paper(authors: "Jos\u00c3\u00a9 Garc\u00c3\u00ada, Charles Blundell"));
        var d = RuleAssert.Single(text, "DK5001");
        RuleAssert.At(d, text, "Jos\u00c3\u00a9 Garc\u00c3\u00ada");
        Assert.Equal("Jos\u00e9 Garc\u00eda", d.Fix!.Value.NewText);
    }

    [Fact]
    public void DK5002_mojibake_in_a_title_is_reported_per_run_with_its_repair()
    {
        // U+1F447 (backhand index pointing down): F0 9F 91 87 read as Mac OS Roman (F0 is the Apple logo, U+F8FF).
        var text = Digests.Digest(Digests.Paper(title: "World-GAN \uF8FF\u00fc\u00eb\u00e1 for Minecraft"));
        var d = RuleAssert.Single(text, "DK5002");
        RuleAssert.At(d, text, "\uF8FF\u00fc\u00eb\u00e1");
        Assert.Equal(DigestSeverity.Info, d.Severity);
        Assert.Equal("\U0001F447", d.Fix!.Value.NewText);
        Assert.Contains("'\U0001F447'", d.Message);
    }

    [Fact]
    public void DK5001_a_Latin_1_run_holding_a_C1_control_is_mojibake_not_a_control_character()
    {
        // "Č" is C4 8C in UTF-8; read as Latin-1 it is "Ä" and the C1 control U+008C.
        var text = Digests.Digest(Digests.Paper(authors: "Jan \u00c4\u008cech, Charles Blundell"));
        var d = RuleAssert.Single(text, "DK5001");
        RuleAssert.At(d, text, "Jan \u00c4\u008cech");
        Assert.Equal("Jan \u010cech", d.Fix!.Value.NewText);
        RuleAssert.None(text, "DK5005");
    }

    [Fact]
    public void DK5002_mojibake_in_a_front_matter_value()
    {
        var text = Digests.Digest(Digests.Paper()).Replace("/media/flying-marine.jpg", "/media/caf\u00c3\u00a9-marine.jpg");
        var d = RuleAssert.Single(text, "DK5002");
        RuleAssert.At(d, text, "\u00c3\u00a9");
        Assert.Equal(new TextEdit(d.Span.Start, 2, "\u00e9"), d.Fix);
        Assert.Equal(new[] { "DK5002" }, Digests.Analyze(text).Diagnostics.Select(x => x.Id).ToArray());
    }

    [Fact]
    public void DK5001_and_DK5002_fix_the_mis_encoded_seed_completely()
    {
        var text = File.ReadAllText(TestPaths.MisEncodedSeed);
        var analysis = Digests.Analyze(text);
        Assert.Contains(analysis.Diagnostics, d => d.Id == "DK5001" && d.Message.Contains("'Petar Veli\u010dkovi\u0107'"));
        Assert.Contains(analysis.Diagnostics, d => d.Id == "DK5002");
        var repaired = RuleAssert.ApplyFixes(text, analysis.Diagnostics);
        RuleAssert.None(repaired, "DK5001", "DK5002");
        Assert.Contains("Veli\u010dkovi\u0107", repaired);
    }

    [Fact]
    public void DK5003_a_replacement_character_is_reported_on_the_run()
    {
        var text = Digests.Digest(Digests.Paper(abstractText: "This work \uFFFD\uFFFD introduces World-GAN."));
        var d = RuleAssert.Single(text, "DK5003");
        RuleAssert.At(d, text, "\uFFFD\uFFFD");
        Assert.Equal(new[] { "the abstract of paper 1" }, d.Arguments.ToArray());
    }

    [Fact]
    public void DK5004_a_direction_override_outside_a_tweet_is_reported_on_it()
    {
        var text = Digests.Digest(Digests.Paper(title: "World-GAN\u202E: a Generative Model"));
        var d = RuleAssert.Single(text, "DK5004");
        RuleAssert.At(d, text, "\u202E");
        Assert.Equal(new[] { "U+202E (RIGHT-TO-LEFT OVERRIDE)", "the title of paper 1" }, d.Arguments.ToArray());
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202C')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    public void DK5004_every_bidi_control_counts(char c)
    {
        var text = Digests.Digest(Digests.Paper(authors: "Maren Awiszus, Frederik" + c + " Schubert"));
        var d = RuleAssert.Single(text, "DK5004");
        RuleAssert.At(d, text, c.ToString());
        Assert.Equal("the authors of paper 1", d.Arguments[1]);
    }

    [Fact]
    public void DK5004_tweet_html_is_exempt()
    {
        var tweet = Digests.Tweet.Replace("Nice &amp; new", "\u2067\u05e9\u05dc\u05d5\u05dd\u2069 Nice");
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(tweets: tweet)));
    }

    [Theory]
    [InlineData('\0', "U+0000 (NULL)")]
    [InlineData('\f', "U+000C (FORM FEED)")]
    [InlineData('\u001B', "U+001B (ESCAPE)")]
    [InlineData('\u0090', "U+0090")]
    public void DK5005_a_control_character_is_reported_on_it(char c, string name)
    {
        var text = Digests.Digest(Digests.Paper(abstractText: "This work" + c + " introduces World-GAN."));
        var d = RuleAssert.Single(text, "DK5005");
        RuleAssert.At(d, text, c.ToString());
        Assert.Equal(name, d.Arguments[0]);
    }

    [Fact]
    public void DK5005_tabs_and_line_breaks_are_not_control_characters()
    {
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(abstractText: "This\twork introduces World-GAN.")).Replace("\n", "\r\n"));
    }

    [Theory]
    [InlineData('\u2028', "U+2028 (LINE SEPARATOR)")]
    [InlineData('\u2029', "U+2029 (PARAGRAPH SEPARATOR)")]
    [InlineData('\u0085', "U+0085 (NEXT LINE)")]
    public void DK2016_a_separator_in_a_title_is_reported_on_it_and_the_title_is_kept_whole(char c, string name)
    {
        var title = "World-GAN:" + c + "a Generative Model";
        var text = Digests.Digest(Digests.Paper(title: title));
        var d = RuleAssert.Single(text, "DK2016");
        RuleAssert.At(d, text, c.ToString());
        Assert.Equal(new[] { name, "the title of paper 1" }, d.Arguments.ToArray());
        Assert.Equal(new TextEdit(text.IndexOf(c), 1, " "), d.Fix);
        RuleAssert.None(text, "DK5005");
        Assert.Equal(title, Assert.Single(Digests.Analyze(text).Document.Papers).Title.Value);

        var repaired = RuleAssert.ApplyFixes(text, new[] { d });
        RuleAssert.Exactly(repaired);
        Assert.Equal("World-GAN: a Generative Model", Assert.Single(Digests.Analyze(repaired).Document.Papers).Title.Value);
    }

    [Theory]
    [InlineData("authors", "the authors of paper 1")]
    [InlineData("links", "the links of paper 1")]
    [InlineData("description", "the front matter")]
    public void DK2016_a_separator_in_an_author_a_link_or_a_front_matter_value_is_reported_on_it(string where, string region)
    {
        const char c = '\u2028';
        var text = where switch
        {
            "authors" => Digests.Digest(Digests.Paper(authors: "Maren Awiszus, Frederik" + c + "Schubert")),
            "links" => Digests.Digest(Digests.Paper(links: "- links: [abs" + c + "](https://arxiv.org/abs/2106.10155) | [pdf](https://arxiv.org/pdf/2106.10155)")),
            _ => Digests.Digest(Digests.Paper()).Replace("description: \"Hot papers 2021-06-21\"", "description: \"Hot papers" + c + "2021-06-21\""),
        };
        var d = RuleAssert.Single(text, "DK2016");
        RuleAssert.At(d, text, c.ToString());
        Assert.Equal(region, d.Arguments[1]);
        if (where == "description")
        {
            // YAML ends a line there: the value is not read as cut, the front matter fails (DK1003) and is not embedded.
            Assert.Contains(Digests.Analyze(text).Diagnostics, x => x.Id == "DK1003");
        }

        if (where == "authors")
        {
            Assert.Equal("Frederik" + c + "Schubert", Digests.Analyze(text).Document.Papers[0].Authors[1].Value);
        }
    }

    [Fact]
    public void DK2016_tweet_html_is_exempt()
    {
        var tweet = Digests.Tweet.Replace("Nice &amp; new", "Nice\u2028new");
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(tweets: tweet)));
    }

    [Theory]
    [InlineData("\\u202E", "DK5004", "U+202E (RIGHT-TO-LEFT OVERRIDE)")]
    [InlineData("\\U0000202e", "DK5004", "U+202E (RIGHT-TO-LEFT OVERRIDE)")]
    [InlineData("\\u0000", "DK5005", "U+0000 (NULL)")]
    [InlineData("\\0", "DK5005", "U+0000 (NULL)")]
    [InlineData("\\e", "DK5005", "U+001B (ESCAPE)")]
    [InlineData("\\x85", "DK2016", "U+0085 (NEXT LINE)")]
    [InlineData("\\N", "DK2016", "U+0085 (NEXT LINE)")]
    [InlineData("\\u2028", "DK2016", "U+2028 (LINE SEPARATOR)")]
    [InlineData("\\P", "DK2016", "U+2029 (PARAGRAPH SEPARATOR)")]
    public void An_escape_in_a_double_quoted_front_matter_value_is_checked_like_the_raw_character(string escape, string id, string name)
    {
        var text = Digests.Digest(Digests.Paper()).Replace("template: \"post\"", "template: \"po" + escape + "st\"");
        var d = RuleAssert.Single(text, id);
        RuleAssert.At(d, text, escape);
        Assert.Equal(new[] { name, "the front matter's 'template'" }, d.Arguments.ToArray());
        if (id == "DK2016")
        {
            Assert.Equal(new TextEdit(text.IndexOf(escape, StringComparison.Ordinal), escape.Length, " "), d.Fix);
        }
    }

    [Fact]
    public void An_escape_in_a_quoted_tag_is_checked_and_harmless_escapes_or_plain_scalars_are_not()
    {
        var text = Digests.Digest(Digests.Paper()).Replace("  - \"Twitter\"", "  - \"Twit\\u202Eter\"");
        var d = RuleAssert.Single(text, "DK5004");
        RuleAssert.At(d, text, "\\u202E");

        // A plain scalar keeps its backslash as text; \n, \t, \\ and \" are ordinary escapes.
        var plain = Digests.Digest(Digests.Paper()).Replace("category: \"arXiv\"", "category: arXiv\\u202E")
            .Replace("template: \"post\"", "template: \"p\\t\\\\o\\\"st\\n\"");
        RuleAssert.None(plain, "DK5004", "DK5005", "DK2016");
    }
}
