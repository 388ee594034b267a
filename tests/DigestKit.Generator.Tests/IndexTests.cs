using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The typed indexes (<c>Digests.Index</c>, <c>FindPaper</c>, <c>ByAuthor</c>, <c>InCategory</c>) over the 32 sample
/// digests, in both modes: the generator's literal index and the build task's pack section. Each expectation is
/// computed from the engine's own reading of the files.
/// </summary>
public sealed class IndexTests
{
    [Theory]
    [InlineData("Petar Veličković", "petar velickovic")]
    [InlineData("Petar Velickovic", "petar velickovic")]
    [InlineData("  PETAR   VELIČKOVIĆ ", "petar velickovic")]
    [InlineData("Paweł Łukasz", "pawel lukasz")]
    [InlineData("Søren Ørsted", "soren orsted")]
    [InlineData("Đorđe Đurić", "dorde duric")]
    [InlineData("Matthias Weiß", "matthias weiss")]
    [InlineData("Klaus-Robert Müller", "klaus robert muller")]
    [InlineData("J. R. R. Tolkien", "j r r tolkien")]
    [InlineData("Conan O’Brien", "conan obrien")]
    [InlineData("Ｆｕｌｌ Ｗｉｄｔｈ", "full width")]
    [InlineData("İlker Işık", "ilker isik")]
    [InlineData("Æsa Œrn Þór", "aesa oern thor")]
    [InlineData("", "")]
    public void Author_keys_fold_accents_special_letters_case_and_punctuation(string name, string key) =>
        Assert.Equal(key, IndexKeys.Author(name));

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character_rather_than_an_exception() =>
        Assert.Equal("\ufffdlone", IndexKeys.Author(new string(['\ud800', 'L', 'o', 'n', 'e'])));

    [Theory]
    [InlineData("2106.10155", "2106.10155", null)]
    [InlineData("2106.10155v2", "2106.10155", 2)]
    [InlineData(" arXiv:2106.10155V12 ", "2106.10155", 12)]
    [InlineData("hep-th/9901001v1", "hep-th/9901001", 1)]
    [InlineData("v2", "v2", null)]
    public void ArxivId_keys_drop_prefix_and_version(string id, string key, int? version)
    {
        Assert.Equal(key, IndexKeys.ArxivId(id));
        Assert.Equal(version, IndexKeys.ArxivVersion(id));
    }

    [Fact]
    public void Literal_mode_lookups_return_the_right_papers_and_decode_nothing_until_asked() =>
        AssertIndex(GeneratorHarness.All(new GeneratorHarness().GenerateAndLoad(SampleTexts())));

    [Fact]
    public void Resource_mode_lookups_read_the_packs_index_section_and_decode_nothing_until_asked()
    {
        var texts = SampleTexts();
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var (_, output) = harness.Generate(texts);
        // The blob files as the build task writes them: each digest's blob and its index fragment.
        var blobs = Specs(texts)
            .Select(spec => new KeyValuePair<string, byte[]>(spec.Key, System.Text.Encoding.UTF8.GetBytes(DigestBlobWriter.WriteDigestWithIndex(spec))))
            .ToList();
        var stream = new MemoryStream();
        DigestBlobWriter.WritePack(blobs, stream);
        var pack = stream.ToArray();
        var resources = new[]
        {
            new Microsoft.CodeAnalysis.ResourceDescription(DigestResources.PackResourceName, () => new MemoryStream(pack), isPublic: true),
        };
        AssertIndex(GeneratorHarness.All(GeneratorHarness.Load(output, "TestApp.Digests", resources)));
    }

    [Fact]
    public void Blobs_without_fragments_give_an_empty_index_not_an_error()
    {
        var spec = Specs(SampleTexts()).First();
        var stream = new MemoryStream();
        DigestBlobWriter.WritePack([new KeyValuePair<string, byte[]>(spec.Key, System.Text.Encoding.UTF8.GetBytes(DigestBlobWriter.WriteDigest(spec)))], stream);
        var data = DigestKit.Data.DigestData.Pin(stream.ToArray());
        var pack = DigestKit.Data.DigestPack.Read(data);
        var index = DigestKit.Data.IndexData.Read(data, pack.IndexStart, pack.IndexLength);
        Assert.Equal(0, index.Papers);
        Assert.Equal(0, index.Count(DigestKit.Data.IndexData.Authors));
    }

    private static MemoryText[] SampleTexts() =>
        TestPaths.AllSampleFiles
            .Select(f => GeneratorHarness.SampleFile(f, Path.ChangeExtension(Path.GetFileName(f), ".md")))
            .ToArray();

    private static List<DigestSpec> Specs(IEnumerable<MemoryText> texts) =>
        texts.Select(t => DigestSpecBuilder.Build(t.Path, t.GetText().ToString(), GeneratorHarness.ProjectDir).Spec!).ToList();

    private static void AssertIndex(IReadOnlyList<Digest> all)
    {
        var collection = Assert.IsType<DigestCollection>(all);
        var specs = Specs(SampleTexts());
        Assert.Equal(32, collection.Count);

        // One lookup by ID: the right rank and score of every appearance, without decoding a single digest.
        var index = collection.Index;
        var worldGan = index.FindPaper("2106.10155v1");
        Assert.NotNull(worldGan);
        Assert.Equal("2106.10155", worldGan!.ArxivId);
        var appearance = Assert.Single(worldGan.Appearances);
        Assert.Equal(1, appearance.Rank);
        Assert.Equal(10359, appearance.Score);
        Assert.Null(index.FindPaper("1999.99999"));
        Assert.Empty(index.ByAuthor("Nobody Atall"));
        Assert.Equal(0, collection.DecodedCount);

        // An author lookup folds accents: the sample spells him Veličković; still nothing decoded.
        var petar = index.FindAuthor("petar velickovic");
        Assert.NotNull(petar);
        Assert.Equal("Petar Veličković", petar!.Name);
        Assert.Equal(index.ByAuthor("PETAR VELIČKOVIĆ").Select(a => (a.DigestIndex, a.Rank)), petar.Papers.Select(a => (a.DigestIndex, a.Rank)));
        Assert.Equal(0, collection.DecodedCount);

        // Asking for the paper decodes its digest, and that one only.
        Assert.Equal("World-GAN: a Generative Model for Minecraft Worlds", appearance.Paper.Title);
        Assert.Equal(1, collection.DecodedCount);
        Assert.Same(collection[appearance.DigestIndex], appearance.Digest);

        // Every paper, author and category of the sample, as the engine read them.
        var expected = new List<(string Id, string Slug, int Rank, long Score, string[] Authors, string[] Categories)>();
        foreach (var spec in specs)
        {
            foreach (var p in spec.Papers)
            {
                expected.Add((p.ArxivId ?? string.Empty, spec.Slug, p.Rank, p.Retweets + p.Favorites, p.Authors.ToArray(), p.Categories.ToArray()));
            }
        }

        var ids = expected.Where(e => e.Id.Length > 0).GroupBy(e => IndexKeys.ArxivId(e.Id)).ToList();
        Assert.Equal(ids.Count, index.Papers.Count);
        Assert.Equal(ids.Select(g => g.Key).OrderBy(k => k, StringComparer.Ordinal), index.Papers.Select(p => p.Key));
        foreach (var group in ids)
        {
            var paper = index.FindPaper(group.First().Id);
            Assert.NotNull(paper);
            Assert.Equal(
                group.Select(e => (e.Slug, e.Rank, e.Score)).OrderBy(e => e.Slug).ThenBy(e => e.Rank),
                paper!.Appearances.Select(a => (a.Digest.Slug, a.Rank, a.Score)).OrderBy(e => e.Slug).ThenBy(e => e.Rank));
            Assert.All(paper.Appearances, a => Assert.Equal(group.Key, IndexKeys.ArxivId(a.Paper.ArxivId!)));
            // Oldest digest first.
            Assert.Equal(paper.Appearances.Select(a => a.DigestIndex).OrderBy(i => i), paper.Appearances.Select(a => a.DigestIndex));
        }

        var authors = expected.SelectMany(e => e.Authors.Select(IndexKeys.Author).Distinct().Select(k => (Key: k, Paper: e))).Where(a => a.Key.Length > 0)
            .GroupBy(a => a.Key).ToList();
        Assert.Equal(authors.Count, index.Authors.Count);
        Assert.Equal(authors.Select(g => g.Key).OrderBy(k => k, StringComparer.Ordinal), index.Authors.Select(a => a.Key));
        foreach (var group in authors)
        {
            var author = index.FindAuthor(group.Key)!;
            Assert.Equal(group.Count(), author.PaperCount);
            Assert.Equal(
                group.Select(a => (a.Paper.Slug, a.Paper.Rank)).OrderBy(e => e),
                author.Papers.Select(a => (a.Digest.Slug, a.Rank)).OrderBy(e => e));
        }

        var categories = expected.SelectMany(e => e.Categories.DistinctBy(IndexKeys.Category).Select(c => (Key: IndexKeys.Category(c), Name: c, Paper: e))).GroupBy(c => c.Key).ToList();
        Assert.Equal(categories.Select(g => g.Key).OrderBy(k => k, StringComparer.Ordinal), index.Categories.Select(c => c.Key));
        Assert.Contains(index.Categories, c => c.Name == "cs.LG");
        foreach (var group in categories)
        {
            Assert.Equal(group.Count(), index.InCategory(group.First().Name.ToUpperInvariant()).Count);
        }
    }
}
