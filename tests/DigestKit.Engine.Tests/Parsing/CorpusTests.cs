using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>The real posts: everything in them reaches the model, with no error.</summary>
public class CorpusTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.AllSampleFiles)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string PathOf(string name) =>
        TestPaths.AllSampleFiles.Single(f => Path.GetFileName(f) == name);

    [Fact]
    public void The_sample_holds_the_two_seeds_and_thirty_posts()
    {
        Assert.Equal(32, TestPaths.AllSampleFiles.Count);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_sample_file_parses_without_an_error(string name)
    {
        var analysis = DigestEngine.Analyze(name, File.ReadAllText(PathOf(name)));

        Assert.DoesNotContain(analysis.Diagnostics, d => d.Severity == DigestSeverity.Error);
        Assert.NotNull(analysis.Document.FrontMatter);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_paper_author_link_category_and_tweet_is_in_the_model(string name)
    {
        var text = File.ReadAllText(PathOf(name));
        var document = DigestEngine.Analyze(name, text).Document;
        var expected = CountByLines(text);

        Assert.Equal(expected.Papers, document.Papers.Count);
        Assert.Equal(expected.Authors, document.Papers.Sum(p => p.Authors.Count));
        Assert.Equal(expected.Categories, document.Papers.Sum(p => p.Categories.Count));
        Assert.Equal(expected.Tweets, document.Papers.Sum(p => p.Tweets.Count));
        Assert.Equal(expected.Papers, document.Papers.Count(p => p.Links?.Abs != null && p.Links.Pdf != null && p.ArxivId != null));
        Assert.All(document.Papers, p => Assert.NotNull(p.Metrics?.MeasuredAt));
        Assert.All(document.Papers.SelectMany(p => p.Tweets), t =>
        {
            Assert.NotNull(t.StatusId);
            Assert.NotNull(t.Handle);
            Assert.NotNull(t.AuthorName);
            Assert.NotNull(t.Date);
            Assert.NotEqual(string.Empty, t.Text);
        });
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_span_lies_inside_the_text_and_covers_its_value(string name)
    {
        var text = File.ReadAllText(PathOf(name));
        var document = DigestEngine.Analyze(name, text).Document;

        foreach (var paper in document.Papers)
        {
            AssertCovers(text, paper.Title);
            Assert.All(paper.Authors, a => AssertCovers(text, a));
            AssertCovers(text, paper.Metrics!.TimestampText!.Value);
            Assert.Equal(paper.Metrics.Retweets!.Value.Value.ToString(), Slice(text, paper.Metrics.Retweets.Value.Span));
            AssertCovers(text, paper.Links!.Abs!.Value.Url);
            Assert.Equal(paper.ArxivId!.ToString(), Slice(text, paper.ArxivId.Span));
            Assert.All(paper.Categories, c => AssertCovers(text, c.Label));
            foreach (var tweet in paper.Tweets)
            {
                Assert.Equal(tweet.Html, Slice(text, tweet.Span));
                AssertCovers(text, tweet.Handle!.Value);
                AssertCovers(text, tweet.DateText!.Value);
            }
        }
    }

    [Fact]
    public void A_paper_of_the_first_seed_reads_field_by_field()
    {
        var text = File.ReadAllText(TestPaths.CleanSeed);
        var document = DigestEngine.Analyze("seed.md", text).Document;
        var front = document.FrontMatter!;
        var paper = document.Papers[1];

        Assert.Equal("Hot Papers 2021-06-21", front.Title!.Value.Value);
        Assert.Equal(new DateTime(2021, 6, 22, 7, 43, 12), front.Date!.Value.Value);
        Assert.Equal(DateTimeKind.Unspecified, front.Date.Value.Value.Kind);
        Assert.Equal("post", front.Template!.Value.Value);
        Assert.False(front.Draft!.Value.Value);
        Assert.Equal("hot-papers-2021-06-21", front.Slug!.Value.Value);
        Assert.Equal(["arXiv", "Twitter", "Machine Learning", "Computer Science"], front.Tags!.Value.Value.Select(t => t.Value));
        Assert.Equal("/media/flying-marine.jpg", front.SocialImage!.Value.Value);
        Assert.Equal(9, front.Entries.Count);

        Assert.Equal(2, paper.Rank!.Value.Value);
        Assert.Equal("Distributed Deep Learning in Open Collaborations", paper.Title.Value);
        Assert.Equal(16, paper.Authors.Count);
        Assert.Equal("Michael Diskin", paper.Authors[0].Value);
        Assert.Equal("Gennady Pekhimenko", paper.Authors[15].Value);
        Assert.Equal(4852, paper.Metrics!.Retweets!.Value.Value);
        Assert.Equal(338, paper.Metrics.Favorites!.Value.Value);
        Assert.Equal(new DateTime(2021, 6, 22, 7, 43, 13), paper.Metrics.MeasuredAt);
        Assert.Equal("2106.10207", paper.ArxivId!.Id);
        Assert.Equal((2021, 6, "10207", (int?)null), (paper.ArxivId.Year, paper.ArxivId.Month, paper.ArxivId.Number, paper.ArxivId.Version));
        Assert.Equal("https://arxiv.org/pdf/2106.10207", paper.Links!.Pdf!.Value.Url.Value);
        Assert.Equal(["cs.LG", "cs.DC"], paper.Categories.Select(c => c.UrlCategory!));
        Assert.StartsWith("Modern deep learning applications require", paper.Abstract!.Value.Value);
        Assert.EndsWith("with 40 participants.", paper.Abstract.Value.Value);

        var tweet = paper.Tweets[0];
        Assert.Equal("Hugging Face", tweet.AuthorName!.Value.Value);
        Assert.Equal("huggingface", tweet.Handle!.Value.Value);
        Assert.Equal(1406992677682438144, tweet.StatusId);
        Assert.Equal("https://twitter.com/huggingface/status/1406992677682438144?ref_src=twsrc%5Etfw", tweet.StatusUrl!.Value.Value);
        Assert.Equal("June 21, 2021", tweet.DateText!.Value.Value);
        Assert.Equal(new DateTime(2021, 6, 21), tweet.Date);
        Assert.Equal("en", tweet.Language);
        Assert.StartsWith("What if we could mutualize everyone's compute? 🤯🤯🤯\nSuper proud", tweet.Text);
        Assert.EndsWith("📰 https://t.co/kdiuPmpaPv pic.twitter.com/ymEmU6UtYU", tweet.Text);
        Assert.Contains("everyone&#39;s", tweet.Html);
    }

    [Fact]
    public void Positions_are_the_lines_and_columns_an_editor_shows()
    {
        var text = File.ReadAllText(TestPaths.CleanSeed);
        var paper = DigestEngine.Analyze("seed.md", text).Document.Papers[1];

        // "# 2. Distributed Deep Learning…" is line 35; "- retweets: 4852" is line 39.
        Assert.Equal((35, 1), (paper.HeadingSpan.Line, paper.HeadingSpan.Column));
        Assert.Equal((35, 6), (paper.Title.Span.Line, paper.Title.Span.Column));
        Assert.Equal((39, 13, 4), (paper.Metrics!.Retweets!.Value.Span.Line, paper.Metrics.Retweets.Value.Span.Column, paper.Metrics.Retweets.Value.Span.Length));
    }

    [Fact]
    public void A_title_keeps_its_TeX_and_double_spaces_and_has_a_normalised_form()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.CorpusDir, "2020-11-04---Hot-Papers.md"));
        var paper = DigestEngine.Analyze("post.md", text).Document.Papers[4];

        Assert.Equal("The Complexity of Gradient Descent: CLS = PPAD $\\cap$ PLS", paper.Title.Value);
        Assert.Equal(paper.Title.Value, paper.NormalizedTitle);

        var wrapped = DigestEngine.Analyze("t.md", Digests.Digest(Digests.Paper(title: "Deep  Learning\tfor  All"))).Document.Papers[0];
        Assert.Equal("Deep  Learning\tfor  All", wrapped.Title.Value);
        Assert.Equal("Deep Learning for All", wrapped.NormalizedTitle);
    }

    [Fact]
    public void A_post_with_no_papers_has_an_empty_list()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.CorpusDir, "2020-12-07---Hot-Papers.md"));
        var analysis = DigestEngine.Analyze("post.md", text);

        Assert.Empty(analysis.Document.Papers);
        Assert.Equal("Hot Papers 2020-12-07", analysis.Document.FrontMatter!.Title!.Value.Value);
    }

    private static void AssertCovers(string text, Spanned<string> value)
    {
        Assert.InRange(value.Span.End, 0, text.Length);
        Assert.Contains(value.Value, Slice(text, value.Span));
    }

    private static string Slice(string text, SourceSpan span) => text.Substring(span.Start, span.Length);

    /// <summary>Counts read off the raw lines, independently of the parser.</summary>
    private static (int Papers, int Authors, int Categories, int Tweets) CountByLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int papers = 0, authors = 0, categories = 0, tweets = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("# ", StringComparison.Ordinal))
            {
                papers++;
                var authorLine = lines.Skip(i + 1).First(l => l.Trim().Length > 0);
                authors += authorLine.Split(',').Length;
            }

            if (lines[i].StartsWith("- [", StringComparison.Ordinal))
            {
                categories += CountOf(lines[i], "](https://arxiv.org/list/");
            }

            tweets += CountOf(lines[i], "<blockquote class=\"twitter-tweet\"");
        }

        return (papers, authors, categories, tweets);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
