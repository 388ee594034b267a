using System.Text;
using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;

namespace DigestKit.Tests;

/// <summary>Data as the generator and the build task write it (also linked into DigestKit.Generator.Tests).</summary>
internal static class TestBlobs
{
    public static byte[] Blob(DigestSpec spec) => Encoding.UTF8.GetBytes(DigestBlobWriter.WriteDigest(spec));

    public static DigestSpec Spec(string slug, int papers = 2) => new(
        "k", "content/" + slug + ".md", "T", new DateTime(2021, 6, 22), "post", false, slug, "arXiv",
        new[] { "arXiv" }.ToEquatableArray(), "d", "/i.jpg",
        Enumerable.Range(1, papers).Select(i => new PaperSpec(
            i, "P" + i, new[] { "A" }.ToEquatableArray(), 10, 5, null, null, "abs", "pdf", EquatableArray<string>.Empty,
            "abstract " + i, new[] { new TweetSpec("N", "h", 1, "u", null, "t", "<b>", null) }.ToEquatableArray())).ToEquatableArray());

    /// <summary>The pack of the sample posts (tests/Data), each with its index fragment, as the build task writes it.</summary>
    public static byte[] SamplePack() => Pack(TestPaths.AllSampleFiles
        .Select(f => DigestSpecBuilder.Build(f, File.ReadAllText(f), Path.GetDirectoryName(f)!).Spec!)
        .Select(spec => (spec.Key, Encoding.UTF8.GetBytes(DigestBlobWriter.WriteDigestWithIndex(spec))))
        .ToArray());

    /// <summary>A pack as the build task writes it.</summary>
    public static byte[] Pack(params (string Key, byte[] Blob)[] blobs)
    {
        var stream = new MemoryStream();
        DigestBlobWriter.WritePack(blobs.Select(b => new KeyValuePair<string, byte[]>(b.Key, b.Blob)).ToList(), stream);
        return stream.ToArray();
    }
}
