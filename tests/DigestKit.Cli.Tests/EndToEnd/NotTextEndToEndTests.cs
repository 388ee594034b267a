using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>A binary file saved as .md is one error in <c>check</c>, not a diagnostic per line of noise.</summary>
public sealed class NotTextEndToEndTests
{
    [Fact]
    public void Check_reports_a_binary_md_file_with_exactly_one_DK2012()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }.CopyTo(bytes, 0);
        dir.Write("post.md", bytes);

        var result = CliRunner.Run(dir.Path, "check", "--format", "json", "post.md");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DK2012", d.GetProperty("id").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal((1, 1, 0), (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("length").GetInt32()));
        Assert.Equal("The file is not a text digest: it holds NUL characters (U+0000), the first at offset 8; save it as UTF-8 text, or exclude it from the digests", d.GetProperty("message").GetString());
    }
}
