using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Analyzers.Tests;

/// <summary>An engine diagnostic's related place reaches the build as the Roslyn diagnostic's additional location.</summary>
public class AnalyzerRelatedLocationTests
{
    [Fact]
    public void DK2013_has_the_first_copy_of_the_paper_as_its_additional_location()
    {
        var clean = File.ReadAllText(TestPaths.CleanSeed);
        var first = clean.IndexOf("\n# 1. ", StringComparison.Ordinal) + 1;
        var next = clean.IndexOf("\n# 2. ", StringComparison.Ordinal) + 1;
        var text = clean.TrimEnd('\n') + "\n\n# 99. " + clean[(first + "# 1. ".Length)..next];
        var engine = Assert.Single(DigestEngine.Analyze("/repo/digests/dup.md", text).Diagnostics, d => d.Id == "DK2013");

        var result = AnalyzerHarness.Run(("/repo/digests/dup.md", text));
        result.AssertNoAnalyzerFailure();
        var roslyn = Assert.Single(result.Diagnostics, d => d.Id == "DK2013");

        Assert.Equal((engine.Span.Start, engine.Span.Length), (roslyn.Location.SourceSpan.Start, roslyn.Location.SourceSpan.Length));
        var additional = Assert.Single(roslyn.AdditionalLocations);
        Assert.Equal("/repo/digests/dup.md", additional.GetLineSpan().Path);
        Assert.Equal(first, additional.SourceSpan.Start);
        Assert.Equal(clean.IndexOf('\n', first) - first, additional.SourceSpan.Length);
    }
}
