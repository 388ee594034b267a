using DigestKit.Cli.Docs;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>Per-command help and <c>digestkit explain</c>, through the real executable.</summary>
public sealed class HelpAndExplainTests
{
    private static string Data => CliTestPaths.TestDataDir;

    [Theory]
    [InlineData("check", "-h", "Usage: digestkit check [options] <file-or-folder>...", "--warnaserror", "--dry-run")]
    [InlineData("check", "--help", "Usage: digestkit check [options] <file-or-folder>...", "--format <human|msbuild|sarif|json|github>", "--dry-run")]
    [InlineData("fix", "-h", "Usage: digestkit fix [options] <file-or-folder>...", "--dry-run", "--warnaserror")]
    [InlineData("rules", "-h", "Usage: digestkit rules [--format text|json]", "--format <text|json>", "--dry-run")]
    [InlineData("explain", "--help", "Usage: digestkit explain <DKxxxx>", "'digestkit rules' lists the IDs", "--format")]
    public void Each_command_has_its_own_help(string command, string flag, string firstLine, string mentions, string notMentioned)
    {
        // The help flag wins wherever it stands, even among other arguments.
        var result = CliRunner.Run(Data, command, "check/clean.md", flag);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdErr);
        Assert.StartsWith(firstLine + "\n", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(mentions, result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(notMentioned, result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_help_flag_after_double_dash_is_a_file_name()
    {
        var result = CliRunner.Run(Data, "check", "--", "-h");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'-h' does not exist", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DK2003")]
    [InlineData("dk2003")]
    [InlineData("2003")]
    public void Explain_prints_the_rule_page(string id)
    {
        var result = CliRunner.Run(Data, "explain", id);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdErr);
        var page = File.ReadAllText(Path.Combine(DigestKit.Tests.TestPaths.RepoRoot, "docs", "diagnostics", "DK2003.md")).ReplaceLineEndings("\n");
        Assert.Equal(page, result.StdOut);
        Assert.StartsWith("# DK2003: Paper numbering is not 1..N\n", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DK2030", "digestkit: unknown rule 'DK2030': did you mean DK2010? (see 'digestkit rules')\n")]
    [InlineData("DK600", "digestkit: unknown rule 'DK600': did you mean DK6001? (see 'digestkit rules')\n")]
    [InlineData("lint-everything", "digestkit: unknown rule 'lint-everything' (see 'digestkit rules')\n")]
    public void Explain_of_an_unknown_rule_exits_2_and_suggests_the_nearest(string id, string expected)
    {
        var result = CliRunner.Run(Data, "explain", id);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Equal(expected, result.StdErr);
    }

    [Theory]
    [InlineData("'explain' needs exactly one rule ID")]
    [InlineData("'explain' needs exactly one rule ID", "DK1001", "DK1002")]
    [InlineData("unknown option '--json' for 'explain'", "--json", "DK1001")]
    public void Explain_usage_errors_exit_2(string message, params string[] args)
    {
        var result = CliRunner.Run(Data, ["explain", .. args]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalogued_rule_has_its_page_embedded_titled_as_in_the_catalogue()
    {
        foreach (var rule in DigestRules.All)
        {
            var page = RuleDocs.Markdown(rule.Id);
            Assert.True(page is not null, $"no embedded page for {rule.Id}");
            Assert.StartsWith($"# {rule.Id}: {rule.Title}\n", page, StringComparison.Ordinal);
        }

        Assert.Null(RuleDocs.Markdown("DK0000"));
        Assert.Null(RuleDocs.Markdown("../README"));
        Assert.Null(RuleDocs.Markdown(""));
    }
}
