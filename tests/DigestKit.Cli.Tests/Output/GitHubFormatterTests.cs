using System.Text;
using DigestKit.Cli.Commands;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Output;

/// <summary><c>--format github</c>: workflow commands as the GitHub Actions runner parses them.</summary>
public sealed class GitHubFormatterTests
{
    private static string Render(CheckReport report, string root = "/repo", string cwd = "/repo")
    {
        var writer = new StringWriter { NewLine = "\n" };
        GitHubFormatter.Write(writer, report, root, cwd);
        return writer.ToString();
    }

    /// <summary>
    /// A workflow command as the runner reads it: <c>::name key=value,…::data</c>, properties split at ',' and at the
    /// first '=', then %25, %0D, %0A (and in properties %3A, %2C) decoded.
    /// </summary>
    private static (string Command, Dictionary<string, string> Properties, string Data) Parse(string line)
    {
        Assert.StartsWith("::", line, StringComparison.Ordinal);
        var end = line.IndexOf("::", 2, StringComparison.Ordinal);
        Assert.True(end > 0, line);
        var head = line[2..end];
        var space = head.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? head : head[..space];
        var properties = new Dictionary<string, string>();
        if (space >= 0)
        {
            foreach (var pair in head[(space + 1)..].Split(','))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                properties.Add(pair[..eq], Unescape(pair[(eq + 1)..], property: true));
            }
        }

        return (command, properties, Unescape(line[(end + 2)..], property: false));
    }

    private static string Unescape(string value, bool property)
    {
        var text = value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal);
        if (property)
        {
            text = text.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
        }

        return text.Replace("%25", "%", StringComparison.Ordinal);
    }

    [Fact]
    public void Escaping_follows_the_workflow_command_spec()
    {
        Assert.Equal("100%25 done%0D%0Anext: a, b", GitHubFormatter.EscapeData("100% done\r\nnext: a, b"));
        Assert.Equal("dir%2Cx/a%3Ab%25.md", GitHubFormatter.EscapeProperty("dir,x/a:b%.md"));
        Assert.Equal("%2525", GitHubFormatter.EscapeData("%25"));
        Assert.Equal("Hidden <U+202E> here\ttab", GitHubFormatter.EscapeData("Hidden \u202E here\ttab"));
    }

    [Fact]
    public void One_command_per_diagnostic_with_its_level_position_and_id_then_the_summary()
    {
        var report = ConstructedReports.Create();
        var lines = Render(report).Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal(report.SummaryLine(), lines[^2]);
        var commands = lines[..^2];
        Assert.Equal(report.Diagnostics.Count, commands.Length);
        Assert.Contains("::error file=check/broken.md,line=22,col=13,endLine=22,endColumn=17,title=DK3001::The retweets count '-208' is not a whole number of 0 or more; write one such as 12", commands);
        Assert.Contains("::warning file=check/broken.md,line=32,col=3,endLine=32,endColumn=4,title=DK2003::Paper number 3 is out of sequence; number it 2 ('digestkit fix' renumbers the papers)", commands);
        Assert.Contains(commands, c => c.StartsWith("::notice file=check/mojibake.md,line=5,col=8,endLine=5,endColumn=11,title=DK5002::", StringComparison.Ordinal));

        // Columns only on a one-line span; no file for a diagnostic that has none.
        Assert.Contains("::error file=check/sub dir/special.md,line=2,endLine=4,title=DK1003::Front matter is not valid YAML: a span over three lines; correct the YAML at this point", commands);
        Assert.Contains("::error title=DK9001::DigestKit could not check this file: a cross-file rule failed: constructed for the test; report it as a DigestKit issue, with this file", commands);

        for (var i = 0; i < commands.Length; i++)
        {
            var d = report.Diagnostics[i];
            var (command, properties, data) = Parse(commands[i]);
            Assert.Equal(d.Severity switch { DigestSeverity.Error => "error", DigestSeverity.Warning => "warning", _ => "notice" }, command);
            Assert.Equal(d.Id, properties["title"]);
            Assert.Equal(DisplayText.Sanitize(d.Message), data);
            if (d.Path.Length > 0)
            {
                Assert.Equal(d.Path, properties["file"]);
                Assert.Equal(d.Span.Line.ToString(), properties["line"]);
                Assert.Equal(d.Span.EndLine.ToString(), properties["endLine"]);
            }
        }
    }

    [Fact]
    public void Text_from_a_digest_cannot_break_the_line_or_the_properties()
    {
        const string text = "line one\nline two, with: 100%\n";
        var rule = DigestRules.UnexpectedContent;
        var diagnostic = ConstructedReports.At(text, "odd,name:x.md", "two", rule, "two\r\n::error::injected", "with: 100%");
        var output = Render(new CheckReport(["odd,name:x.md"], [diagnostic], _ => text));
        var lines = output.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("::warning file=odd%2Cname%3Ax.md,line=2,col=6,endLine=2,endColumn=9,title=DK2009::Unexpected content 'two%0D%0A::error::injected' with: 100%25; remove it or move it to its place, as it is not embedded", lines[0]);
        var (_, properties, data) = Parse(lines[0]);
        Assert.Equal("odd,name:x.md", properties["file"]);
        Assert.Equal("Unexpected content 'two\r\n::error::injected' with: 100%; remove it or move it to its place, as it is not embedded", data);
    }

    [Fact]
    public void Paths_are_relative_to_the_repository_root_like_the_runner_expects()
    {
        var report = ConstructedReports.Create();
        Assert.StartsWith("::warning file=content/check/broken.md,line=6,", Render(report, "/repo", "/repo/content"), StringComparison.Ordinal);
        Assert.StartsWith("::warning file=/repo/check/broken.md,line=6,", Render(report, "/elsewhere", "/repo"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_is_selected_by_name()
    {
        Assert.Equal(OutputFormat.GitHub, CommandLine.ParseCheck(["--format", "github", "x"]).Format);
        var stream = new MemoryStream();
        CheckCommand.WriteReport(stream, ConstructedReports.Create(), OutputFormat.GitHub, false, ConstructedReports.SarifAtRoot);
        Assert.Equal(Render(ConstructedReports.Create()), new UTF8Encoding(false, true).GetString(stream.ToArray()));
    }
}
