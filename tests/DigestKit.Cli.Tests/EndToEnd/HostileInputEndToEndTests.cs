using System.Text;
using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>Issue 13 through the real executable: a dependency's exception, millions of findings, UTF-32.</summary>
public sealed class HostileInputEndToEndTests
{
    private static JsonElement[] Diagnostics(CliResult result)
    {
        using var json = JsonDocument.Parse(result.StdOut);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.Clone()).ToArray();
    }

    [Fact]
    public void A_post_that_makes_Markdig_throw_reports_one_DK2017_at_the_end_and_its_own_findings()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "clean.md"));
        var heading = text.IndexOf("# 1. ", StringComparison.Ordinal);
        text = text.Substring(0, heading) + "# 1. \u202E" + text.Substring(heading + 5);
        dir.Write("post.md", Encoding.UTF8.GetBytes(text + "[\nt\nd\nt\ns\ns\n\"\n:\r"));

        var result = CliRunner.Run(dir.Path, "check", "--format", "json", "post.md");

        Assert.True(result.ExitCode == 1, result.ToString());
        var ids = Diagnostics(result).Select(d => d.GetProperty("id").GetString()).ToArray();
        Assert.Equal(new[] { "DK5004", "DK2017" }, ids);
        var last = Diagnostics(result)[1];
        var lines = text.Split('\n').Length;
        Assert.Equal((lines, 1), (last.GetProperty("line").GetInt32(), last.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void Four_megabytes_of_hash_lines_print_200_diagnostics_and_one_DK9020_and_fail()
    {
        using var dir = new TempDirectory();
        dir.Write("post.md", Encoding.ASCII.GetBytes(new StringBuilder().Insert(0, "#\n", 2 * 1024 * 1024).ToString()));

        var result = CliRunner.Run(dir.Path, "check", "--format", "json", "post.md");

        Assert.True(result.ExitCode == 1, result.ToString().Substring(0, Math.Min(2000, result.ToString().Length)));
        var diagnostics = Diagnostics(result);
        Assert.Equal(201, diagnostics.Length);
        var summary = diagnostics[200];
        Assert.Equal(("DK9020", "info"), (summary.GetProperty("id").GetString(), summary.GetProperty("severity").GetString()));
        Assert.StartsWith("This file has " + ((5 * 2 * 1024 * 1024) + 1 - 200).ToString() + " more diagnostics than are shown: DK2008 ×", summary.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_UTF32_file_is_one_DK2012_that_names_UTF32(bool bigEndian)
    {
        using var dir = new TempDirectory();
        var encoding = new UTF32Encoding(bigEndian, true);
        dir.Write("post.md", encoding.GetPreamble().Concat(encoding.GetBytes(File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "clean.md")))).ToArray());

        var result = CliRunner.Run(dir.Path, "check", "--format", "json", "post.md");

        Assert.True(result.ExitCode == 1, result.ToString());
        var d = Assert.Single(Diagnostics(result));
        Assert.Equal("DK2012", d.GetProperty("id").GetString());
        Assert.Contains("UTF-32", d.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
