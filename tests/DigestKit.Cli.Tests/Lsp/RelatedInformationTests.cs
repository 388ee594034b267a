using System.Text;
using System.Text.Json.Nodes;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Lsp;

/// <summary>A diagnostic about a repeat within one file points the editor at the first occurrence.</summary>
public sealed class RelatedInformationTests : IDisposable
{
    private readonly TempDirectory _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task DK2013_has_the_first_heading_of_the_paper_as_related_information()
    {
        var clean = File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "clean.md"));
        var first = clean.IndexOf("\n# 1. ", StringComparison.Ordinal) + 1;
        var next = clean.IndexOf("\n# 2. ", StringComparison.Ordinal) + 1;
        var text = clean.TrimEnd('\n') + "\n\n# 3. " + clean[(first + "# 1. ".Length)..next];
        var path = _workspace.Write("dup.md", Encoding.UTF8.GetBytes(text));
        var firstLine = clean[..first].Count(c => c == '\n');
        var headingLength = clean.IndexOf('\n', first) - first;

        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var uri = LspClient.Uri(path);
        client.Open(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, 1);

        var duplicate = diagnostics.Single(d => (string?)d!["code"] == "DK2013")!;
        var related = Assert.Single(duplicate["relatedInformation"]!.AsArray())!;
        Assert.Equal(uri, (string?)related["location"]!["uri"]);
        var range = related["location"]!["range"]!;
        Assert.Equal($"{firstLine}:0-{firstLine}:{headingLength}",
            $"{range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]}");
        Assert.Equal("arXiv paper '2106.02901' first listed here", (string?)related["message"]);
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
