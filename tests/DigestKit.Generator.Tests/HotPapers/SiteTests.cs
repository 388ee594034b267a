using System.Net;
using System.Text.RegularExpressions;
using DigestKit.Tests;
using HotPapers;
using static DigestKit.Generator.Tests.HotPapersApp.AppRunner;

namespace DigestKit.Generator.Tests.HotPapersApp;

/// <summary>The static site: its pages, links and charts over content/, and escaping against the generator's hostile strings.</summary>
public sealed class SiteTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hotpapers-site-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] Markup = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "&amp; &lt; & &#x3C;", "</title><svg onload=alert(1)>"];

    public static TheoryData<string> HostileStrings => [.. HostileContentTests.Hostile, .. HostileContentTests.Surrogates, .. Markup];

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Escape_leaves_no_markup_and_decodes_back_to_the_text(string value)
    {
        var escaped = Html.Escape(value);
        Assert.DoesNotContain('<', escaped);
        Assert.DoesNotContain('>', escaped);
        Assert.DoesNotContain('"', escaped);
        Assert.DoesNotContain('\'', escaped);
        Assert.Matches(@"^([^&]|&(amp|lt|gt|quot|#39);)*$", escaped);
        Assert.DoesNotMatch(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]", escaped);
        Assert.True(escaped.EnumerateRunes().All(r => r.Value != 0), escaped);

        // What HTML cannot carry becomes U+FFFD; everything else reads back as written.
        var expected = Regex.Replace(value, @"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]", "\uFFFD");
        Assert.Equal(expected, WebUtility.HtmlDecode(escaped));
    }

    [Fact]
    public void Hostile_values_in_every_field_stay_text_on_every_page()
    {
        var hostile = HostileContentTests.Hostile.Concat(HostileContentTests.Surrogates).Concat(Markup).ToArray();
        string H(int i) => hostile[i % hostile.Length];
        var tweets = Enumerable.Range(0, hostile.Length).Select(i =>
            new Tweet(H(i), H(i + 1), i, i % 2 == 0 ? "javascript:alert(1)" : "https://twitter.com/x/status/1?" + H(i), new DateTime(2021, 1, 1), H(i + 2), H(i + 3), H(i + 4))).ToArray();
        var papers = Enumerable.Range(0, hostile.Length).Select(i => new Paper(
            i + 1, H(i), [H(i + 1), H(i + 2)], i, i, null, i % 3 == 0 ? H(i) : "2101.0000" + i, i % 2 == 0 ? "javascript:alert(1)" : H(i), "data:text/html," + H(i),
            [H(i + 3)], H(i + 4), tweets)).ToArray();
        var digests = Markup.Select((m, i) => new Digest(m, new DateTime(2021, 1 + i, 1), m, false, m + i, m, [m], m, m, papers, m)).ToArray();

        var files = SiteWriter.Write(digests, _folder);
        var pages = Directory.GetFiles(_folder, "*.html", SearchOption.AllDirectories);
        Assert.Equal(files, pages.Length);
        Assert.True(pages.Length > digests.Length + 1);
        foreach (var page in pages)
        {
            Assert.StartsWith(_folder, Path.GetFullPath(page), StringComparison.Ordinal);
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('\0', html);

            // Every tag on the page is one the writer makes, and every attribute is quoted and escaped.
            foreach (Match tag in Regex.Matches(html, @"<(/?)([a-zA-Z0-9!]+)([^>]*)>"))
            {
                Assert.Contains(tag.Groups[2].Value.ToLowerInvariant(), AllowedTags);
                Assert.Matches(@"^(\s+[a-zA-Z0-9-]+=""[^""<>]*""|\s+html|/)*\s*$", tag.Groups[3].Value);
            }
        }

        var digestPage = File.ReadAllText(Path.Combine(_folder, "digests", Directory.GetFiles(Path.Combine(_folder, "digests"))[0]));
        Assert.Contains(Html.Escape("<script>alert(1)</script>"), File.ReadAllText(Path.Combine(_folder, "index.html")));
        Assert.Contains(Html.Escape("\"; } } class Evil { static void M() { System.Environment.Exit(1); } } /*"), digestPage);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_reported_with_exit_code_2()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "");
        var (code, output, error) = Run(null, "site", Path.Combine(file, "site"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("HotPapers: cannot write the site into '", error);
        Assert.DoesNotContain("Usage:", error);
    }

    private static readonly string[] AllowedTags =
        ["!doctype", "html", "head", "meta", "title", "style", "body", "nav", "a", "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td",
         "section", "blockquote", "svg", "rect", "line", "text"];

    [Fact]
    public void The_site_of_content_has_an_index_a_page_per_digest_and_a_page_per_paper()
    {
        var (code, output, error) = Process(Path.GetTempPath(), null, "site", Path.GetRelativePath(Path.GetTempPath(), _folder));
        Assert.True(code == 0, error);
        var name = Path.GetFileName(_folder);
        Assert.Equal($"wrote 28 file(s) into {name}; open {name}/index.html\n", output);

        var index = File.ReadAllText(Path.Combine(_folder, "index.html"));
        Assert.Contains("<title>Hot Papers: every digest</title>", index);
        Assert.Contains("<a href=\"digests/hot-papers-2021-06-21.html\">Hot Papers 2021-06-21</a>", index);
        // Papers per month: 2021-05 holds 15, 2021-06 holds 10.
        Assert.Equal(2, Regex.Matches(index, "<rect ").Count);
        Assert.Contains("<title>2021-05: 15</title>", index);
        Assert.Contains("<title>2021-06: 10</title>", index);

        var digest = File.ReadAllText(Path.Combine(_folder, "digests", "hot-papers-2021-06-21.html"));
        Assert.Equal(10, Regex.Matches(digest, "<rect ").Count);
        Assert.Contains("<title>#1: 10,359</title>", digest);
        Assert.Contains("<a href=\"https://arxiv.org/pdf/2106.10155\">pdf</a>", digest);
        Assert.Contains("<a href=\"../papers/2106.10155.html\">World-GAN: a Generative Model for Minecraft Worlds</a>", digest);
        Assert.Contains("This work introduces World-GAN", digest);
        var paper = HotPapers.Digests.HotPapers20210621.Papers[0];
        Assert.Contains(Html.Escape(paper.Tweets[0].Text), digest);

        // Every link inside the site reaches a page that exists; nothing is loaded from elsewhere.
        foreach (var page in Directory.GetFiles(_folder, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotMatch(@"<(script|link|img|iframe)\b|\ssrc=", html);
            foreach (Match link in Regex.Matches(html, "href=\"([^\"]+)\""))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (!target.StartsWith("https://", StringComparison.Ordinal))
                {
                    Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(page)!, target)), $"{page}: {target}");
                }
            }
        }

        // The pages in full, pinned: the index, a digest with accented names, and a paper.
        GoldenFileTests.AssertGolden("hotpapers/site-index.html.txt", index);
        GoldenFileTests.AssertGolden("hotpapers/site-digest.html.txt", File.ReadAllText(Path.Combine(_folder, "digests", "hot-papers-2021-05-07.html")));
        GoldenFileTests.AssertGolden("hotpapers/site-paper.html.txt", File.ReadAllText(Path.Combine(_folder, "papers", "2106.10155.html")));

        var paperPage = File.ReadAllText(Path.Combine(_folder, "papers", "2106.10155.html"));
        Assert.Contains("<a href=\"../digests/hot-papers-2021-06-21.html\">Hot Papers 2021-06-21</a>", paperPage);
        Assert.Contains("Maren Awiszus, Frederik Schubert, Bodo Rosenhahn", paperPage);
    }
}
