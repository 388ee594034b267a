using DigestKit.Engine;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>DK4001/DK4002: the missing link rebuilt from the other one, and the message saying what to add.</summary>
public class LinkRestorationTests
{
    private const string Both = "- links: [abs](https://arxiv.org/abs/2106.10155) | [pdf](https://arxiv.org/pdf/2106.10155)";

    private static (DigestDiagnostic Diagnostic, string Text) Single(string links, string id)
    {
        var text = Digests.Digest(Digests.Paper(links: links));
        return (Assert.Single(DigestEngine.Analyze("d.md", text).Diagnostics, d => d.Id == id), text);
    }

    private static string Applied(string text, TextEdit edit) => text.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);

    [Fact]
    public void A_missing_pdf_link_is_added_after_the_abs_link()
    {
        var (d, text) = Single("- links: [abs](https://arxiv.org/abs/2106.10155)", "DK4002");
        Assert.Equal("Paper 1 has no pdf link; add '[pdf](https://arxiv.org/pdf/2106.10155)' after the abs link ('digestkit fix' adds it)", d.Message);
        var repaired = Applied(text, d.Fix!.Value);
        Assert.Equal(Digests.Digest(Digests.Paper(links: Both)), repaired);
        Assert.Empty(DigestEngine.Analyze("d.md", repaired).Diagnostics);
    }

    [Fact]
    public void A_missing_abs_link_is_added_before_the_pdf_link()
    {
        var (d, text) = Single("- links: [pdf](https://arxiv.org/pdf/2106.10155)", "DK4001");
        Assert.Equal("Paper 1 has no abs link; add '[abs](https://arxiv.org/abs/2106.10155)' before the pdf link ('digestkit fix' adds it)", d.Message);
        Assert.Equal(Digests.Digest(Digests.Paper(links: Both)), Applied(text, d.Fix!.Value));
    }

    [Theory]
    [InlineData("- links: [pdf](https://arxiv.org/pdf/2106.10155v2.pdf)", "- links: [abs](https://arxiv.org/abs/2106.10155v2) | [pdf](https://arxiv.org/pdf/2106.10155v2.pdf)")]
    [InlineData("- links: [abs](https://arxiv.org/abs/2106.10155v3)", "- links: [abs](https://arxiv.org/abs/2106.10155v3) | [pdf](https://arxiv.org/pdf/2106.10155v3)")]
    [InlineData("- links: [abs](https://export.arxiv.org/abs/hep-th/9901001)", "- links: [abs](https://export.arxiv.org/abs/hep-th/9901001) | [pdf](https://arxiv.org/pdf/hep-th/9901001)")]
    public void The_version_and_old_style_identifiers_are_kept(string links, string expected)
    {
        var text = Digests.Digest(Digests.Paper(links: links));
        var d = Assert.Single(DigestEngine.Analyze("d.md", text).Diagnostics, x => x.Id is "DK4001" or "DK4002");
        Assert.Equal(Digests.Digest(Digests.Paper(links: expected)), Applied(text, d.Fix!.Value));
    }

    [Theory]
    [InlineData("- links: [abs](https://arxiv.org/abs/banana)", "DK4002", "add '[pdf](https://arxiv.org/pdf/ID)' after the abs link")]
    [InlineData("- links: [pdf](https://example.org/pdf/2106.10155)", "DK4001", "add '[abs](https://arxiv.org/abs/ID)' before the pdf link")]
    [InlineData("- links: [abs](https://arxiv.org/abs/2106.10155) stray", "DK4002", "add '[pdf](https://arxiv.org/pdf/2106.10155)' after the abs link")]
    [InlineData("- links: [code](https://github.com/x/y) [pdf](https://arxiv.org/pdf/2106.10155)", "DK4001", "add '[abs](https://arxiv.org/abs/2106.10155)' before the pdf link")]
    [InlineData("- links: none", "DK4001", "add '[abs](https://arxiv.org/abs/ID)' to the links line")]
    [InlineData("- links: none", "DK4002", "add '[pdf](https://arxiv.org/pdf/ID)' to the links line")]
    public void Without_a_valid_identifier_on_a_clean_line_there_is_a_hint_but_no_fix(string links, string id, string hint)
    {
        var (d, _) = Single(links, id);
        Assert.EndsWith("; " + hint, d.Message, StringComparison.Ordinal);
        Assert.Null(d.Fix);
    }
}
