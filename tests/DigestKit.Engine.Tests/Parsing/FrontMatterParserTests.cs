using DigestKit.Engine;

namespace DigestKit.Engine.Tests.Parsing;

public class FrontMatterParserTests
{
    private static DigestDiagnostic Single(string text, string id)
    {
        var diagnostics = Digests.Parse(text, out _);
        return Assert.Single(diagnostics, d => d.Id == id);
    }

    [Fact]
    public void No_front_matter_is_DK1001_on_the_first_line()
    {
        var d = Single("# 1. Title\n", "DK1001");
        Assert.Equal((1, 1, 10), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal(DigestSeverity.Error, d.Severity);
    }

    [Fact]
    public void Empty_text_is_DK1001_and_an_empty_model()
    {
        var diagnostics = Digests.Parse(string.Empty, out var document);
        Assert.Equal("DK1001", Assert.Single(diagnostics).Id);
        Assert.Null(document.FrontMatter);
        Assert.Empty(document.Papers);
    }

    [Fact]
    public void An_unclosed_block_is_DK1002_and_the_papers_are_still_read()
    {
        var text = "---\ntitle: Hot Papers 2021-06-21\n\n" + Digests.Paper();
        var diagnostics = Digests.Parse(text, out var document);

        var d = Assert.Single(diagnostics, x => x.Id == "DK1002");
        Assert.Equal((1, 1, 3), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Single(document.Papers);
    }

    [Fact]
    public void A_YAML_syntax_error_is_DK1003_at_the_parser_position_in_file_lines()
    {
        var text = Digests.FrontMatter.Replace("category: \"arXiv\"", "category: \"arXiv") + "\n";
        var d = Single(text, "DK1003");

        Assert.Equal(DigestSeverity.Error, d.Severity);
        Assert.InRange(d.Span.Line, 7, 16);
    }

    [Fact]
    public void A_flow_collection_that_confuses_YamlDotNet_is_still_a_diagnostic()
    {
        var text = "---\na: [b\nc: d\n---\n";
        var d = Single(text, "DK1003");
        Assert.InRange(d.Span.Line, 2, 4);
    }

    [Theory]
    [InlineData("draft: false", "draft: \"false\"", "draft", "'\"false\"'", "true or false")]
    [InlineData("draft: false", "draft: maybe", "draft", "'maybe'", "true or false")]
    [InlineData("tags:\n  - \"arXiv\"\n  - \"Twitter\"\n  - \"Machine Learning\"\n  - \"Computer Science\"", "tags: arXiv", "tags", "'arXiv'", "a list of text values")]
    [InlineData("template: \"post\"", "template: [a, b]", "template", "'[a, b]'", "a text value")]
    public void A_value_of_the_wrong_type_is_DK1006_on_the_value(string original, string replacement, string key, string shown, string expected)
    {
        var text = Digests.FrontMatter.Replace(original, replacement);
        var d = Single(text, "DK1006");
        var (line, column) = Digests.Find(text, replacement);

        Assert.Equal((line, column + key.Length + 2), (d.Span.Line, d.Span.Column));
        Assert.Equal($"Front matter key '{key}' has the value {shown}, which is not {expected}; write {expected}", d.Message);
    }

    [Theory]
    [InlineData("2021-13-22T07:43:12.Z")]
    [InlineData("yesterday")]
    [InlineData("2021-02-30")]
    public void An_unreadable_date_is_DK1007(string value)
    {
        var text = Digests.FrontMatter.Replace("2021-06-22T07:43:12.Z", value);
        var d = Single(text, "DK1007");
        Assert.Equal((3, 7, value.Length), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Contains(value, d.Message);
    }

    [Theory]
    [InlineData("2021-06-22T07:43:12.Z", 2021, 6, 22, 7, 43, 12, 0)]
    [InlineData("2021-06-22T07:43:12.250Z", 2021, 6, 22, 7, 43, 12, 250)]
    [InlineData("2021-06-22T07:43:12+02:00", 2021, 6, 22, 7, 43, 12, 0)]
    [InlineData("2021-06-22", 2021, 6, 22, 0, 0, 0, 0)]
    public void Post_dates_read_as_written(string value, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        var text = Digests.FrontMatter.Replace("2021-06-22T07:43:12.Z", value);
        Digests.Parse(text, out var document);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms), document.FrontMatter!.Date!.Value.Value);
    }

    [Fact]
    public void A_duplicate_key_is_DK1011_on_the_second_key_and_the_first_value_wins()
    {
        var text = Digests.FrontMatter.Replace("category: \"arXiv\"\n", "category: \"arXiv\"\ncategory: \"other\"\n");
        var diagnostics = Digests.Parse(text, out var document);

        var d = Assert.Single(diagnostics, x => x.Id == "DK1011");
        Assert.Equal((8, 1, 8), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal("arXiv", document.FrontMatter!.Category!.Value.Value);
    }

    [Fact]
    public void Unknown_keys_are_kept_as_written()
    {
        var text = Digests.FrontMatter.Replace("socialImage:", "author: { name: Ada }\nsocialImage:");
        Digests.Parse(text, out var document);

        var entry = Assert.Single(document.FrontMatter!.Entries, e => e.Key.Value == "author");
        Assert.Equal(FrontMatterValueKind.Mapping, entry.Kind);
        Assert.Equal("{ name: Ada }", entry.RawValue);
    }

    [Fact]
    public void An_alias_bomb_is_rejected_without_expansion()
    {
        var yaml = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (var c = 'b'; c <= 'z'; c++)
        {
            var prev = (char)(c - 1);
            yaml += $"{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n";
        }

        var d = Single(yaml + "---\n", "DK1012");
        Assert.Contains("aliases", d.Message);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void Deeply_nested_YAML_is_rejected_with_DK1012()
    {
        var text = "---\ntitle: " + new string('[', 5000) + new string(']', 5000) + "\n---\n";
        var d = Single(text, "DK1012");
        Assert.Contains("nested", d.Message);
    }

    [Fact]
    public void CRLF_and_a_BOM_give_the_same_values_and_lines()
    {
        var lf = Digests.Digest(Digests.Paper());
        var crlf = "\uFEFF" + lf.Replace("\n", "\r\n");
        var a = DigestEngine.Analyze("a.md", lf);
        var b = DigestEngine.Analyze("b.md", crlf);

        Assert.Empty(b.Diagnostics.Where(d => d.Severity == DigestSeverity.Error).Select(d => d.ToString()));
        Assert.Equal(a.Document.FrontMatter!.Title!.Value.Value, b.Document.FrontMatter!.Title!.Value.Value);
        Assert.Equal(a.Document.Papers[0].Metrics!.Retweets!.Value.Span.Line, b.Document.Papers[0].Metrics!.Retweets!.Value.Span.Line);
        Assert.Equal(a.Document.Papers[0].Tweets[0].Text, b.Document.Papers[0].Tweets[0].Text);
        Assert.Equal(a.Document.Papers[0].Title.Value, b.Document.Papers[0].Title.Value);
    }
}
