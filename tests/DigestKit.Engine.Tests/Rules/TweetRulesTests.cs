using DigestKit.Engine.Rules;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class TweetRulesTests
{
    private const string Link = "https://twitter.com/ak92501/status/1406794228320120833?ref_src=twsrc%5Etfw";

    private static string WithTweet(string tweet) => Digests.Digest(Digests.Paper(tweets: tweet));

    [Fact]
    public void DK4009_a_tweet_link_that_is_not_a_status_is_reported_on_the_link()
    {
        var link = "https://twitter.com/ak92501?ref_src=twsrc%5Etfw";
        var text = WithTweet(Digests.Tweet.Replace(Link, link));
        var d = RuleAssert.Single(text, "DK4009");
        RuleAssert.At(d, text, link);
        Assert.Equal(new[] { link }, d.Arguments.ToArray());
    }

    [Fact]
    public void DK4010_a_handle_that_differs_from_the_link_is_reported_on_the_handle()
    {
        var text = WithTweet(Digests.Tweet.Replace("(@ak92501)", "(@huggingface)"));
        var d = RuleAssert.Single(text, "DK4010");
        Assert.Equal(new[] { "huggingface", "ak92501" }, d.Arguments.ToArray());
        var at = text.IndexOf("@huggingface", StringComparison.Ordinal);
        Assert.True(d.Span.Start == at || d.Span.Start == at + 1, $"span {d.Span}, handle at {at}");
        Assert.Equal(at + "@huggingface".Length, d.Span.End);
        RuleAssert.Exactly(text, "DK4010");
    }

    [Fact]
    public void DK4010_handles_compare_without_case()
    {
        RuleAssert.Exactly(WithTweet(Digests.Tweet.Replace("(@ak92501)", "(@AK92501)")));
    }

    [Fact]
    public void DK4011_a_date_text_far_from_the_status_id_date_is_reported_on_the_date_text()
    {
        var text = WithTweet(Digests.Tweet.Replace("June 21, 2021", "June 25, 2021"));
        var d = RuleAssert.Single(text, "DK4011");
        RuleAssert.At(d, text, "June 25, 2021");
        Assert.Equal(new[] { "June 25, 2021", "2021-06-21" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK4011");
    }

    [Theory]
    [InlineData("June 20, 2021")]
    [InlineData("June 22, 2021")]
    public void DK4011_a_day_either_side_is_a_time_zone_not_an_error(string date)
    {
        RuleAssert.Exactly(WithTweet(Digests.Tweet.Replace("June 21, 2021", date)));
    }

    [Fact]
    public void Snowflake_ids_decode_to_their_time()
    {
        // 1406794228320120833 encodes 1624240855661 ms, 2021-06-21 02:00:55.661 UTC.
        Assert.Equal(new DateTime(2021, 6, 21, 2, 0, 55, 661, DateTimeKind.Utc), TweetRules.SnowflakeTime(1406794228320120833));
        Assert.Null(TweetRules.SnowflakeTime(20));
    }

    [Theory]
    [InlineData("https://twitter.com/ak92501/status/1", "ak92501")]
    [InlineData("https://twitter.com/i/web/status/1", null)]
    [InlineData("https://twitter.com/ak92501", null)]
    [InlineData("https://twitter.com/ak92501/likes", null)]
    public void Link_handles_are_read_from_status_links_only(string url, string? handle)
    {
        Assert.Equal(handle, TweetRules.LinkHandle(url));
    }
}
