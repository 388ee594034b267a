using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestKit.Cli.Commands;
using DigestKit.Cli.Output;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.Output;

/// <summary>Every output format on the constructed report, against golden files, plus the properties each must have.</summary>
public sealed class FormatGoldenTests
{
    private static string Render(OutputFormat format, bool color = false)
    {
        var stream = new MemoryStream();
        CheckCommand.WriteReport(stream, ConstructedReports.Create(), format, color, ConstructedReports.SarifAtRoot);
        return new UTF8Encoding(false, true).GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("human", "constructed.human.txt")]
    [InlineData("msbuild", "constructed.msbuild.txt")]
    [InlineData("sarif", "constructed.sarif.json")]
    [InlineData("json", "constructed.json")]
    [InlineData("github", "constructed.github.txt")]
    public void Output_matches_golden_file(string format, string golden) =>
        Golden.AssertMatches(CliTestPaths.GoldenDir, Path.Combine("format", golden), Render(CommandLine.ParseCheck(["--format", format, "x"]).Format));

    [Fact]
    public void Human_output_has_caret_under_the_span_and_a_summary()
    {
        var lines = Render(OutputFormat.Human).Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith("check/broken.md:22:13: error DK3001: ", StringComparison.Ordinal));
        Assert.True(index >= 0, string.Join('\n', lines));
        Assert.Equal(" 22 | - retweets: -208, favorites: 740 (06/22/2021 07:43:13)", lines[index + 1]);
        Assert.Equal("    | " + new string(' ', 12) + "^~~~", lines[index + 2]);
        Assert.Equal("Checked 3 files: 6 errors, 8 warnings, 1 info; 3 can be repaired by 'digestkit fix'.", lines[^2]);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void Human_output_shows_each_rules_help_link_once_under_its_first_diagnostic()
    {
        var report = ConstructedReports.Create();
        var lines = Render(OutputFormat.Human).Split('\n');
        foreach (var id in report.Diagnostics.Select(d => d.Id).Distinct())
        {
            var help = " = help: " + DigestRules.Find(id)!.HelpLink;
            var at = Array.FindIndex(lines, l => l.EndsWith(help, StringComparison.Ordinal));
            Assert.True(at >= 0, id + " has no help line:\n" + string.Join('\n', lines));
            Assert.Single(lines, l => l.EndsWith(help, StringComparison.Ordinal));
            var first = Array.FindIndex(lines, l => l.Contains($" {id}: ", StringComparison.Ordinal));
            Assert.True(at > first && lines.Skip(first + 1).Take(at - first - 1).All(l => l.StartsWith(' ')), $"{id}'s help line is not under its first diagnostic");
        }

        // Under the gutter of the excerpt above it, as rustc's "= help:" lines.
        Assert.Contains("    |             ^~~~\n    = help: " + DigestRules.InvalidCount.HelpLink + "\n", string.Join('\n', lines), StringComparison.Ordinal);
        Assert.Contains("\n  = help: " + DigestRules.InternalError.HelpLink + "\n", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_lines_up_carets_under_wide_characters_and_tabs()
    {
        var text = Render(OutputFormat.Human);

        // "李飞飞, 😀 " takes 6 + 2 + 3 = 11 cells before "Emoji" (CJK and emoji are two cells wide).
        Assert.Contains(" 5 | 李飞飞, 😀 Emoji Author, Zoë Ünal\n   |            ^~~~~\n", text, StringComparison.Ordinal);

        // A tab advances to the next multiple of 4.
        Assert.Contains(" 4 |     Tab indented name\n   |         ^~~~~~~~\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_never_prints_invisible_or_control_characters()
    {
        var text = Render(OutputFormat.Human);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains(" 6 | Hidden <U+202E>override<U+202C> here\n   |        ^~~~~~~~\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_cuts_long_lines_around_the_span()
    {
        var lines = Render(OutputFormat.Human).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("DK4009", StringComparison.Ordinal));
        var source = lines[index + 1];
        var underline = lines[index + 2];
        Assert.StartsWith(" 7 | …", source, StringComparison.Ordinal);
        Assert.EndsWith("…", source, StringComparison.Ordinal);
        Assert.True(source.Length <= " 7 | ".Length + SourceExcerpt.MaxWidth + 2, source);
        var caret = underline.IndexOf('^', StringComparison.Ordinal);
        Assert.Equal("https://twitter.com/someone/likes/12345", source.Substring(caret, "https://twitter.com/someone/likes/12345".Length));
    }

    [Fact]
    public void Colour_output_is_the_plain_output_plus_escape_sequences()
    {
        var colored = Render(OutputFormat.Human, color: true);
        Assert.Contains("\u001b[1;31merror DK3001:", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;33mwarning DK2003:", colored, StringComparison.Ordinal);
        var stripped = Regex.Replace(colored, "\u001b\\[[0-9;]*m", string.Empty);
        Assert.Equal(Render(OutputFormat.Human), stripped);
    }

    [Fact]
    public void MsBuild_output_is_one_canonical_line_per_diagnostic()
    {
        var report = ConstructedReports.Create();
        var lines = Render(OutputFormat.MsBuild).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(report.Diagnostics.Count, lines.Length);
        var canonical = new Regex(@"^(?<path>[^(]+)\((?<l>\d+),(?<c>\d+),(?<el>\d+),(?<ec>\d+)\): (?<sev>error|warning|info) (?<id>DK\d{4}): (?<msg>.+)$");
        for (var i = 0; i < lines.Length; i++)
        {
            var d = report.Diagnostics[i];
            if (d.Path.Length == 0)
            {
                Assert.Equal($"digestkit: error DK9001: {d.Message}", lines[i]);
                continue;
            }

            var m = canonical.Match(lines[i]);
            Assert.True(m.Success, lines[i]);
            Assert.Equal(d.Path, m.Groups["path"].Value);
            Assert.Equal(d.Span.Line.ToString(), m.Groups["l"].Value);
            Assert.Equal(d.Span.Column.ToString(), m.Groups["c"].Value);
            Assert.Equal(d.Span.EndLine.ToString(), m.Groups["el"].Value);
            Assert.Equal(d.Span.EndColumn.ToString(), m.Groups["ec"].Value);
            Assert.Equal(d.Id, m.Groups["id"].Value);
        }

        Assert.Contains("check/broken.md(22,13,22,17): error DK3001: The retweets count '-208' is not a whole number of 0 or more; write one such as 12", lines);
        Assert.Contains(lines, l => l.StartsWith("check/mojibake.md(5,8,5,11): info DK5002: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_output_has_the_required_structure()
    {
        using var sarif = JsonDocument.Parse(Render(OutputFormat.Sarif));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("DigestKit", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Engine.DigestRules.All.Count, rules.Count);
        var dk5001 = rules.Single(r => r.GetProperty("id").GetString() == "DK5001");
        Assert.Equal("Mis-encoded author name", dk5001.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.EndsWith("/DK5001.md", dk5001.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Equal("warning", dk5001.GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(ConstructedReports.Create().Diagnostics.Count(d => d.Path.Length > 0), results.Count);
        var invalidCount = results.Single(r => r.GetProperty("ruleId").GetString() == "DK3001");
        Assert.Equal("error", invalidCount.GetProperty("level").GetString());
        var location = invalidCount.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("check/broken.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(22, region.GetProperty("startLine").GetInt32());
        Assert.Equal(13, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(22, region.GetProperty("endLine").GetInt32());
        Assert.Equal(17, region.GetProperty("endColumn").GetInt32());
        var ruleIndex = invalidCount.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("DK3001", rules[ruleIndex].GetProperty("id").GetString());

        // Info is SARIF's "note"; a path with a space is an escaped relative URI.
        Assert.Equal("note", results.First(r => r.GetProperty("ruleId").GetString() == "DK5002").GetProperty("level").GetString());
        Assert.Contains(results, r => r.TryGetProperty("locations", out var l)
            && l[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "check/sub%20dir/special.md");
    }

    [Fact]
    public void Json_output_has_every_diagnostic_and_the_counts()
    {
        var report = ConstructedReports.Create();
        using var json = JsonDocument.Parse(Render(OutputFormat.Json));
        var root = json.RootElement;
        Assert.Equal(report.Files, root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(report.Diagnostics.Count, diagnostics.Count);
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var expected = report.Diagnostics[i];
            var actual = diagnostics[i];
            Assert.Equal(expected.Path, actual.GetProperty("path").GetString());
            Assert.Equal(expected.Span.Line, actual.GetProperty("line").GetInt32());
            Assert.Equal(expected.Span.Column, actual.GetProperty("column").GetInt32());
            Assert.Equal(expected.Span.EndLine, actual.GetProperty("endLine").GetInt32());
            Assert.Equal(expected.Span.EndColumn, actual.GetProperty("endColumn").GetInt32());
            Assert.Equal(expected.Id, actual.GetProperty("id").GetString());
            Assert.Equal(CheckReport.SeverityName(expected.Severity), actual.GetProperty("severity").GetString());
            Assert.Equal(expected.Message, actual.GetProperty("message").GetString());
        }

        var mojibake = diagnostics.Single(d => d.GetProperty("id").GetString() == "DK5001");
        Assert.Equal("Petar Veličković", mojibake.GetProperty("fix").GetProperty("newText").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("files").GetInt32());
        Assert.Equal(report.Errors, summary.GetProperty("errors").GetInt32());
        Assert.Equal(report.Warnings, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(report.Infos, summary.GetProperty("infos").GetInt32());
        Assert.Equal(report.Diagnostics.Count, report.Errors + report.Warnings + report.Infos);
    }
}
