using DigestKit;

namespace HotPapers;

// What --json prints. Each record carries every public property of the runtime type it stands for (a test checks
// it by reflection), so a script gets everything the typed API has.

internal sealed record TweetJson(
    string AuthorName, string Handle, long? StatusId, string Url, DateTime? Date, string Text, string Html, string? Language)
{
    public static TweetJson From(Tweet t) => new(t.AuthorName, t.Handle, t.StatusId, t.Url, t.Date, t.Text, t.Html, t.Language);
}

/// <summary>A paper as one digest ranked it.</summary>
internal sealed record PaperJson(
    int Rank, string Title, IReadOnlyList<string> Authors, long Retweets, long Favorites, long Score, DateTime? MeasuredAt,
    string? ArxivId, string AbsUrl, string PdfUrl, IReadOnlyList<string> Categories, string Abstract, IReadOnlyList<TweetJson> Tweets)
{
    public static PaperJson From(Paper p) => new(
        p.Rank, p.Title, p.Authors, p.Retweets, p.Favorites, p.Score, p.MeasuredAt, p.ArxivId, p.AbsUrl, p.PdfUrl, p.Categories,
        p.Abstract, p.Tweets.Select(TweetJson.From).ToList());
}

internal sealed record DigestJson(
    string Slug, string Title, DateTime Date, string Template, bool Draft, string Category, IReadOnlyList<string> Tags,
    string Description, string SocialImage, string SourcePath, IReadOnlyList<PaperJson> Papers)
{
    public static DigestJson From(Digest d, RunEnvironment environment) => new(
        d.Slug, d.Title, d.Date, d.Template, d.Draft, d.Category, d.Tags, d.Description, d.SocialImage,
        environment.DisplayPath(d.SourcePath), d.Papers.Select(PaperJson.From).ToList());
}

internal sealed record DigestRow(string Slug, string Title, DateTime Date, int Papers, int Tweets, string SourcePath);

/// <summary>Where a paper appeared, with the numbers that digest measured.</summary>
internal sealed record AppearanceJson(
    string Digest, string DigestTitle, DateTime Date, int Rank, long Retweets, long Favorites, long Score, DateTime? MeasuredAt)
{
    public static AppearanceJson From(Appearance a) => new(
        a.Digest.Slug, a.Digest.Title, a.Digest.Date, a.Paper.Rank, a.Paper.Retweets, a.Paper.Favorites, a.Paper.Score, a.Paper.MeasuredAt);
}

/// <summary>One paper across digests (<c>paper</c>): its text from the latest digest, every appearance, every tweet once.</summary>
internal sealed record PaperDetailJson(
    string? ArxivId, string Title, IReadOnlyList<string> Authors, string AbsUrl, string PdfUrl, IReadOnlyList<string> Categories,
    string Abstract, long BestScore, IReadOnlyList<AppearanceJson> Appearances, IReadOnlyList<TweetJson> Tweets)
{
    public static PaperDetailJson From(PaperGroup g)
    {
        var p = g.Latest;
        return new(p.ArxivId, p.Title, p.Authors, p.AbsUrl, p.PdfUrl, p.Categories, p.Abstract, g.Best.Paper.Score,
            g.Appearances.Select(AppearanceJson.From).ToList(), g.Tweets.Select(TweetJson.From).ToList());
    }
}

/// <summary>A row of <c>top</c> and <c>search</c>: a paper once, at its best appearance, and how many digests carried it.</summary>
internal sealed record PaperRow(
    string Digest, DateTime Date, int Rank, string Title, IReadOnlyList<string> Authors, IReadOnlyList<string> MatchedAuthors,
    long Retweets, long Favorites, long Score, DateTime? MeasuredAt, string? ArxivId, string AbsUrl, string PdfUrl,
    IReadOnlyList<string> Categories, int Tweets, int Digests)
{
    public static PaperRow From(PaperGroup g, IReadOnlyList<string> matchedAuthors)
    {
        var best = g.Best;
        var p = best.Paper;
        return new(best.Digest.Slug, best.Digest.Date, p.Rank, p.Title, p.Authors, matchedAuthors, p.Retweets, p.Favorites, p.Score,
            p.MeasuredAt, p.ArxivId, p.AbsUrl, p.PdfUrl, p.Categories, g.Tweets.Count, g.Appearances.Count);
    }
}
