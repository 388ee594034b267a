using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>Generated code in resource mode against packs it did not expect (the runtime on its own: tests/DigestKit.Tests).</summary>
public sealed class PackResourceTests
{
    private static byte[] Blob(DigestSpec spec) => TestBlobs.Blob(spec);

    private static DigestSpec Spec(string slug) => TestBlobs.Spec(slug);

    private static byte[] Pack(params (string Key, byte[] Blob)[] blobs) => TestBlobs.Pack(blobs);

    [Fact]
    public void Digests_are_found_by_key_when_the_pack_holds_one_the_catalog_does_not()
    {
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var texts = new[]
        {
            GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md"),
            GeneratorHarness.SampleFile(TestPaths.MisEncodedSeed, "2021-05-07---Hot-Papers.md"),
        };
        var (_, output) = harness.Generate(texts);
        var blobs = texts
            .Select(t => DigestSpecBuilder.Build(t.Path, t.GetText().ToString(), GeneratorHarness.ProjectDir).Spec!)
            .Select(spec => (spec.Key, Blob(spec)))
            .Append(("0_extra_digest_the_generator_never_saw", Blob(Spec("extra"))))
            .ToArray();
        var pack = Pack(blobs);
        var type = GeneratorHarness.Load(output, "TestApp.Digests",
            [new Microsoft.CodeAnalysis.ResourceDescription(DigestResources.PackResourceName, () => new MemoryStream(pack), isPublic: true)]);
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21"], GeneratorHarness.All(type).Select(d => d.Slug));
    }

    [Fact]
    public void A_digest_missing_from_the_pack_fails_on_access_with_a_message_naming_it()
    {
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var (_, output) = harness.Generate([GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md")]);
        var empty = Pack();
        var type = GeneratorHarness.Load(output, "TestApp.Digests",
            [new Microsoft.CodeAnalysis.ResourceDescription(DigestResources.PackResourceName, () => new MemoryStream(empty), isPublic: true)]);
        var all = GeneratorHarness.All(type);
        var count = all.Count; // from the catalog alone: the pack is not opened yet
        Assert.Equal(1, count);
        var ex = Assert.Throws<InvalidOperationException>(() => all[0]);
        Assert.Contains("'2021_06_21_Hot_Papers_", ex.Message);
        Assert.Contains("rebuild the project", ex.Message);
    }

    [Fact]
    public void A_corrupt_pack_fails_on_first_access_with_an_InvalidDataException_naming_the_resource_and_assembly()
    {
        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var text = GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md");
        var (_, output) = harness.Generate([text]);
        var spec = DigestSpecBuilder.Build(text.Path, text.GetText().ToString(), GeneratorHarness.ProjectDir).Spec!;
        var pack = Pack((spec.Key, Blob(spec)));
        pack[pack.Length / 2] ^= 0x04; // one bit in the middle of the data
        var type = GeneratorHarness.Load(output, "TestApp.Digests",
            [new Microsoft.CodeAnalysis.ResourceDescription(DigestResources.PackResourceName, () => new MemoryStream(pack), isPublic: true)]);
        var all = GeneratorHarness.All(type);
        var ex = Assert.Throws<InvalidDataException>(() => all[0]);
        Assert.StartsWith("DigestKit: the resource '" + DigestResources.PackResourceName + "' in " + type.Assembly.GetName().Name + " is corrupt: its checksum is ", ex.Message);
        Assert.EndsWith("; rebuild the project.", ex.Message);
    }
}
