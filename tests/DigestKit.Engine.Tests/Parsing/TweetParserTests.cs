using DigestKit.Engine;
using DigestKit.Engine.Parsing;

namespace DigestKit.Engine.Tests.Parsing;

public class TweetParserTests
{
    private static EmbeddedTweet ParseTweet(string html, out List<DigestDiagnostic> diagnostics)
    {
        diagnostics = Digests.Parse(Digests.Digest(Digests.Paper(tweets: html)), out var document);
        return Assert.Single(document.Papers[0].Tweets);
    }

    [Fact]
    public void A_tweet_reads_into_text_author_handle_status_and_date()
    {
        var tweet = ParseTweet(Digests.Tweet, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("Nice & new\npaper: https://t.co/x", tweet.Text);
        Assert.Equal("AK", tweet.AuthorName!.Value.Value);
        Assert.Equal("ak92501", tweet.Handle!.Value.Value);
        Assert.Equal(1406794228320120833, tweet.StatusId);
        Assert.Equal(new DateTime(2021, 6, 21), tweet.Date);
        Assert.Equal("en", tweet.Language);
        Assert.StartsWith("<blockquote class=\"twitter-tweet\">", tweet.Html);
        Assert.EndsWith("</blockquote>", tweet.Html);
    }

    [Fact]
    public void Entities_and_breaks_decode_in_the_plain_text()
    {
        var tweet = ParseTweet(Digests.Tweet.Replace("Nice &amp; new", "a&lt;b &#39;q&#39; &quot;x&quot; &#x1F447; &unknown; &"), out _);
        Assert.StartsWith("a<b 'q' \"x\" 👇 &unknown; &\npaper:", tweet.Text);
    }

    [Fact]
    public void A_tweet_without_attribution_is_DK4012_and_kept()
    {
        var html = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Just text</p></blockquote>\n";
        var tweet = ParseTweet(html, out var diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal("DK4012", d.Id);
        Assert.Contains("attribution", d.Message);
        Assert.Equal("Just text", tweet.Text);
        Assert.Null(tweet.Handle);
    }

    [Fact]
    public void An_unclosed_blockquote_is_DK4012()
    {
        var html = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Just text</p>&mdash; AK (@ak92501)\n";
        ParseTweet(html, out var diagnostics);
        Assert.Contains(diagnostics, d => d.Id == "DK4012" && d.Message.Contains("never closed"));
    }

    [Fact]
    public void A_link_that_is_not_a_status_url_keeps_the_url_and_has_no_status_id()
    {
        var tweet = ParseTweet(Digests.Tweet.Replace("https://twitter.com/ak92501/status/1406794228320120833?ref_src=twsrc%5Etfw", "https://twitter.com/ak92501"), out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Null(tweet.StatusId);
        Assert.Equal("https://twitter.com/ak92501", tweet.StatusUrl!.Value.Value);
    }

    [Theory]
    [InlineData("https://twitter.com/ak92501/status/1406794228320120833?ref_src=twsrc%5Etfw", "ak92501", 1406794228320120833)]
    [InlineData("https://x.com/ak92501/status/1406794228320120833", "ak92501", 1406794228320120833)]
    [InlineData("http://mobile.twitter.com/Some_One/statuses/42/photo/1", "Some_One", 42)]
    [InlineData("https://twitter.com/ak92501/status/1406794228320120833#frag", "ak92501", 1406794228320120833)]
    public void Status_links_give_their_handle_and_id(string url, string handle, long id)
    {
        Assert.True(StatusLink.TryGetStatusId(url, out var h, out var i));
        Assert.Equal((handle, id), (h, i));
    }

    [Theory]
    [InlineData("https://twitter.com/ak92501")]
    [InlineData("https://twitter.com/ak92501/status/")]
    [InlineData("https://twitter.com/ak92501/status/12ab")]
    [InlineData("https://twitter.com/ak92501/likes/123")]
    [InlineData("https://example.com/ak92501/status/123")]
    [InlineData("https://twitter.com//status/123")]
    [InlineData("https://twitter.com/a/status/99999999999999999999")]
    public void Other_links_are_not_status_links(string url)
    {
        Assert.False(StatusLink.TryGetStatusId(url, out _, out _));
    }

    [Fact]
    public void A_snowflake_dates_its_tweet()
    {
        Assert.Equal(new DateTime(2021, 6, 21), StatusLink.SnowflakeTime(1406794228320120833).Date);
    }

    [Fact]
    public void Stray_html_among_the_tweets_is_DK2009()
    {
        var html = Digests.Tweet + "<div>ad</div>\n";
        ParseTweet(html, out var diagnostics);
        Assert.Contains(diagnostics, d => d.Id == "DK2009" && d.Message.Contains("<div>ad</div>"));
    }
}
