using System.Diagnostics;
using System.Text.RegularExpressions;
using HotPapers;

namespace DigestKit.Generator.Tests.HotPapersApp;

/// <summary>
/// A fact that needs Chromium: skipped where it is not installed, but failing under CI=true, where .ci/run installs
/// it, so a CI run cannot pass without having rendered the site.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "chromium is not installed (Debian package 'chromium'); under CI=true this test fails instead";
        }
    }
}

internal static class Chromium
{
    public static string? Path { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => System.IO.Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs headless Chromium on <paramref name="page"/>; returns its standard output.</summary>
    public static string Run(string profile, string page, params string[] arguments)
    {
        Assert.True(Path is not null, "chromium is not installed: .ci/run installs the Debian package 'chromium'");
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        // --no-sandbox: CI runs as root, where Chromium refuses its sandbox. The page is our own static file.
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + profile })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add(new Uri(page).AbsoluteUri);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish: " + error.Result);
        }

        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {error.Result}");
        return output;
    }
}

/// <summary>A generated page as a browser sees it: its DOM after parsing, and its pixels.</summary>
public sealed class ChromiumTests : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hotpapers-chromium-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [ChromiumFact]
    public void A_digest_page_renders_with_its_title_links_and_chart()
    {
        SiteWriter.Write(HotPapers.Digests.All, System.IO.Path.Combine(_folder, "site"));
        var page = System.IO.Path.Combine(_folder, "site", "digests", "hot-papers-2021-06-21.html");
        var profile = System.IO.Path.Combine(_folder, "profile");

        var dom = Chromium.Run(profile, page, "--dump-dom");
        Assert.Contains("<title>Hot Papers 2021-06-21</title>", dom);
        Assert.Contains("<a href=\"../papers/2106.10155.html\">World-GAN: a Generative Model for Minecraft Worlds</a>", dom);
        Assert.Contains("<a href=\"https://arxiv.org/abs/2106.10155\">abs</a>", dom);
        // The parser kept the chart as SVG: the element, its ten bars, and the title of the first.
        var svg = Regex.Match(dom, "<svg class=\"chart\"[^>]*>.*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, "no svg chart in the DOM");
        Assert.Equal(10, Regex.Matches(svg.Value, "<rect ").Count);
        Assert.Contains("<title>#1: 10,359</title>", svg.Value);

        var shot = System.IO.Path.Combine(_folder, "page.png");
        Chromium.Run(profile, page, "--window-size=800,600", "--screenshot=" + shot);
        var png = Png.Decode(File.ReadAllBytes(shot));
        Assert.Equal((800, 600), (png.Width, png.Height));
        var colours = png.Histogram();

        // A blank page, rendered the same way, is one colour: the check below sees what the page drew.
        var blankPage = System.IO.Path.Combine(_folder, "blank.html");
        File.WriteAllText(blankPage, "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>");
        var blankShot = System.IO.Path.Combine(_folder, "blank.png");
        Chromium.Run(profile, blankPage, "--window-size=800,600", "--screenshot=" + blankShot);
        var blank = Png.Decode(File.ReadAllBytes(blankShot)).Histogram();
        Assert.Single(blank);

        var background = colours.MaxBy(c => c.Value).Key;
        Assert.Equal(blank.Keys.Single(), background);
        var drawn = png.Width * png.Height - colours[background];
        Assert.True(drawn > png.Width * png.Height / 50, $"only {drawn} pixels differ from the background");
        // The bars' fill (#3b6ea5): the chart is on screen, not only in the DOM. The first bar alone is 28 x 150.
        Assert.True(colours.GetValueOrDefault(((byte)0x3b, (byte)0x6e, (byte)0xa5)) > 28 * 100, "the chart's bars are not in the screenshot");
    }
}
