using System.Text;
using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;

namespace DigestKit.Generator.Tests;

/// <summary>The runtime library on its own: decoding, laziness, and refusing data it does not understand.</summary>
public sealed class RuntimeTests
{
    private static byte[] Blob(DigestSpec spec) => Encoding.UTF8.GetBytes(DigestBlobWriter.WriteDigest(spec));

    private static DigestSpec Spec(string slug, int papers = 2) => new(
        "k", "content/" + slug + ".md", "T", new DateTime(2021, 6, 22), "post", false, slug, "arXiv",
        new[] { "arXiv" }.ToEquatableArray(), "d", "/i.jpg",
        Enumerable.Range(1, papers).Select(i => new PaperSpec(
            i, "P" + i, new[] { "A" }.ToEquatableArray(), 10, 5, null, null, "abs", "pdf", EquatableArray<string>.Empty,
            "abstract " + i, new[] { new TweetSpec("N", "h", 1, "u", null, "t", "<b>", null) }.ToEquatableArray())).ToEquatableArray());

    [Fact]
    public void Each_digest_is_decoded_once_on_first_access_and_Find_decodes_no_other()
    {
        var created = new int[3];
        var slugs = new[] { "a", "b", "c" };
        var collection = new DigestCollection(3, i =>
        {
            Interlocked.Increment(ref created[i]);
            return Digest.FromUtf8(Blob(Spec(slugs[i])));
        }, Encoding.UTF8.GetBytes(DigestBlobWriter.WriteSlugs(slugs)));

        Assert.Equal([0, 0, 0], created);
        Assert.Equal("b", collection.Find("b")!.Slug);
        Assert.Equal([0, 1, 0], created);
        Assert.Same(collection[1], collection.Find("b"));
        Parallel.For(0, 64, _ => Assert.Equal(3, collection.Count(d => d is not null)));
        Assert.All(created, c => Assert.InRange(c, 1, 64));
        var first = collection[0];
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Same(first, collection[0]));
        Assert.Null(collection.Find("z"));
        Assert.Throws<ArgumentOutOfRangeException>(() => collection[3]);
    }

    [Fact]
    public void Abstracts_and_tweets_decode_on_demand_and_are_kept()
    {
        var digest = Digest.FromUtf8(Blob(Spec("a")));
        var paper = digest.Papers[1];
        Assert.Equal(15, paper.Score);
        Assert.Same(paper.Abstract, paper.Abstract);
        Assert.Equal("abstract 2", paper.Abstract);
        Assert.Same(paper.Tweets, paper.Tweets);
        Assert.Equal("<b>", Assert.Single(paper.Tweets).Html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DK2;|1:a")]
    [InlineData("DK1;|99:short")]
    [InlineData("DK1;1:a")]
    [InlineData("DK1;|1:a|1:b")]
    public void Corrupt_or_foreign_data_is_refused_with_a_clear_exception(string data)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Digest.FromString(data));
        Assert.StartsWith("DigestKit:", ex.Message);
    }
}
