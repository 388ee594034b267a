using System.Globalization;
using System.Text;
using DigestKit;

namespace HotPapers;

/// <summary>
/// A static site of the embedded digests, as the original blog was: <c>index.html</c> (every digest, a chart of
/// papers per month), <c>digests/SLUG.html</c> (its papers with links, abstracts and tweets, a chart of their
/// scores) and <c>papers/ID.html</c> (one paper across digests). Self-contained: inline CSS and SVG, no script.
/// Every value goes through <see cref="Html.Escape"/>.
/// </summary>
internal static class SiteWriter
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
        a{color:#1a5aa0}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #ddd}
        td.n{text-align:right}.paper{margin:1.5rem 0;padding-top:.5rem;border-top:1px solid #ddd}.meta{color:#555}
        blockquote{margin:.5rem 0 .5rem 1rem;padding-left:.8rem;border-left:3px solid #ccc}.chart{max-width:100%;height:auto}
        """;

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes the site into <paramref name="folder"/> (created if missing); returns how many files it wrote.</summary>
    public static int Write(IReadOnlyList<Digest> digests, string folder)
    {
        var digestFiles = UniqueNames(digests, d => d.Slug);
        var groups = Library.Group(Library.Appearances(digests));
        var paperFiles = UniqueNames(groups, g => g.Key);
        var paperFileOf = groups.SelectMany(g => g.Appearances.Select(a => (Appearance: a, File: paperFiles[g])))
            .ToDictionary(x => x.Appearance, x => x.File);

        Directory.CreateDirectory(Path.Combine(folder, "digests"));
        Directory.CreateDirectory(Path.Combine(folder, "papers"));
        var written = 0;
        Save(folder, "index.html", Index(digests, digestFiles), ref written);
        foreach (var digest in digests)
        {
            Save(folder, Path.Combine("digests", digestFiles[digest]), DigestPage(digest, p => "../papers/" + paperFileOf[new Appearance(digest, p)]), ref written);
        }

        foreach (var group in groups)
        {
            Save(folder, Path.Combine("papers", paperFiles[group]), PaperPage(group, d => "../digests/" + digestFiles[d]), ref written);
        }

        return written;
    }

    internal static string Index(IReadOnlyList<Digest> digests, IReadOnlyDictionary<Digest, string> files)
    {
        var page = Begin("Hot Papers: every digest", "");
        var months = digests
            .GroupBy(d => d.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Sum(d => d.Papers.Count)))
            .ToList();
        page.Append("<h2>Papers per month</h2>").Append(SvgChart.Bars("Papers per month", months));
        page.Append("<h2>Digests</h2><table><thead><tr><th>Date</th><th>Digest</th><th>Papers</th><th>Tweets</th></tr></thead><tbody>");
        foreach (var d in digests)
        {
            page.Append("<tr><td>").Append(Html.Escape(App.Day(d.Date))).Append("</td><td>")
                .Append(Link("digests/" + files[d], d.Title)).Append("</td><td class=\"n\">")
                .Append(Html.Escape(Html.Number(d.Papers.Count))).Append("</td><td class=\"n\">")
                .Append(Html.Escape(Html.Number(d.Papers.Sum(p => p.Tweets.Count)))).Append("</td></tr>\n");
        }

        page.Append("</tbody></table>\n");
        return End(page);
    }

    internal static string DigestPage(Digest digest, Func<Paper, string> paperPage)
    {
        var page = Begin(digest.Title, "../");
        page.Append("<p class=\"meta\">").Append(Html.Escape(digest.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        if (digest.Tags.Count != 0)
        {
            page.Append(" · ").Append(Html.Escape(string.Join(", ", digest.Tags)));
        }

        page.Append("</p>");
        if (digest.Description.Length != 0)
        {
            page.Append("<p>").Append(Html.Escape(digest.Description)).Append("</p>");
        }

        page.Append("<h2>Scores</h2>")
            .Append(SvgChart.Bars("Scores of the papers of " + digest.Title, digest.Papers.Select(p => ("#" + p.Rank.ToString(CultureInfo.InvariantCulture), p.Score)).ToList()));
        foreach (var paper in digest.Papers)
        {
            page.Append("<section class=\"paper\"><h2>").Append(Html.Escape(paper.Rank.ToString(CultureInfo.InvariantCulture))).Append(". ")
                .Append(Link(paperPage(paper), paper.Title)).Append("</h2>");
            PaperBody(page, paper, paper.Tweets);
            page.Append("</section>\n");
        }

        return End(page);
    }

    internal static string PaperPage(PaperGroup group, Func<Digest, string> digestPage)
    {
        var paper = group.Latest;
        var page = Begin(paper.Title, "../");
        page.Append("<h2>In ").Append(Html.Escape(Html.Number(group.Appearances.Count))).Append(" digest(s)</h2>")
            .Append("<table><thead><tr><th>Digest</th><th>Rank</th><th>Score</th><th>Retweets</th><th>Favorites</th><th>Measured</th></tr></thead><tbody>");
        foreach (var a in group.Appearances)
        {
            page.Append("<tr><td>").Append(Link(digestPage(a.Digest), a.Digest.Title))
                .Append("</td><td class=\"n\">").Append(Html.Escape(a.Paper.Rank.ToString(CultureInfo.InvariantCulture)))
                .Append("</td><td class=\"n\">").Append(Html.Escape(Html.Number(a.Paper.Score)))
                .Append("</td><td class=\"n\">").Append(Html.Escape(Html.Number(a.Paper.Retweets)))
                .Append("</td><td class=\"n\">").Append(Html.Escape(Html.Number(a.Paper.Favorites)))
                .Append("</td><td>").Append(Html.Escape(a.Paper.MeasuredAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? ""))
                .Append("</td></tr>\n");
        }

        page.Append("</tbody></table>\n");
        PaperBody(page, paper, group.Tweets);
        return End(page);
    }

    private static void PaperBody(StringBuilder page, Paper paper, IReadOnlyList<Tweet> tweets)
    {
        page.Append("<p>").Append(Html.Escape(string.Join(", ", paper.Authors))).Append("</p>");
        page.Append("<p class=\"meta\">score ").Append(Html.Escape(Html.Number(paper.Score)))
            .Append(" (").Append(Html.Escape(Html.Number(paper.Retweets))).Append(" retweets, ")
            .Append(Html.Escape(Html.Number(paper.Favorites))).Append(" favorites)");
        if (paper.ArxivId is not null)
        {
            page.Append(" · arXiv:").Append(Html.Escape(paper.ArxivId));
        }

        if (paper.Categories.Count != 0)
        {
            page.Append(" · ").Append(Html.Escape(string.Join(", ", paper.Categories)));
        }

        page.Append("</p><p>");
        if (paper.AbsUrl.Length != 0)
        {
            page.Append(Link(paper.AbsUrl, "abs")).Append(' ');
        }

        if (paper.PdfUrl.Length != 0)
        {
            page.Append(Link(paper.PdfUrl, "pdf"));
        }

        page.Append("</p>");
        if (paper.Abstract.Length != 0)
        {
            page.Append("<p>").Append(Html.Escape(paper.Abstract)).Append("</p>");
        }

        if (tweets.Count != 0)
        {
            page.Append("<h3>Tweets</h3>");
        }

        foreach (var t in tweets)
        {
            page.Append("<blockquote><p>").Append(Html.Escape(t.Text)).Append("</p><p class=\"meta\">— ")
                .Append(Html.Escape(t.AuthorName)).Append(" (@").Append(Html.Escape(t.Handle)).Append(')');
            if (t.Date is { } date)
            {
                page.Append(", ").Append(Html.Escape(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            if (t.Url.Length != 0)
            {
                page.Append(' ').Append(Link(t.Url, "link"));
            }

            page.Append("</p></blockquote>\n");
        }
    }

    private static string Link(string href, string text) =>
        "<a href=\"" + Html.Href(href) + "\">" + Html.Escape(text) + "</a>";

    private static StringBuilder Begin(string title, string root)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Escape(title)).Append("</title><style>").Append(Style).Append("</style></head>\n<body>")
            .Append("<nav><a href=\"").Append(Html.Href(root + "index.html")).Append("\">All digests</a></nav>")
            .Append("<h1>").Append(Html.Escape(title)).Append("</h1>\n");
        return page;
    }

    private static string End(StringBuilder page) => page.Append("</body></html>\n").ToString();

    private static void Save(string folder, string relative, string html, ref int written)
    {
        File.WriteAllText(Path.Combine(folder, relative), html, Utf8);
        written++;
    }

    /// <summary>A file name per item from its key: only letters, digits, '.', '-' and '_', and no two alike.</summary>
    private static Dictionary<T, string> UniqueNames<T>(IEnumerable<T> items, Func<T, string> key)
        where T : class
    {
        var names = new Dictionary<T, string>(ReferenceEqualityComparer.Instance);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var stem = new string(key(item).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('.');
            if (stem.Length == 0)
            {
                stem = "page";
            }

            var name = stem + ".html";
            for (var n = 2; !taken.Add(name); n++)
            {
                name = stem + "-" + n.ToString(CultureInfo.InvariantCulture) + ".html";
            }

            names[item] = name;
        }

        return names;
    }
}
