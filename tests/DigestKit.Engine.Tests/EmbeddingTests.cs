namespace DigestKit.Engine.Tests;

/// <summary>
/// <see cref="DigestAnalysis.Embeds"/>: the one embed decision, from the rules that block embedding, never from severities.
/// </summary>
public class EmbeddingTests
{
    [Fact]
    public void Exactly_the_rules_that_leave_nothing_to_embed_block_it()
    {
        Assert.Equal(
            new[] { "DK1001", "DK1002", "DK2012", "DK9001" },
            DigestRules.All.Where(r => r.BlocksEmbedding).Select(r => r.Id).ToArray());
        Assert.Equal(new[] { DigestRules.NotEmbedded.Id }, DigestRules.All.Where(r => r.NotConfigurable).Select(r => r.Id).ToArray());
    }

    [Theory]
    [InlineData("# 1. A paper with no front matter\n", "DK1001")]
    [InlineData("---\ntitle: x\n# 1. never closed\n", "DK1002")]
    public void A_digest_with_a_blocking_diagnostic_is_not_embedded(string text, string blocking)
    {
        var analysis = DigestEngine.Analyze("/d/x.md", text);
        Assert.False(analysis.Embeds);
        Assert.Equal(blocking, analysis.Blocking?.Id);
    }

    [Fact]
    public void A_digest_whose_only_errors_block_nothing_is_embedded()
    {
        var analysis = DigestEngine.Analyze("/d/x.md", "---\ntitle: x\n---\n# 1. A paper with its lines missing\n");
        Assert.True(analysis.HasErrors);
        Assert.Contains(analysis.Diagnostics, d => d.Id == DigestRules.RequiredKeyMissing.Id && d.Severity == DigestSeverity.Error);
        Assert.Null(analysis.Blocking);
        Assert.True(analysis.Embeds);
    }
}
