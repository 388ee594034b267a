using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>DK2013 through <c>check</c>: SARIF carries the first copy's heading as the related location.</summary>
public sealed class DuplicatePaperEndToEndTests
{
    private const string Heading = "# 1. Benign Overfitting and Noisy Features";

    [Fact]
    public void A_paper_pasted_twice_is_DK2013_on_the_second_heading_with_the_first_as_SARIF_related_location()
    {
        using var dir = new TempDirectory();
        var clean = File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "clean.md"));
        var lines = clean.Split('\n');
        var first = Array.IndexOf(lines, Heading);
        var next = Array.FindIndex(lines, first + 1, l => l.StartsWith("# ", StringComparison.Ordinal));
        var pasted = "# 3." + string.Join('\n', lines[first..next])[4..];
        var text = clean.TrimEnd('\n') + "\n\n" + pasted.TrimEnd('\n') + "\n";
        File.WriteAllText(dir.Combine("post.md"), text);
        var secondLine = text[..text.IndexOf("# 3. Benign", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = CliRunner.Run(dir.Path, "check", "--format", "sarif", "post.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var found = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "DK2013").ToList();
        var d = Assert.Single(found);
        Assert.Equal("Paper 3 is arXiv paper '2106.02901', already listed as paper 1; remove one of the two.", d.GetProperty("message").GetProperty("text").GetString());
        var region = d.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((secondLine, 1, secondLine, Heading.Length + 1),
            (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));

        var related = Assert.Single(d.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal("post.md", related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var relatedRegion = related.GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((first + 1, 1, first + 1, Heading.Length + 1, clean.IndexOf(Heading, StringComparison.Ordinal), Heading.Length),
            (relatedRegion.GetProperty("startLine").GetInt32(), relatedRegion.GetProperty("startColumn").GetInt32(), relatedRegion.GetProperty("endLine").GetInt32(),
             relatedRegion.GetProperty("endColumn").GetInt32(), relatedRegion.GetProperty("charOffset").GetInt32(), relatedRegion.GetProperty("charLength").GetInt32()));
        Assert.Equal("arXiv paper '2106.02901' first listed here.", related.GetProperty("message").GetProperty("text").GetString());
    }
}
