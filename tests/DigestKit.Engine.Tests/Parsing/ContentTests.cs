using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>The repository's own content/, which HotPapers embeds: the two seeds, repaired, with no diagnostic at all.</summary>
public class ContentTests
{
    private static string ContentDir => Path.Combine(TestPaths.RepoRoot, "content");

    [Fact]
    public void Content_holds_the_two_seeds_named_like_the_blogs_files()
    {
        var names = Directory.GetFiles(ContentDir, "*.md").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(["2021-05-07---Hot-Papers.md", "2021-06-21---Hot-Papers.md"], names);
    }

    [Fact]
    public void Every_content_digest_is_free_of_diagnostics()
    {
        foreach (var file in Directory.GetFiles(ContentDir, "*.md"))
        {
            var analysis = DigestEngine.Analyze(file, File.ReadAllText(file));
            Assert.True(analysis.Diagnostics.Count == 0, string.Join("\n", analysis.Diagnostics));
        }
    }

    [Fact]
    public void The_repaired_seed_differs_from_the_original_only_where_text_was_mis_encoded()
    {
        var original = File.ReadAllText(TestPaths.MisEncodedSeed);
        var repaired = File.ReadAllText(Path.Combine(ContentDir, "2021-05-07---Hot-Papers.md"));

        Assert.Equal(DigestKit.Engine.Text.Mojibake.Repair(original), repaired);
        Assert.Contains("Petar Veličković", repaired);
        Assert.Equal(File.ReadAllText(TestPaths.CleanSeed), File.ReadAllText(Path.Combine(ContentDir, "2021-06-21---Hot-Papers.md")));
    }
}
