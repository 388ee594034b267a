using System.Text;
using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;

namespace DigestKit.Tests;

/// <summary>Data as the generator and the build task write it (also linked into DigestKit.Generator.Tests).</summary>
internal static class TestBlobs
{
    public static byte[] Blob(DigestSpec spec) => Encoding.UTF8.GetBytes(DigestBlobWriter.WriteDigest(spec));

    public static DigestSpec Spec(string slug, int papers = 2) => new()
    {
        Key = "k", SourcePath = "content/" + slug + ".md", Title = "T", Date = new DateTime(2021, 6, 22), Template = "post", Draft = false,
        Slug = slug, Category = "arXiv", Tags = new[] { "arXiv" }.ToEquatableArray(), Description = "d", SocialImage = "/i.jpg",
        Papers = Enumerable.Range(1, papers).Select(i => new PaperSpec
        {
            Rank = i, Title = "P" + i, Authors = new[] { "A" }.ToEquatableArray(), Retweets = 10, Favorites = 5, MeasuredAt = null,
            ArxivId = null, AbsUrl = "abs", PdfUrl = "pdf", Categories = EquatableArray<string>.Empty, Abstract = "abstract " + i,
            Tweets = new[]
            {
                new TweetSpec { AuthorName = "N", Handle = "h", StatusId = 1, Url = "u", Date = null, Text = "t", Html = "<b>", Language = null },
            }.ToEquatableArray(),
        }).ToEquatableArray(),
    };

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
