using System.Text;
using System.Text.Json.Nodes;
using DigestKit.Cli.Tests.EndToEnd;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Lsp;

/// <summary>The repairs <c>fix</c> applies, offered by <c>digestkit lsp</c> as quick fixes that clear their diagnostic.</summary>
public sealed class CountedFixesLspTests : IDisposable
{
    private readonly TempDirectory _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string[] Codes(JsonArray diagnostics) => diagnostics.Select(d => (string)d!["code"]!).ToArray();

    /// <summary>Opens <paramref name="text"/>, asks for the quick fixes at its one diagnostic, applies the single one.</summary>
    private async Task<(string Id, string Title, string NewText)> ApplyTheQuickFixAsync(string text)
    {
        var path = _workspace.Write("digest.md", Encoding.UTF8.GetBytes(text));
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var uri = LspClient.Uri(path);
        client.Open(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        var diagnostic = Assert.Single(diagnostics)!;

        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Document(uri),
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostics.DeepClone(), ["only"] = new JsonArray("quickfix") },
        });
        var action = Assert.Single(response["result"]!.AsArray())!;
        Assert.True((bool?)action["isPreferred"]);
        var edit = Assert.Single(action["edit"]!["changes"]![uri]!.AsArray())!;
        client.Change(uri, 2, LspClient.Edit((JsonObject)edit["range"]!.DeepClone(), (string)edit["newText"]!));
        Assert.Empty(Codes(await client.DiagnosticsAsync(uri, 2)));
        Assert.Equal(0, await client.ShutdownAsync());
        return ((string)diagnostic["code"]!, (string)action["title"]!, (string)edit["newText"]!);
    }

    [Fact]
    public async Task A_duplicate_number_is_renumbered_by_its_quick_fix()
    {
        var (id, title, newText) = await ApplyTheQuickFixAsync(CountedFixesEndToEndTests.Digest(1, 1));
        Assert.Equal(("DK2004", "Renumber paper 1 to 2 (DK2004)", "2"), (id, title, newText));
    }

    [Fact]
    public async Task A_missing_pdf_link_is_restored_by_its_quick_fix()
    {
        var text = CountedFixesEndToEndTests.Digest(1).Replace(" | [pdf](https://arxiv.org/pdf/2106.02901)", string.Empty, StringComparison.Ordinal);
        var (id, title, newText) = await ApplyTheQuickFixAsync(text);
        Assert.Equal(
            ("DK4002", "Add ' | [pdf](https://arxiv.org/pdf/2106.02901)' to the links line (DK4002)", " | [pdf](https://arxiv.org/pdf/2106.02901)"),
            (id, title, newText));
    }
}
