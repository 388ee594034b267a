using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DigestKit.Generator.Tests;

/// <summary>What a consuming project sees: namespaces, names, empty content, errored digests, older C#.</summary>
public sealed class ProjectShapeTests
{
    private static MemoryText Clean(string fileName = "2021-06-21---Hot-Papers.md") => GeneratorHarness.SampleFile(TestPaths.CleanSeed, fileName);

    private static MemoryText WithSlug(string fileName, string slug, string date) =>
        GeneratorHarness.Digest(fileName, File.ReadAllText(TestPaths.CleanSeed)
            .Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"" + slug + "\"")
            .Replace("date: 2021-06-22T07:43:12.Z", "date: " + date));

    [Fact]
    public void A_project_with_no_content_compiles_with_an_empty_All()
    {
        var harness = new GeneratorHarness();
        var (run, output) = harness.Generate([]);
        Assert.Equal(["Digests.g.cs"], run.Results.Single().GeneratedSources.Select(s => s.HintName));
        var type = GeneratorHarness.Load(output, "TestApp.Digests");
        Assert.Empty(GeneratorHarness.All(type));
        Assert.Null(GeneratorHarness.Find(type, "hot-papers-2021-06-21"));
    }

    /// <summary>
    /// The embed decision is the engine's (<see cref="DigestKit.Engine.DigestAnalysis.Embeds"/>), not a severity: a
    /// digest whose only errors block nothing is embedded with the field in error at its default; one with a blocking
    /// diagnostic (DK1002) is not, and keeps a property that throws, named from its file, outside All and Find.
    /// </summary>
    [Fact]
    public void A_digest_with_a_blocking_error_keeps_only_a_throwing_property_and_other_errors_embed_with_defaults()
    {
        var broken = GeneratorHarness.Digest("2021-05-07---Hot-Papers.md", File.ReadAllText(TestPaths.MisEncodedSeed)
            .Replace("- retweets: ", "- retweets: -x", StringComparison.Ordinal));
        var analysis = DigestKit.Engine.DigestEngine.Analyze(broken.Path, broken.GetText().ToString());
        Assert.True(analysis.HasErrors);
        Assert.True(analysis.Embeds);
        var unclosed = GeneratorHarness.Digest("2021-01-01---Hot-Papers.md", "---\ntitle: Hot Papers 2021-01-01\n# 1. no end of front matter\n");
        Assert.Equal(DigestKit.Engine.DigestRules.FrontMatterUnclosed.Id, DigestKit.Engine.DigestEngine.Analyze(unclosed.Path, unclosed.GetText().ToString()).Blocking?.Id);

        var harness = new GeneratorHarness();
        var (run, output) = harness.Generate([broken, Clean(), unclosed]);
        Assert.Equal(4, run.Results.Single().GeneratedSources.Length); // three digests' properties and Digests
        var type = GeneratorHarness.Load(output, "TestApp.Digests");
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21"], GeneratorHarness.All(type).Select(d => d.Slug));
        var lowered = GeneratorHarness.Find(type, "hot-papers-2021-05-07")!;
        Assert.Equal(0, lowered.Papers[0].Retweets);

        var property = type.GetProperty("_20210101HotPapers") ?? type.GetProperties().Single(p => p.Name.Contains("20210101", StringComparison.Ordinal));
        var thrown = Assert.Throws<System.Reflection.TargetInvocationException>(() => property.GetValue(null)).InnerException;
        Assert.Equal(
            "content/2021-01-01---Hot-Papers.md is not embedded (DK1002: " + DigestKit.Engine.DigestRules.FrontMatterUnclosed.FormatMessage() + "); fix the digest and build again",
            Assert.IsType<InvalidOperationException>(thrown).Message);
    }

    /// <summary>
    /// A YAML error (DK1003) before the <c>slug:</c> line stops the YAML parser, but the property keeps the name
    /// the slug gave it while valid (not the file name), so user code that reads it compiles: no CS0117.
    /// </summary>
    [Fact]
    public void A_YAML_error_before_the_slug_keeps_the_slug_derived_property_and_user_code_compiles()
    {
        var valid = Clean("renamed.md");
        var broken = GeneratorHarness.Digest("renamed.md", valid.GetText().ToString()
            .Replace("title: Hot Papers 2021-06-21", "title: Hot Papers: 2020-07-03", StringComparison.Ordinal));
        var analysis = DigestKit.Engine.DigestEngine.Analyze(broken.Path, broken.GetText().ToString());
        Assert.Equal([DigestKit.Engine.DigestRules.YamlSyntax.Id], analysis.Diagnostics.Where(d => d.Severity == DigestKit.Engine.DigestSeverity.Error).Select(d => d.Id).Distinct());

        var harness = new GeneratorHarness
        {
            UserCode = "namespace TestApp { internal static class Program { public static object Read() => Digests.HotPapers20210621; } }",
        };
        foreach (var digest in new[] { valid, broken })
        {
            var (_, output) = harness.Generate([digest]);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var type = GeneratorHarness.Load(output, "TestApp.Digests");
            Assert.NotNull(type.GetProperty("HotPapers20210621"));
            Assert.Null(type.GetProperty("Renamed"));
        }
    }

    [Fact]
    public void DigestKitNamespace_overrides_RootNamespace_and_is_made_a_valid_namespace()
    {
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitNamespace"] = "My.Content-Data.class";
        harness.UserCode = "namespace TestApp { }";
        var type = harness.GenerateAndLoad([Clean()], "My.Content_Data.class.Digests");
        Assert.Single(GeneratorHarness.All(type));
    }

    [Fact]
    public void Without_any_namespace_property_Digests_is_in_the_global_namespace()
    {
        var harness = new GeneratorHarness();
        harness.GlobalOptions.Remove("build_property.RootNamespace");
        var type = harness.GenerateAndLoad([Clean()], "Digests");
        Assert.Single(GeneratorHarness.All(type));
    }

    [Fact]
    public void Property_names_come_from_slugs_are_valid_and_never_collide()
    {
        var texts = new[]
        {
            WithSlug("a.md", "hot-papers-2021-06-21", "2021-06-22T07:43:12.Z"),
            WithSlug("b.md", "hot_papers 2021/06/21", "2021-06-23T07:43:12.Z"),
            WithSlug("c.md", "all", "2021-06-24T07:43:12.Z"),
            WithSlug("d.md", "2021-06-21", "2021-06-25T07:43:12.Z"),
            WithSlug("e.md", "???", "2021-06-26T07:43:12.Z"),
            WithSlug("f.md", "to-string", "2021-06-27T07:43:12.Z"),
        };
        var type = new GeneratorHarness().GenerateAndLoad(texts);
        var all = GeneratorHarness.All(type);
        Assert.Equal(6, all.Count);
        string[] expected = ["HotPapers20210621", "HotPapers20210621_2", "All_2", "_20210621", "Digest", "ToString_2"];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Same(all[i], type.GetProperty(expected[i])!.GetValue(null));
        }

        Assert.Same(all[1], GeneratorHarness.Find(type, "hot_papers 2021/06/21"));
    }

    [Fact]
    public void All_is_ordered_by_date_whatever_the_file_order()
    {
        var texts = new[]
        {
            WithSlug("z.md", "late", "2021-07-01T00:00:00.Z"),
            WithSlug("a.md", "early", "2020-01-01T00:00:00.Z"),
            WithSlug("m.md", "middle", "2021-01-01T00:00:00.Z"),
        };
        var all = GeneratorHarness.All(new GeneratorHarness().GenerateAndLoad(texts));
        Assert.Equal(["early", "middle", "late"], all.Select(d => d.Slug));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false)]
    [InlineData(LanguageVersion.CSharp10, false)]
    [InlineData(LanguageVersion.CSharp11, true)]
    public void Consumers_before_CSharp_11_get_ordinary_literals_and_the_same_values(LanguageVersion version, bool u8)
    {
        var harness = new GeneratorHarness { LanguageVersion = version };
        var (run, output) = harness.Generate([Clean()]);
        Assert.All(run.Results.Single().GeneratedSources, s => Assert.Equal(u8, s.SourceText.ToString().Contains("\"u8")));
        var digest = Assert.Single(GeneratorHarness.All(GeneratorHarness.Load(output, "TestApp.Digests")));
        var analysis = DigestKit.Engine.DigestEngine.Analyze(Clean().Path, Clean().GetText().ToString());
        ReadBackTests.AssertSame(analysis.Document, digest);
    }

    [Fact]
    public void The_DigestKitDigest_metadata_decides_over_the_file_extension()
    {
        var md = Clean("notes.md");
        var txt = Clean("2021-06-21---Hot-Papers.txt");
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "TestApp" },
            new Dictionary<string, string> { [md.Path] = "false", [txt.Path] = "true" });
        var harness = new GeneratorHarness();
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new DigestKit.Analyzers.Generator.DigestGenerator().AsSourceGenerator()], [md, txt], harness.ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(harness.CreateCompilation(), out var output, out _);
        var digest = Assert.Single(GeneratorHarness.All(GeneratorHarness.Load(output, "TestApp.Digests")));
        Assert.EndsWith(".txt", digest.SourcePath);
    }

    [Theory]
    [InlineData("/project/content/a.md", "/project", "content/a.md")]
    [InlineData("/repo/content/a.md", "/repo/src/App", "../../content/a.md")]
    [InlineData("C:\\repo\\content\\a.md", "C:\\repo\\src\\App\\", "../../content/a.md")]
    [InlineData("/elsewhere/a.md", "/project", "/elsewhere/a.md")]
    [InlineData("/project/a.md", "", "/project/a.md")]
    public void SourcePath_is_relative_to_the_project(string path, string projectDir, string expected) =>
        Assert.Equal(expected, DigestKit.Analyzers.Generator.DigestSpecBuilder.RelativePath(path, projectDir));
}
