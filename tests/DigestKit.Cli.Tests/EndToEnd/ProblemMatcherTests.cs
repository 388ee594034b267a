using System.Text.Json;
using System.Text.RegularExpressions;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// .github/digestkit-matcher.json, the problem matcher for the MSBuild-style lines of <c>check --format msbuild</c>
/// and of a build, applied as the Actions runner applies it (a .NET regular expression, its groups by number).
/// </summary>
public sealed class ProblemMatcherTests
{
    public static string MatcherPath => Path.Combine(TestPaths.RepoRoot, ".github", "digestkit-matcher.json");

    [Fact]
    public void The_matcher_reads_every_error_and_warning_line_of_the_msbuild_format()
    {
        var (regex, groups) = Matcher.Load(MatcherPath);
        var lines = CliRunner.Run(CliTestPaths.TestDataDir, "check", "--format", "msbuild", "check").StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = CliRunner.Run(CliTestPaths.TestDataDir, "check", "--format", "json", "check").StdOut;
        using var document = JsonDocument.Parse(json);
        var diagnostics = document.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(diagnostics.Count, lines.Length);
        Assert.Contains(diagnostics, d => d.GetProperty("severity").GetString() == "info");

        for (var i = 0; i < lines.Length; i++)
        {
            var d = diagnostics[i];
            var m = regex.Match(lines[i]);
            if (d.GetProperty("severity").GetString() == "info")
            {
                // The runner would make an unknown severity an error: info lines are left to --format github.
                Assert.False(m.Success, lines[i]);
                continue;
            }

            Assert.True(m.Success, lines[i]);
            Assert.Equal(d.GetProperty("path").GetString(), m.Groups[groups["file"]].Value);
            Assert.Equal(d.GetProperty("line").GetInt32().ToString(), m.Groups[groups["line"]].Value);
            Assert.Equal(d.GetProperty("column").GetInt32().ToString(), m.Groups[groups["column"]].Value);
            Assert.Equal(d.GetProperty("severity").GetString(), m.Groups[groups["severity"]].Value);
            Assert.Equal(d.GetProperty("id").GetString(), m.Groups[groups["code"]].Value);
            Assert.Equal(d.GetProperty("message").GetString(), m.Groups[groups["message"]].Value);
        }
    }
}

/// <summary>The single-line pattern of a problem-matcher file.</summary>
internal static class Matcher
{
    public static (Regex Regex, Dictionary<string, int> Groups) Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var matcher = json.RootElement.GetProperty("problemMatcher").EnumerateArray().Single();
        Assert.Equal("digestkit", matcher.GetProperty("owner").GetString());
        var pattern = matcher.GetProperty("pattern").EnumerateArray().Single();
        var groups = pattern.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(["code", "column", "file", "line", "message", "severity"], groups.Keys.Order());
        return (new Regex(pattern.GetProperty("regexp").GetString()!), groups);
    }
}
