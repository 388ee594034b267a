using DigestKit.Cli.Commands;
using DigestKit.Cli.Input;

namespace DigestKit.Cli.Tests.Commands;

public sealed class CommandLineTests
{
    [Fact]
    public void Check_options_in_any_order_and_both_value_syntaxes()
    {
        var options = CommandLine.ParseCheck(["a.md", "--format=sarif", "folder", "-o", "out.sarif", "--warnaserror", "--no-color"]);
        Assert.Equal(["a.md", "folder"], options.Paths);
        Assert.Equal(OutputFormat.Sarif, options.Format);
        Assert.Equal("out.sarif", options.OutputPath);
        Assert.True(options.WarningsAsErrors);
        Assert.Equal(ColorMode.Never, options.Color);
    }

    [Fact]
    public void Defaults_and_double_dash()
    {
        var options = CommandLine.ParseCheck(["--", "--weird-name.md"]);
        Assert.Equal(["--weird-name.md"], options.Paths);
        Assert.Equal(OutputFormat.Human, options.Format);
        Assert.Null(options.OutputPath);
        Assert.False(options.WarningsAsErrors);
        Assert.Equal(ColorMode.Auto, options.Color);
    }

    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus", "a.md")]
    [InlineData("unknown format 'xml'", "--format", "xml", "a.md")]
    [InlineData("option '--format' needs a value", "a.md", "--format")]
    [InlineData("needs at least one file or folder")]
    [InlineData("option '--warnaserror' takes no value", "--warnaserror=yes", "a.md")]
    public void Check_usage_errors_say_what_is_wrong(string expected, params string[] args)
    {
        var ex = Assert.Throws<UsageException>(() => CommandLine.ParseCheck(args));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_options()
    {
        var options = CommandLine.ParseFix(["--dry-run", "x"]);
        Assert.True(options.DryRun);
        Assert.Equal(["x"], options.Paths);
        Assert.False(CommandLine.ParseFix(["x"]).DryRun);
        Assert.Throws<UsageException>(() => CommandLine.ParseFix(["--format", "json", "x"]));
    }
}
