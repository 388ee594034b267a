using DigestKit.Tests;
using Microsoft.CodeAnalysis;

namespace DigestKit.Generator.Tests;

/// <summary>
/// Go-to-definition lands in the Markdown: each digest's generated property is mapped (#line) to its file's first
/// line, where its front matter starts, and nothing else of the generated code is.
/// </summary>
public sealed class LineMappingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_digests_property_maps_to_its_markdown_front_matter_and_the_rest_stays_generated(bool resourceMode)
    {
        var harness = new GeneratorHarness();
        if (resourceMode)
        {
            harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        }

        var clean = GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md");
        var misEncoded = GeneratorHarness.SampleFile(TestPaths.MisEncodedSeed, "2021-05-07---Hot-Papers.md");
        var (_, output) = harness.Generate([clean, misEncoded]);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var digests = output.GetTypeByMetadataName("TestApp.Digests")!;

        foreach (var (name, file) in new[] { ("HotPapers20210621", clean), ("HotPapers20210507", misEncoded) })
        {
            var location = Assert.Single(digests.GetMembers(name).OfType<IPropertySymbol>().Single().Locations);
            Assert.True(location.IsInSource);
            var mapped = location.GetMappedLineSpan();
            Assert.True(mapped.HasMappedPath);
            Assert.Equal("/project/content/" + (name.EndsWith("0621", StringComparison.Ordinal) ? "2021-06-21" : "2021-05-07") + "---Hot-Papers.md", mapped.Path);
            Assert.Equal(file.Path, mapped.Path);
            Assert.Equal(0, mapped.StartLinePosition.Line);
            Assert.Equal("---", file.GetText().Lines[mapped.StartLinePosition.Line].ToString());
            // The generated location itself is unchanged: the IDE can still show the generated file.
            Assert.EndsWith(".g.cs", location.GetLineSpan().Path, StringComparison.Ordinal);
        }

        foreach (var member in new[] { "All", "Find", "FindPaper", "__all" })
        {
            var mapped = digests.GetMembers(member).Single().Locations.Single().GetMappedLineSpan();
            Assert.False(mapped.HasMappedPath, member);
            Assert.EndsWith("Digests.g.cs", mapped.Path, StringComparison.Ordinal);
        }
    }
}
