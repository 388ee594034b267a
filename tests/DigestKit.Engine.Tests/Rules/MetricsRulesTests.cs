using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

public class MetricsRulesTests
{
    [Theory]
    [InlineData("- retweets: -12, favorites: 423 (06/22/2021 07:43:12)", "-12", "retweets")]
    [InlineData("- retweets: 9936, favorites: -1 (06/22/2021 07:43:12)", "-1", "favorites")]
    public void DK3001_a_negative_count_is_reported_on_the_count(string metrics, string count, string name)
    {
        var text = Digests.Digest(Digests.Paper(metrics: metrics));
        var d = RuleAssert.Single(text, "DK3001");
        RuleAssert.At(d, text, count);
        Assert.Equal(new[] { name, count }, d.Arguments.ToArray());
    }

    [Fact]
    public void DK3004_a_timestamp_before_the_post_date_is_reported_on_the_timestamp()
    {
        var text = Digests.Digest(Digests.Paper(metrics: "- retweets: 9936, favorites: 423 (06/22/2021 07:43:11)"));
        var d = RuleAssert.Single(text, "DK3004");
        RuleAssert.At(d, text, "06/22/2021 07:43:11");
        Assert.Equal(new[] { "06/22/2021 07:43:11", "2021-06-22 07:43:12" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK3004");
    }

    [Fact]
    public void DK3004_the_post_date_itself_and_later_are_fine()
    {
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(metrics: "- retweets: 9936, favorites: 423 (06/22/2021 07:43:12)")));
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(metrics: "- retweets: 9936, favorites: 423 (06/23/2021 00:00:00)")));
    }

    [Fact]
    public void DK3005_the_first_paper_scoring_higher_than_the_one_above_is_reported_on_its_heading()
    {
        var text = Digests.Digest(
            Digests.Paper(1, title: "First", metrics: "- retweets: 100, favorites: 10 (06/22/2021 07:43:12)"),
            Digests.Paper(2, title: "Second", links: Digests.LinksFor(2), metrics: "- retweets: 90, favorites: 10 (06/22/2021 07:43:12)"),
            Digests.Paper(3, title: "Third", links: Digests.LinksFor(3), metrics: "- retweets: 900, favorites: 10 (06/22/2021 07:43:12)"),
            Digests.Paper(4, title: "Fourth", links: Digests.LinksFor(4), metrics: "- retweets: 5, favorites: 1 (06/22/2021 07:43:12)"));
        var d = RuleAssert.Single(text, "DK3005");
        RuleAssert.At(d, text, "# 3. Third");
        Assert.Equal(new[] { "3", "910", "2", "100" }, d.Arguments.ToArray());
        RuleAssert.Exactly(text, "DK3005");
    }

    [Fact]
    public void DK3005_is_reported_once_per_digest_at_the_first_paper_out_of_order()
    {
        var text = Digests.Digest(
            Digests.Paper(1, title: "First", metrics: "- retweets: 10, favorites: 0 (06/22/2021 07:43:12)"),
            Digests.Paper(2, title: "Second", metrics: "- retweets: 20, favorites: 0 (06/22/2021 07:43:12)"),
            Digests.Paper(3, title: "Third", metrics: "- retweets: 30, favorites: 0 (06/22/2021 07:43:12)"));
        var d = RuleAssert.Single(text, "DK3005");
        RuleAssert.At(d, text, "# 2. Second");
        Assert.Equal(new[] { "2", "20", "1", "10" }, d.Arguments.ToArray());
    }

    [Fact]
    public void DK3005_equal_scores_are_in_order()
    {
        var metrics = "- retweets: 100, favorites: 10 (06/22/2021 07:43:12)";
        RuleAssert.Exactly(Digests.Digest(Digests.Paper(1, metrics: metrics), Digests.Paper(2, links: Digests.LinksFor(2), metrics: "- retweets: 10, favorites: 100 (06/22/2021 07:43:12)")));
    }
}
