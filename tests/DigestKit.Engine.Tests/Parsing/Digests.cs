using System.Text;
using DigestKit.Engine;

namespace DigestKit.Engine.Tests.Parsing;

/// <summary>Builds small digests for tests: a valid front matter and papers, each part replaceable.</summary>
internal static class Digests
{
    public const string FrontMatter =
        "---\n" +
        "title: Hot Papers 2021-06-21\n" +
        "date: 2021-06-22T07:43:12.Z\n" +
        "template: \"post\"\n" +
        "draft: false\n" +
        "slug: \"hot-papers-2021-06-21\"\n" +
        "category: \"arXiv\"\n" +
        "tags:\n" +
        "  - \"arXiv\"\n" +
        "  - \"Twitter\"\n" +
        "  - \"Machine Learning\"\n" +
        "  - \"Computer Science\"\n" +
        "description: \"Hot papers 2021-06-21\"\n" +
        "socialImage: \"/media/flying-marine.jpg\"\n" +
        "\n" +
        "---\n";

    public const string Tweet =
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Nice &amp; new<br>paper: <a href=\"https://t.co/x\">https://t.co/x</a></p>&mdash; AK (@ak92501) " +
        "<a href=\"https://twitter.com/ak92501/status/1406794228320120833?ref_src=twsrc%5Etfw\">June 21, 2021</a></blockquote>\n" +
        "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n";

    public static string Paper(
        int rank = 1,
        string title = "World-GAN: a Generative Model for Minecraft Worlds",
        string authors = "Maren Awiszus, Frederik Schubert, Bodo Rosenhahn",
        string metrics = "- retweets: 9936, favorites: 423 (06/22/2021 07:43:12)",
        string links = "- links: [abs](https://arxiv.org/abs/2106.10155) | [pdf](https://arxiv.org/pdf/2106.10155)",
        string categories = "- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [cs.CV](https://arxiv.org/list/cs.CV/recent)",
        string abstractText = "This work introduces World-GAN.",
        string tweets = Tweet)
    {
        var builder = new StringBuilder();
        builder.Append("# ").Append(rank).Append(". ").Append(title).Append("\n\n");
        if (authors.Length > 0) builder.Append(authors).Append("\n\n");
        if (metrics.Length > 0) builder.Append(metrics).Append("\n\n");
        if (links.Length > 0) builder.Append(links).Append('\n');
        if (categories.Length > 0) builder.Append(categories).Append('\n');
        builder.Append('\n');
        if (abstractText.Length > 0) builder.Append(abstractText).Append("\n\n");
        if (tweets.Length > 0) builder.Append(tweets).Append("\n\n\n");
        return builder.ToString();
    }

    /// <summary>A links line for another arXiv paper than the default one (the same paper twice is DK2013).</summary>
    public static string LinksFor(int n) =>
        $"- links: [abs](https://arxiv.org/abs/2106.{20000 + n}) | [pdf](https://arxiv.org/pdf/2106.{20000 + n})";

    public static string Digest(params string[] papers) => FrontMatter + "\n" + string.Concat(papers);

    public static DigestAnalysis Analyze(string text) => DigestEngine.Analyze("test.md", text);

    /// <summary>The parser's own diagnostics (the rules are tested on their own).</summary>
    public static List<DigestDiagnostic> Parse(string text, out DigestDocument document)
    {
        var diagnostics = new List<DigestDiagnostic>();
        document = DigestKit.Engine.Parsing.DigestParser.Parse("test.md", text, diagnostics);
        return diagnostics;
    }

    /// <summary>The (line, column) of the first occurrence of <paramref name="needle"/>, 1-based.</summary>
    public static (int Line, int Column) Find(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
        }

        Assert.True(index >= 0, $"'{needle}' not in the text");
        return new LineMap(text).Position(index);
    }
}
