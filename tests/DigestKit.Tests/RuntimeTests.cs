using System.Text;
using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Tests;

/// <summary>The runtime library on its own: decoding, laziness, and refusing data it does not understand.</summary>
public sealed class RuntimeTests
{
    private static byte[] Blob(DigestSpec spec) => TestBlobs.Blob(spec);

    private static DigestSpec Spec(string slug, int papers = 2) => TestBlobs.Spec(slug, papers);

    private static byte[] Pack(params (string Key, byte[] Blob)[] blobs) => TestBlobs.Pack(blobs);

    [Fact]
    public void Each_digest_is_decoded_once_on_first_access_and_Find_decodes_no_other()
    {
        var created = new int[3];
        var slugs = new[] { "a", "b", "c" };
        var collection = new DigestCollection(3, i =>
        {
            Interlocked.Increment(ref created[i]);
            return Digest.FromUtf8(Blob(Spec(slugs[i])));
        }, Encoding.UTF8.GetBytes(DigestBlobWriter.WriteCatalog(slugs.Select(s => new KeyValuePair<string, string>(s, "k" + s)).ToList())));

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

    [Fact]
    public void Each_field_of_a_paper_is_decoded_once_even_when_threads_race_on_first_access()
    {
        var spec = Spec("a", papers: 3);
        var digest = Digest.FromUtf8(Blob(spec));
        var papers = new Paper[64][];
        Parallel.For(0, 64, i => papers[i] = digest.Papers.ToArray());
        Assert.All(papers, p => Assert.Equal(papers[0], p)); // the same Paper instances
        var paper = digest.Papers[2];
        var titles = new string[64];
        var authors = new IReadOnlyList<string>[64];
        var categories = new IReadOnlyList<string>[64];
        var tweets = new IReadOnlyList<Tweet>[64];
        Parallel.For(0, 64, i =>
        {
            titles[i] = paper.Title;
            authors[i] = paper.Authors;
            categories[i] = paper.Categories;
            tweets[i] = paper.Tweets;
        });
        Assert.All(titles, t => Assert.Same(titles[0], t));
        Assert.All(authors, a => Assert.Same(authors[0], a));
        Assert.All(categories, c => Assert.Same(categories[0], c));
        Assert.All(tweets, t => Assert.Same(tweets[0], t));
        Assert.Equal("P3", paper.Title);
        Assert.Equal(3, paper.Rank);
        Assert.Equal(15, paper.Score);
    }

    [Fact]
    public void An_author_list_knows_its_count_before_its_names_are_read_and_behaves_as_a_list()
    {
        var spec = Spec("a") with
        {
            Papers = new[]
            {
                new PaperSpec
                {
                    Rank = 1, Title = "T", Authors = new[] { "Ada", "Bo Ž", "\uD800 lone" }.ToEquatableArray(), Retweets = 1, Favorites = 2,
                    MeasuredAt = null, ArxivId = null, AbsUrl = "abs", PdfUrl = "pdf", Categories = EquatableArray<string>.Empty, Abstract = "",
                    Tweets = EquatableArray<TweetSpec>.Empty,
                },
            }.ToEquatableArray(),
        };
        var paper = Digest.FromUtf8(Blob(spec)).Papers.Single();
        Assert.Equal(3, paper.Authors.Count);
        Assert.Equal("Bo Ž", paper.Authors[1]);
        Assert.Equal(["Ada", "Bo Ž", "\uD800 lone"], paper.Authors);
        Assert.Equal(["Ada", "Bo Ž", "\uD800 lone"], paper.Authors.ToList());
        Assert.Throws<IndexOutOfRangeException>(() => paper.Authors[3]);
        Assert.Empty(paper.Tweets);
        Assert.Empty(paper.Categories);
        Assert.Equal(string.Empty, paper.Abstract);
    }

    public static TheoryData<DateTime?> MeasuredTimes => new()
    {
        null,
        new DateTime(2021, 6, 21, 7, 43, 12),
        new DateTime(2021, 6, 21, 7, 43, 12, DateTimeKind.Utc),
        new DateTime(2021, 6, 21, 7, 43, 12, DateTimeKind.Local),
        DateTime.MinValue,
        new DateTime(DateTime.MaxValue.Ticks, DateTimeKind.Local),
        new DateTime(DateTime.MaxValue.Ticks, DateTimeKind.Utc),
    };

    [Theory]
    [MemberData(nameof(MeasuredTimes))]
    public void A_paper_keeps_when_it_was_measured_with_its_kind_or_no_time(DateTime? measuredAt)
    {
        var spec = Spec("a");
        spec = spec with { Papers = new[] { spec.Papers[0] with { MeasuredAt = measuredAt } }.ToEquatableArray() };
        var paper = Digest.FromUtf8(Blob(spec)).Papers.Single();
        Assert.Equal(measuredAt, paper.MeasuredAt);
        Assert.Equal(measuredAt?.Kind, paper.MeasuredAt?.Kind);
    }

    [Fact]
    public void A_pack_holds_each_blob_at_its_slot_in_key_order_with_every_front_before_every_cold_part()
    {
        var a = Blob(Spec("a"));
        var b = Blob(Spec("b", papers: 1));
        var read = DigestKit.Data.DigestPack.Read(DigestKit.Data.DigestData.Pin(Pack(("kb", b), ("ka", a))));
        Assert.Equal(2, read.Count);
        Assert.True(Find(read, 1, "kb", out var second));
        var digest = read.Decode(second);
        Assert.Equal("b", digest.Slug);
        Assert.Equal("abstract 1", Assert.Single(digest.Papers).Abstract);
        Assert.True(Find(read, 0, "ka", out var first));
        Assert.Equal(["P1", "P2"], read.Decode(first).Papers.Select(p => p.Title));
        Assert.Equal(["abstract 1", "abstract 2"], read.Decode(first).Papers.Select(p => p.Abstract));
        Assert.True(first.FrontEnd <= second.FrontStart && second.FrontEnd <= first.ColdStart && first.ColdEnd <= second.ColdStart);

        // A wrong slot (the generator and the task disagreed on which digests embed) still finds the key; a key the
        // pack does not hold is not found.
        Assert.True(Find(read, 0, "kb", out var found));
        Assert.Equal(second, found);
        Assert.True(Find(read, 7, "ka", out found));
        Assert.Equal(first, found);
        Assert.False(Find(read, 0, "kc", out _));
        Assert.Throws<ArgumentException>(() => Pack(("ka", a), ("ka", a)));
        Assert.Throws<ArgumentException>(() => Pack(("ka", Encoding.UTF8.GetBytes("DK3;|1:x"))));
    }

    [Fact]
    public void A_pack_that_is_not_one_or_points_outside_itself_is_refused_with_a_clear_exception()
    {
        var pack = Pack(("ka", Blob(Spec("a"))));
        var foreign = (byte[])pack.Clone();
        foreign[3] = (byte)'1';
        var tooMany = (byte[])pack.Clone();
        tooMany[5] = 0x7F;
        Assert.StartsWith("DigestKit:", Assert.Throws<InvalidDataException>(() => DigestKit.Data.DigestPack.Read(DigestKit.Data.DigestData.Pin(foreign))).Message);
        Assert.StartsWith("DigestKit:", Assert.Throws<InvalidDataException>(() => DigestKit.Data.DigestPack.Read(DigestKit.Data.DigestData.Pin(tooMany))).Message);
        // A pack pointing outside itself: PackChecksumTests (its checksum must be made right for the bounds to be reached).
    }

    private static unsafe bool Find(DigestKit.Data.DigestPack pack, int slot, string key, out DigestKit.Data.DigestRange range)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        fixed (byte* p = bytes)
        {
            return pack.TryFind(slot, p, bytes.Length, out range);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("DK1;|1:a")]
    [InlineData("DK3;|1:a")]
    [InlineData("DK3;|99:short")]
    [InlineData("DK3;1:a")]
    [InlineData("DK3;|1:a|1:b")]
    public void Corrupt_or_foreign_data_is_refused_with_a_clear_exception(string data)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Digest.FromString(data));
        Assert.StartsWith("DigestKit:", ex.Message);
    }
}
