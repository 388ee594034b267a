using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary><c>digestkit rules</c> through the real executable: the whole catalogue, as text and as JSON.</summary>
public sealed class RulesEndToEndTests
{
    private static string Data => CliTestPaths.TestDataDir;

    [Theory]
    [InlineData("rules.txt")]
    [InlineData("rules.json", "--format", "json")]
    public void Rules_output_matches_golden_file(string golden, params string[] options)
    {
        var result = CliRunner.Run(Data, ["rules", .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdErr);
        Golden.AssertMatches(CliTestPaths.GoldenDir, Path.Combine("rules", golden), result.StdOut);
    }

    [Fact]
    public void Text_lists_every_catalogued_rule_once_with_its_default_severity_category_and_title()
    {
        var result = CliRunner.Run(Data, "rules");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID      Severity  Category               Title", lines[0].TrimEnd());
        Assert.Equal(DigestRules.All.Count, lines.Length - 1);
        foreach (var (rule, line) in DigestRules.All.Zip(lines.Skip(1)))
        {
            var severity = rule.DefaultSeverity switch { DigestSeverity.Error => "error", DigestSeverity.Warning => "warning", _ => "info" };
            Assert.Equal([rule.Id, severity, rule.Category], line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries)[..3]);
            Assert.EndsWith("  " + rule.Title, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_lists_every_catalogued_rule()
    {
        var result = CliRunner.Run(Data, "rules", "--format=json");
        using var json = JsonDocument.Parse(result.StdOut);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DigestRules.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var dk2003 = rules.Single(r => r.GetProperty("id").GetString() == "DK2003");
        Assert.Equal("warning", dk2003.GetProperty("defaultSeverity").GetString());
        Assert.Equal("DigestKit.Structure", dk2003.GetProperty("category").GetString());
        Assert.Equal(DigestRules.NumberingGap.HelpLink, dk2003.GetProperty("helpUri").GetString());
    }

    [Theory]
    [InlineData("unknown format 'xml' for 'rules'", "--format", "xml")]
    [InlineData("unknown option '--bogus' for 'rules'", "--bogus")]
    [InlineData("'rules' takes no argument, got 'DK1001' (see 'digestkit explain DK1001' for one rule)", "DK1001")]
    public void Rules_usage_errors_exit_2(string message, params string[] args)
    {
        var result = CliRunner.Run(Data, ["rules", .. args]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
    }
}
