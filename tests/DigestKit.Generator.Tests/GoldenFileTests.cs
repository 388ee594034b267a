using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The generated source for representative digests, pinned in Golden/. On a difference the test fails with a
/// line diff; to accept a deliberate change, run with DIGESTKIT_REGENERATE_GOLDEN=1 and review the diff in git.
/// </summary>
public sealed class GoldenFileTests
{
    private static string GoldenDir => Path.Combine(TestPaths.RepoRoot, "tests", "DigestKit.Generator.Tests", "Golden");

    /// <summary>
    /// The clean seed (10 papers, multi-tweet sections); the mis-encoded seed (embedded with warnings, non-ASCII
    /// text); a corpus post with no papers at all if the sample has one, else the shortest.
    /// </summary>
    [Theory]
    [InlineData("clean-seed", "2021-06-21---Hot-Papers.md")]
    [InlineData("misencoded-seed", "2021-05-07---Hot-Papers.md")]
    [InlineData("shortest-corpus-post", null)]
    public void Generated_digest_source_matches_its_golden_file(string name, string? fileName)
    {
        var source = name switch
        {
            "clean-seed" => TestPaths.CleanSeed,
            "misencoded-seed" => TestPaths.MisEncodedSeed,
            _ => Directory.GetFiles(TestPaths.CorpusDir, "*.md").OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).First(),
        };
        var text = GeneratorHarness.SampleFile(source, fileName);
        var (run, _) = new GeneratorHarness().Generate([text]);
        var generated = run.Results.Single().GeneratedSources.Single(s => s.HintName != "Digests.g.cs");
        AssertGolden(name + ".g.cs.txt", generated.SourceText.ToString());
    }

    [Fact]
    public void Generated_Digests_class_for_both_seeds_matches_its_golden_file()
    {
        var (run, _) = new GeneratorHarness().Generate(
        [
            GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md"),
            GeneratorHarness.SampleFile(TestPaths.MisEncodedSeed, "2021-05-07---Hot-Papers.md"),
        ]);
        AssertGolden("catalog.g.cs.txt", GeneratorHarness.GeneratedSource(run, "Digests.g.cs"));
    }

    /// <summary>
    /// Resource mode (the build task embedded the data): a <c>Digests</c> class that opens the pack resource, and
    /// one file per digest holding its property and no data.
    /// </summary>
    [Fact]
    public void Generated_sources_in_resource_mode_match_their_golden_files_and_hold_no_data()
    {
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var (run, _) = harness.Generate(
        [
            GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md"),
            GeneratorHarness.SampleFile(TestPaths.MisEncodedSeed, "2021-05-07---Hot-Papers.md"),
        ]);
        var digestFile = DigestKit.Analyzers.Generator.DigestEmitter.DigestHintName(
            DigestKit.Analyzers.Generator.Identifiers.DigestKey("content/2021-06-21---Hot-Papers.md"));
        Assert.Equal(3, run.Results.Single().GeneratedSources.Length);
        AssertGolden("catalog.resources.g.cs.txt", GeneratorHarness.GeneratedSource(run, "Digests.g.cs"));
        AssertGolden("clean-seed.resources.g.cs.txt", GeneratorHarness.GeneratedSource(run, digestFile));
    }

    internal static void AssertGolden(string fileName, string actual) => Golden.AssertMatches(GoldenDir, fileName, actual);
}
