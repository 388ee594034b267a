using DigestKit.Engine;
using DigestKit.Tests;
using EnginePaper = DigestKit.Engine.Paper;

namespace DigestKit.Generator.Tests;

/// <summary>The seeds and the corpus sample, generated, compiled without warnings, loaded and read back.</summary>
public sealed class ReadBackTests
{
    private static MemoryText[] SampleTexts() =>
        TestPaths.AllSampleFiles
            .Select(f => GeneratorHarness.SampleFile(f, Path.ChangeExtension(Path.GetFileName(f), ".md")))
            .ToArray();

    [Fact]
    public void Every_sample_digest_compiles_without_warnings_and_reads_back_every_value()
    {
        var texts = SampleTexts();
        Assert.Equal(32, texts.Length);
        var analyses = texts.Select(t => DigestEngine.Analyze(t.Path, t.GetText().ToString())).ToList();
        var embeddable = analyses.Where(a => !a.HasErrors && a.Document.FrontMatter is not null).ToList();
        // The sample is real, valid posts: all of them must embed, or this test would check little.
        Assert.Equal(texts.Length, embeddable.Count);

        var digests = GeneratorHarness.All(new GeneratorHarness().GenerateAndLoad(texts));
        Assert.Equal(embeddable.Count, digests.Count);

        // All is ordered by date.
        Assert.Equal(digests.OrderBy(d => d.Date).Select(d => d.Slug), digests.Select(d => d.Slug));

        foreach (var analysis in embeddable)
        {
            var expectedPath = "content/" + Path.GetFileName(analysis.Document.Path);
            var digest = Assert.Single(digests, d => d.SourcePath == expectedPath);
            AssertSame(analysis.Document, digest);
            ReflectiveReadBack.AssertSame(analysis.Document, digest);
        }

        Assert.Equal(analyses.Sum(a => a.Document.Papers.Count), digests.Sum(d => d.Papers.Count));
        Assert.Equal(analyses.Sum(a => a.Document.Papers.Sum(p => p.Tweets.Count)), digests.Sum(d => d.Papers.Sum(p => p.Tweets.Count)));
        Assert.Equal(analyses.Sum(a => a.Document.Papers.Sum(p => p.Authors.Count)), digests.Sum(d => d.Papers.Sum(p => p.Authors.Count)));
    }

    /// <summary>
    /// Resource mode: the data embedded as manifest resources exactly as the build task writes them (same spec
    /// builder, blob writer and names), the generated accessors open them, and every value reads back.
    /// </summary>
    [Fact]
    public void Every_sample_digest_reads_back_every_value_from_resources_in_resource_mode()
    {
        var texts = SampleTexts();
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var (_, output) = harness.Generate(texts);
        // The pack as the build task writes it: the index, then each blob's bytes.
        var blobs = texts
            .Select(t => DigestKit.Analyzers.Generator.DigestSpecBuilder.Build(t.Path, t.GetText().ToString(), GeneratorHarness.ProjectDir).Spec!)
            .Select(spec => new KeyValuePair<string, byte[]>(spec.Key, System.Text.Encoding.UTF8.GetBytes(DigestKit.Analyzers.Generator.DigestBlobWriter.WriteDigest(spec))))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .ToList();
        var stream = new MemoryStream();
        DigestKit.Analyzers.Generator.DigestBlobWriter.WritePack(blobs, stream);
        var pack = stream.ToArray();
        var resources = new[]
        {
            new Microsoft.CodeAnalysis.ResourceDescription(DigestKit.Analyzers.Generator.DigestResources.PackResourceName, () => new MemoryStream(pack), isPublic: true),
        };
        var digests = GeneratorHarness.All(GeneratorHarness.Load(output, "TestApp.Digests", resources));
        Assert.Equal(texts.Length, digests.Count);
        Assert.Equal(digests.OrderBy(d => d.Date).Select(d => d.Slug), digests.Select(d => d.Slug));
        foreach (var text in texts)
        {
            var analysis = DigestEngine.Analyze(text.Path, text.GetText().ToString());
            var digest = Assert.Single(digests, d => d.SourcePath == "content/" + Path.GetFileName(text.Path));
            AssertSame(analysis.Document, digest);
            ReflectiveReadBack.AssertSame(analysis.Document, digest);
        }
    }

    /// <summary>
    /// The reflective comparison covers both sides: each public property of the runtime types has an engine value, and
    /// each engine property is read back or declared not embedded (see <see cref="ReflectiveReadBack"/>).
    /// </summary>
    [Fact]
    public void Every_runtime_property_and_every_engine_property_is_covered_by_the_read_back()
    {
        ReflectiveReadBack.AssertEveryPropertyIsCovered();
    }

    [Fact]
    public void Known_values_of_the_clean_seed_read_back()
    {
        var type = new GeneratorHarness().GenerateAndLoad([GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md")]);
        var digest = Assert.Single(GeneratorHarness.All(type));
        Assert.Same(digest, GeneratorHarness.Find(type, "hot-papers-2021-06-21"));
        Assert.Same(digest, type.GetProperty("HotPapers20210621")!.GetValue(null));
        Assert.Null(GeneratorHarness.Find(type, "hot-papers-1999-01-01"));
        Assert.Equal("Hot Papers 2021-06-21", digest.Title);
        Assert.Equal(new DateTime(2021, 6, 22, 7, 43, 12), digest.Date);
        Assert.Equal(["arXiv", "Twitter", "Machine Learning", "Computer Science"], digest.Tags);
        Assert.Equal("content/2021-06-21---Hot-Papers.md", digest.SourcePath);
        var first = digest.Papers[0];
        Assert.Equal(1, first.Rank);
        Assert.Equal("World-GAN: a Generative Model for Minecraft Worlds", first.Title);
        Assert.Equal(["Maren Awiszus", "Frederik Schubert", "Bodo Rosenhahn"], first.Authors);
        Assert.Equal(9936, first.Retweets);
        Assert.Equal(423, first.Favorites);
        Assert.Equal(10359, first.Score);
        Assert.Equal("2106.10155", first.ArxivId);
        Assert.Equal("https://arxiv.org/pdf/2106.10155", first.PdfUrl);
        Assert.Equal(["cs.LG", "cs.CV", "cs.NE"], first.Categories);
        Assert.StartsWith("This work introduces World-GAN", first.Abstract);
        var tweet = Assert.Single(first.Tweets);
        Assert.Equal("ak92501", tweet.Handle);
        Assert.Equal(1406794228320120833, tweet.StatusId);
        Assert.Equal(10, digest.Papers.Count);
    }

    internal static void AssertSame(DigestDocument expected, Digest actual)
    {
        var fm = expected.FrontMatter!;
        Assert.Equal(fm.Title?.Value, actual.Title);
        Assert.Equal(fm.Date?.Value, actual.Date);
        Assert.Equal(fm.Template?.Value, actual.Template);
        Assert.Equal(fm.Draft?.Value, actual.Draft);
        Assert.Equal(fm.Slug?.Value, actual.Slug);
        Assert.Equal(fm.Category?.Value, actual.Category);
        Assert.Equal(fm.Tags!.Value.Value.Select(t => t.Value), actual.Tags);
        Assert.Equal(fm.Description?.Value, actual.Description);
        Assert.Equal(fm.SocialImage?.Value, actual.SocialImage);
        Assert.Equal(expected.Papers.Count, actual.Papers.Count);
        for (var i = 0; i < expected.Papers.Count; i++)
        {
            AssertSame(expected.Papers[i], actual.Papers[i]);
        }
    }

    private static void AssertSame(EnginePaper expected, DigestKit.Paper actual)
    {
        Assert.Equal(expected.Rank!.Value.Value, actual.Rank);
        Assert.Equal(expected.Title.Value, actual.Title);
        Assert.Equal(expected.Authors.Select(a => a.Value), actual.Authors);
        Assert.Equal(expected.Metrics!.Retweets!.Value.Value, actual.Retweets);
        Assert.Equal(expected.Metrics!.Favorites!.Value.Value, actual.Favorites);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Metrics.MeasuredAt, actual.MeasuredAt);
        Assert.Equal(expected.ArxivId?.ToString(), actual.ArxivId);
        Assert.Equal(expected.Links!.Abs!.Value.Url.Value, actual.AbsUrl);
        Assert.Equal(expected.Links!.Pdf!.Value.Url.Value, actual.PdfUrl);
        Assert.Equal(expected.Categories.Select(c => c.Label.Value), actual.Categories);
        Assert.Equal(expected.Abstract?.Value ?? "", actual.Abstract);
        Assert.Equal(expected.Tweets.Count, actual.Tweets.Count);
        for (var i = 0; i < expected.Tweets.Count; i++)
        {
            var e = expected.Tweets[i];
            var a = actual.Tweets[i];
            Assert.Equal(e.AuthorName?.Value ?? "", a.AuthorName);
            Assert.Equal(e.Handle?.Value ?? "", a.Handle);
            Assert.Equal(e.StatusId, a.StatusId);
            Assert.Equal(e.StatusUrl?.Value ?? "", a.Url);
            Assert.Equal(e.Date, a.Date);
            Assert.Equal(e.Text, a.Text);
            Assert.Equal(e.Html, a.Html);
            Assert.Equal(e.Language, a.Language);
        }
    }
}
