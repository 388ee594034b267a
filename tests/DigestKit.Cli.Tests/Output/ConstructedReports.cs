using DigestKit.Cli.Output;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Output;

/// <summary>
/// Reports built by hand from the engine's rule catalogue, independent of the parser and the rules: they pin
/// down what each output format makes of every kind of diagnostic (fix or not, multi-line, wide characters,
/// invisible characters, very long lines, no file at all).
/// </summary>
internal static class ConstructedReports
{
    public const string BrokenPath = "check/broken.md";
    public const string SpecialPath = "check/sub dir/special.md";
    public const string MojibakePath = "check/mojibake.md";

    public const string SpecialText =
        "---\n" +
        "title: Hot Papers 2021-06-21\n" +
        "---\n" +
        "\tTab\tindented name\n" +
        "李飞飞, 😀 Emoji Author, Zoë Ünal\n" +
        "Hidden \u202Eoverride\u202C here\r\n" +
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">" + "A very long tweet line. " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore. " + "Link: <a href=\"https://twitter.com/someone/likes/12345\">here</a> and more text after the link to make it long enough to be cut on the right as well as the left.</p></blockquote>\n" +
        "last line without a break";

    public const string MojibakeText =
        "# 1. Graph Attention Networks\n" +
        "\n" +
        "Petar Veliƒçkoviƒá, Guillem Cucurull\n" +
        "\n" +
        "Thread üëá below\n";

    /// <summary>The constructed paths are relative to a repository root at /repo, where check ran.</summary>
    public static SarifOptions SarifAtRoot { get; } = new("/repo", "/repo");

    public static string BrokenText => File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "broken.md")).ReplaceLineEndings("\n");

    public static CheckReport Create()
    {
        var broken = BrokenText;
        var texts = new Dictionary<string, string>
        {
            [BrokenPath] = broken,
            [SpecialPath] = SpecialText,
            [MojibakePath] = MojibakeText,
        };

        var diagnostics = new List<DigestDiagnostic>
        {
            // Deliberately out of order: the report sorts by file, then position.
            At(broken, BrokenPath, "-208", DigestRules.InvalidCount, "retweets", "-208"),
            At(broken, BrokenPath, "\"hot-papers-2021-06-12\"", DigestRules.SlugMismatch, "hot-papers-2021-06-12", "hot-papers-2021-06-21"),
            WithFix(At(broken, BrokenPath, "3", DigestRules.NumberingGap, "3", "2", occurrence: "# 3."), "2"),
            At(broken, BrokenPath, "- links: [abs](https://arxiv.org/abs/2106.09785)", DigestRules.PdfLinkMissing, "2", "add '[pdf](https://arxiv.org/pdf/2106.09785)' after the abs link"),
            At(broken, BrokenPath, "cs.XY", DigestRules.UnknownCategory, "cs.XY", occurrence: "[cs.XY]"),
            At(SpecialText, SpecialPath, "indented", DigestRules.UnexpectedContent, "indented", "after the front matter"),
            At(SpecialText, SpecialPath, "Emoji", DigestRules.EmptyAuthor, "1"),
            At(SpecialText, SpecialPath, "\u202E", DigestRules.BidiControl, "U+202E (RIGHT-TO-LEFT OVERRIDE)", "an author name"),
            At(SpecialText, SpecialPath, "https://twitter.com/someone/likes/12345", DigestRules.TweetLinkNotStatus, "https://twitter.com/someone/likes/12345"),
            At(SpecialText, SpecialPath, "Hot Papers 2021-06-21\n---\n\tTab", DigestRules.YamlSyntax, "a span over three lines", "correct the YAML at this point"),
            new DigestDiagnostic("DK2006", DigestSeverity.Error, DigestRules.MissingMetrics.FormatMessage("1"), SpecialPath,
                new LineMap(SpecialText).Span(SpecialText.Length, 0), new EquatableArray<string>(["1"])),
            WithFix(At(MojibakeText, MojibakePath, "Petar Veliƒçkoviƒá", DigestRules.MojibakeInAuthor, "Petar Veliƒçkoviƒá", "UTF-8 read as Mac OS Roman", "Petar Veličković"), "Petar Veličković"),
            WithFix(At(MojibakeText, MojibakePath, "üëá", DigestRules.MojibakeInText, "üëá", "UTF-8 read as Mac OS Roman", "👇"), "👇"),
            DigestRules.InternalError.Create(string.Empty, default, "a cross-file rule failed: constructed for the test"),
            At(broken, BrokenPath, "hot-papers-2021-06-12", DigestRules.DuplicateSlug, "hot-papers-2021-06-12", "check/other.md", occurrence: "slug: \"hot"),
        };

        return new CheckReport([BrokenPath, SpecialPath, MojibakePath], diagnostics, path => texts.GetValueOrDefault(path));
    }

    /// <summary>A diagnostic of <paramref name="rule"/> on the first <paramref name="what"/> (after <paramref name="occurrence"/>, if given).</summary>
    public static DigestDiagnostic At(string text, string path, string what, DigestRule rule, params string[] arguments) =>
        At(text, path, what, rule, arguments, null);

    public static DigestDiagnostic At(string text, string path, string what, DigestRule rule, string a0, string? a1 = null, string? a2 = null, string? occurrence = null)
    {
        var args = new[] { a0, a1, a2 }.Where(a => a is not null).Select(a => a!).ToArray();
        return At(text, path, what, rule, args, occurrence);
    }

    private static DigestDiagnostic At(string text, string path, string what, DigestRule rule, string[] arguments, string? occurrence)
    {
        var from = occurrence is null ? 0 : text.IndexOf(occurrence, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{occurrence}' not in the text");
        var start = text.IndexOf(what, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{what}' not in the text");
        return rule.Create(path, new LineMap(text).Span(start, what.Length), arguments);
    }

    public static DigestDiagnostic WithFix(DigestDiagnostic diagnostic, string newText) =>
        diagnostic with { Fix = new TextEdit(diagnostic.Span.Start, diagnostic.Span.Length, newText) };
}
