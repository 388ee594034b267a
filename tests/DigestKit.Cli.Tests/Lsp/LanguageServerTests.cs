using System.Text;
using System.Text.Json.Nodes;
using DigestKit.Cli.Tests.Infrastructure;

namespace DigestKit.Cli.Tests.Lsp;

/// <summary>
/// The real <c>digestkit lsp</c> process driven over stdio as an editor drives it. Each test gets its own
/// workspace folder with copies of TestData/check digests, so the cross-file rules see only what it puts there.
/// </summary>
public sealed class LanguageServerTests : IDisposable
{
    private readonly TempDirectory _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string CopyDigest(string name, string? as_ = null) => _workspace.CopyIn(Path.Combine(CliTestPaths.CheckDataDir, name), as_);

    /// <summary>A server on the workspace folder, with a copy of a TestData/check digest in it, opened.</summary>
    private async Task<(LspClient Client, string Uri, string Text)> StartWithOpenCopyAsync(string name)
    {
        var path = CopyDigest(name);
        var text = File.ReadAllText(path);
        var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var uri = LspClient.Uri(path);
        client.Open(uri, text);
        return (client, uri, text);
    }

    private static string[] Summary(JsonArray diagnostics) =>
        diagnostics.Select(d => $"{d!["code"]} {d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}-{d["range"]!["end"]!["line"]}:{d["range"]!["end"]!["character"]} severity {d["severity"]}").ToArray();

    [Fact]
    public async Task Initialize_announces_utf16_incremental_sync_both_diagnostic_models_and_the_code_action_kinds()
    {
        await using var client = LspClient.Start(_workspace.Path);
        var result = await client.InitializeAsync(_workspace.Path);
        var capabilities = result["capabilities"]!;
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
        Assert.Equal(2, (int?)capabilities["textDocumentSync"]!["change"]);
        Assert.True((bool?)capabilities["textDocumentSync"]!["openClose"]);
        Assert.Equal("digestkit", (string?)capabilities["diagnosticProvider"]!["identifier"]);
        Assert.True((bool?)capabilities["diagnosticProvider"]!["interFileDependencies"]);
        Assert.Equal(["quickfix", "source.fixAll.digestkit"], capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string?)k));
        Assert.True((bool?)capabilities["hoverProvider"]);
        Assert.True((bool?)capabilities["documentSymbolProvider"]);
        Assert.NotNull(capabilities["completionProvider"]);
        Assert.Equal("digestkit", (string?)result["serverInfo"]!["name"]);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Opening_a_broken_digest_pushes_every_diagnostic_at_the_ranges_check_reports()
    {
        var (client, uri, text) = await StartWithOpenCopyAsync("broken.md");
        await using var _ = client;
        var diagnostics = await client.DiagnosticsAsync(uri, 1);

        // check's msbuild output for the same file, 1-based: (6,7,6,30) DK1008, (22,13,22,17) DK3001, ...
        Assert.Equal(
            [
                "DK1008 5:6-5:29 severity 2",
                "DK3001 21:12-21:16 severity 1",
                "DK2003 31:2-31:3 severity 2",
                "DK4002 37:0-37:48 severity 1",
                "DK4008 38:50-38:55 severity 2",
            ],
            Summary(diagnostics));
        var first = diagnostics[0]!;
        Assert.Equal("digestkit", (string?)first["source"]);
        Assert.Equal("https://github.com/digestkit/digestkit/blob/main/docs/diagnostics/DK1008.md", (string?)first["codeDescription"]!["href"]);
        Assert.Equal("Slug 'hot-papers-2021-06-12' does not match the title's date; write 'hot-papers-2021-06-21'", (string?)first["message"]);

        // The pull model gives the same list.
        var pulled = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspClient.Document(uri) });
        Assert.Equal("full", (string?)pulled["result"]!["kind"]);
        Assert.Equal(Summary(diagnostics), Summary(pulled["result"]!["items"]!.AsArray()));
        var again = await client.RequestAsync("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = LspClient.Document(uri),
            ["previousResultId"] = pulled["result"]!["resultId"]!.GetValue<string>(),
        });
        Assert.Equal("unchanged", (string?)again["result"]!["kind"]);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Incremental_changes_introduce_and_then_remove_a_defect()
    {
        var (client, uri, text) = await StartWithOpenCopyAsync("clean.md");
        await using var _ = client;
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));

        // Line 21 is "- retweets: 208, favorites: 740 (...)": type a minus sign before 208.
        Assert.StartsWith("- retweets: 208,", text.Split('\n')[21], StringComparison.Ordinal);
        client.Change(uri, 2, LspClient.Edit(LspClient.Range(21, 12, 21, 12), "-"));
        Assert.Equal(["DK3001 21:12-21:16 severity 1"], Summary(await client.DiagnosticsAsync(uri, 2)));

        client.Change(uri, 3, LspClient.Edit(LspClient.Range(21, 12, 21, 13), string.Empty));
        Assert.Empty(await client.DiagnosticsAsync(uri, 3));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_quick_fix_applied_to_the_buffer_clears_its_diagnostic()
    {
        var (client, uri, text) = await StartWithOpenCopyAsync("renumber.md");
        await using var _ = client;
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        Assert.Equal(["DK2003 31:2-31:3 severity 2"], Summary(diagnostics));

        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Document(uri),
            ["range"] = LspClient.Range(31, 2, 31, 2),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostics.DeepClone(), ["only"] = new JsonArray("quickfix") },
        });
        var action = Assert.Single(response["result"]!.AsArray())!;
        Assert.Equal("quickfix", (string?)action["kind"]);
        Assert.True((bool?)action["isPreferred"]);
        Assert.Equal("DK2003", (string?)action["diagnostics"]![0]!["code"]);
        var edits = action["edit"]!["changes"]![uri]!.AsArray();
        var edit = Assert.Single(edits)!;
        Assert.Equal("2", (string?)edit["newText"]);

        // Apply it as the editor does, and send the change.
        client.Change(uri, 2, LspClient.Edit((JsonObject)edit["range"]!.DeepClone(), (string)edit["newText"]!));
        Assert.Empty(await client.DiagnosticsAsync(uri, 2));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Fix_all_in_the_file_repairs_every_mis_encoded_name_as_fix_does()
    {
        var (client, uri, text) = await StartWithOpenCopyAsync("mojibake.md");
        await using var _ = client;
        var before = Summary(await client.DiagnosticsAsync(uri, 1));
        Assert.Equal(["DK5001 33:0-33:18 severity 2", "DK5001 33:38-33:51 severity 2", "DK5002 40:125-40:129 severity 3"], before);

        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Document(uri),
            ["range"] = LspClient.Range(0, 0, 0, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("source.fixAll") },
        });
        var action = Assert.Single(response["result"]!.AsArray())!;
        Assert.Equal("source.fixAll.digestkit", (string?)action["kind"]);
        var edits = action["edit"]!["changes"]![uri]!.AsArray().Select(e => (JsonObject)e!).ToList();
        var fixedText = LspTestText.Apply(text, edits);
        Assert.Contains("Petar Veličković, Guillem Cucurull, José García", fixedText, StringComparison.Ordinal);
        Assert.Contains("👇", fixedText, StringComparison.Ordinal);

        // Sent as edits from the last to the first, so each range is still valid when it is applied.
        var changes = edits.OrderByDescending(e => (int)e["range"]!["start"]!["line"]!).Select(e => LspClient.Edit((JsonObject)e["range"]!.DeepClone(), (string)e["newText"]!)).ToArray();
        client.Change(uri, 2, changes);
        Assert.Empty(await client.DiagnosticsAsync(uri, 2));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_duplicate_slug_is_found_against_a_file_that_was_never_opened_and_follows_it_on_disk()
    {
        var first = CopyDigest("clean.md", "a.md");
        var second = CopyDigest("clean.md", "b.md");
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path, new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        });
        var uri = LspClient.Uri(second);
        client.Open(uri, File.ReadAllText(second));

        // The index may land after the first push: wait for the push that has the cross-file diagnostic.
        JsonArray diagnostics;
        do
        {
            diagnostics = await client.DiagnosticsAsync(uri);
        }
        while (!diagnostics.Any(d => (string?)d!["code"] == "DK6001"));

        var duplicate = diagnostics.Single(d => (string?)d!["code"] == "DK6001")!;
        Assert.Equal("Slug 'hot-papers-2021-06-21' is also used by a.md; give each digest its own slug", (string?)duplicate["message"]);
        Assert.Equal(1, (int?)duplicate["severity"]);
        Assert.Equal("5:6-5:29", $"{duplicate["range"]!["start"]!["line"]}:{duplicate["range"]!["start"]!["character"]}-{duplicate["range"]!["end"]!["line"]}:{duplicate["range"]!["end"]!["character"]}");
        var related = Assert.Single(duplicate["relatedInformation"]!.AsArray())!;
        Assert.Equal(LspClient.Uri(first), (string?)related["location"]!["uri"]);
        Assert.Equal(5, (int?)related["location"]!["range"]!["start"]!["line"]);
        Assert.Equal(6, (int?)related["location"]!["range"]!["start"]!["character"]);

        // The other file changes its slug on disk: the open file's diagnostic goes, without an edit of its own.
        File.WriteAllText(first, File.ReadAllText(first).Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"hot-papers-2021-06-20\"", StringComparison.Ordinal));
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspClient.Uri(first), ["type"] = 2 }),
        });
        var after = await client.DiagnosticsAsync(uri);
        Assert.DoesNotContain(after, d => (string?)d!["code"] == "DK6001");
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task An_edit_in_one_open_file_updates_the_cross_file_diagnostics_of_another()
    {
        var first = CopyDigest("clean.md", "a.md");
        var second = _workspace.Write("b.md", Encoding.UTF8.GetBytes(File.ReadAllText(first).Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"hot-papers-2021-06-22\"", StringComparison.Ordinal)));
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var (a, b) = (LspClient.Uri(first), LspClient.Uri(second));
        client.Open(a, File.ReadAllText(first));
        client.Open(b, File.ReadAllText(second));
        Assert.DoesNotContain(await client.DiagnosticsAsync(b, 1), d => (string?)d!["code"] == "DK6001");

        // a.md takes b.md's slug: b.md, later in path order, is the duplicate, and its related location is a.md's new slug.
        client.Change(a, 2, LspClient.Edit(LspClient.Range(5, 27, 5, 28), "2"));
        JsonArray diagnostics;
        do
        {
            diagnostics = await client.DiagnosticsAsync(b);
        }
        while (!diagnostics.Any(d => (string?)d!["code"] == "DK6001"));

        var related = diagnostics.Single(d => (string?)d!["code"] == "DK6001")!["relatedInformation"]![0]!["location"]!;
        Assert.Equal(a, (string?)related["uri"]);
        Assert.Equal(5, (int?)related["range"]!["start"]!["line"]);

        // Papers with the same arXiv id and a different title across files: DK6002 on b.md, related to a.md's title.
        client.Change(b, 2, LspClient.Edit(LspClient.Range(17, 5, 17, 11), "Malign"));
        var changed = await client.DiagnosticsAsync(b, 2);
        var inconsistent = changed.Single(d => (string?)d!["code"] == "DK6002")!;
        Assert.Equal("arXiv paper '2106.02901' has a different title in a.md; check which one is right", (string?)inconsistent["message"]);
        Assert.Equal(17, (int?)inconsistent["relatedInformation"]![0]!["location"]!["range"]!["start"]!["line"]);

        // a.md goes back to its slug: the duplicate goes; the paper disagreement and b.md's own slug warning stay.
        client.Change(a, 3, LspClient.Edit(LspClient.Range(5, 27, 5, 28), "1"));
        do
        {
            diagnostics = await client.DiagnosticsAsync(b);
        }
        while (diagnostics.Any(d => (string?)d!["code"] == "DK6001"));

        Assert.Equal(["DK1008", "DK6002"], diagnostics.Select(d => (string?)d!["code"]));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_client_that_pulls_and_takes_refreshes_gets_no_pushes_and_a_refresh_on_cross_file_changes()
    {
        var first = CopyDigest("clean.md", "a.md");
        var second = CopyDigest("broken.md", "b.md");
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } },
            ["workspace"] = new JsonObject { ["diagnostics"] = new JsonObject { ["refreshSupport"] = true } },
        });
        var uri = LspClient.Uri(second);
        client.Open(uri, File.ReadAllText(second));
        var pulled = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspClient.Document(uri) });
        Assert.Equal(5, pulled["result"]!["items"]!.AsArray().Count);

        // b.md's slug (hot-papers-2021-06-12) given to a.md on disk: the server asks the client to pull again.
        File.WriteAllText(first, File.ReadAllText(first).Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"hot-papers-2021-06-12\"", StringComparison.Ordinal));
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspClient.Uri(first), ["type"] = 2 }),
        });
        await client.WaitForAsync(m => (string?)m["method"] == "workspace/diagnostic/refresh", "workspace/diagnostic/refresh");
        var again = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspClient.Document(uri) });
        Assert.Contains(again["result"]!["items"]!.AsArray(), d => (string?)d!["code"] == "DK6001");
        Assert.DoesNotContain(client.Seen, m => (string?)m["method"] == "textDocument/publishDiagnostics");
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Without_client_file_watching_the_server_follows_the_disk_itself()
    {
        var first = CopyDigest("clean.md", "a.md");
        var second = CopyDigest("clean.md", "b.md");
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path); // no workspace.didChangeWatchedFiles capability
        var uri = LspClient.Uri(second);
        client.Open(uri, File.ReadAllText(second));
        JsonArray diagnostics;
        do
        {
            diagnostics = await client.DiagnosticsAsync(uri);
        }
        while (!diagnostics.Any(d => (string?)d!["code"] == "DK6001"));

        // Another program deletes the unopened duplicate: no notification from the client, the DK6001 still goes.
        File.Delete(first);
        do
        {
            diagnostics = await client.DiagnosticsAsync(uri);
        }
        while (diagnostics.Any(d => (string?)d!["code"] == "DK6001"));

        Assert.Empty(diagnostics);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task The_server_registers_its_file_watchers_when_the_client_can_take_them()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path, new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        });
        var request = await client.WaitForAsync(m => (string?)m["method"] == "client/registerCapability", "client/registerCapability");
        var registration = request["params"]!["registrations"]![0]!;
        Assert.Equal("workspace/didChangeWatchedFiles", (string?)registration["method"]);
        Assert.Equal(["**/*.md", "**/.editorconfig", "**/.globalconfig"], registration["registerOptions"]!["watchers"]!.AsArray().Select(w => (string?)w!["globPattern"]));
        client.Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone(), ["result"] = null });
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Severities_come_from_editorconfig_as_in_check()
    {
        var path = CopyDigest("broken.md");
        _workspace.Write(".editorconfig", Encoding.UTF8.GetBytes("root = true\n\n[*.md]\ndigestkit_diagnostic.DK4008.severity = error\ndigestkit_diagnostic.DK1008.severity = none\n"));
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var uri = LspClient.Uri(path);
        client.Open(uri, File.ReadAllText(path));
        Assert.Equal(
            ["DK3001 21:12-21:16 severity 1", "DK2003 31:2-31:3 severity 2", "DK4002 37:0-37:48 severity 1", "DK4008 38:50-38:55 severity 1"],
            Summary(await client.DiagnosticsAsync(uri, 1)));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Hover_shows_the_parsed_paper_on_its_heading_and_links()
    {
        var (client, uri, text) = await StartWithOpenCopyAsync("clean.md");
        await using var _ = client;

        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = LspClient.Document(uri), ["position"] = LspClient.Position(17, 5) });
        Assert.Equal("markdown", (string?)hover["result"]!["contents"]!["kind"]);
        Assert.Equal(
            "**1. Benign Overfitting and Noisy Features**\n\n- rank: 1\n- score: 948 (208 retweets + 740 favorites)\n- measured at: 2021-06-22 07:43:13\n" +
            "- arXiv: [2106.02901](https://arxiv.org/abs/2106.02901)\n- categories: stat.ML, cs.LG\n- authors: 3\n- tweets: 0\n",
            (string?)hover["result"]!["contents"]!["value"]);
        Assert.Equal(17, (int?)hover["result"]!["range"]!["start"]!["line"]);

        var onLinks = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = LspClient.Document(uri), ["position"] = LspClient.Position(23, 20) });
        Assert.StartsWith("**1. Benign Overfitting", (string?)onLinks["result"]!["contents"]!["value"], StringComparison.Ordinal);

        // The author line is not a place a hover is offered.
        var onAuthors = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = LspClient.Document(uri), ["position"] = LspClient.Position(19, 3) });
        Assert.True(onAuthors.ContainsKey("result") && onAuthors["result"] is null, onAuthors.ToJsonString());
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Document_symbols_outline_the_front_matter_and_the_papers()
    {
        var (client, uri, text) = await StartWithOpenCopyAsync("clean.md");
        await using var _ = client;
        var response = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Document(uri) });
        var symbols = response["result"]!.AsArray();
        Assert.Equal(["front matter", "1. Benign Overfitting and Noisy Features", "2. Graph Attention Networks for Everyone"], symbols.Select(s => (string?)s!["name"]));
        Assert.Equal(
            ["title", "date", "template", "draft", "slug", "category", "tags", "description", "socialImage"],
            symbols[0]!["children"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal("2106.02901 · score 948", (string?)symbols[1]!["detail"]);
        Assert.Equal(17, (int?)symbols[1]!["selectionRange"]!["start"]!["line"]);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Completion_offers_missing_front_matter_keys_and_arxiv_categories()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var uri = LspClient.Uri(_workspace.Combine("new.md"));
        client.Open(uri, "---\ntitle: Hot Papers 2021-06-21\nsl\n---\n\n# 1. A paper\n- [cs.L\n");

        var keys = await client.RequestAsync("textDocument/completion", new JsonObject { ["textDocument"] = LspClient.Document(uri), ["position"] = LspClient.Position(2, 2) });
        var keyItems = keys["result"]!["items"]!.AsArray();
        Assert.Equal(["date", "template", "draft", "slug", "category", "tags", "description", "socialImage"], keyItems.Select(i => (string?)i!["label"]));
        var slug = keyItems.Single(i => (string?)i!["label"] == "slug")!;
        Assert.Equal("slug: ", (string?)slug["textEdit"]!["newText"]);
        Assert.Equal(0, (int?)slug["textEdit"]!["range"]!["start"]!["character"]);
        Assert.Equal(2, (int?)slug["textEdit"]!["range"]!["end"]!["character"]);

        var categories = await client.RequestAsync("textDocument/completion", new JsonObject { ["textDocument"] = LspClient.Document(uri), ["position"] = LspClient.Position(6, 7) });
        var items = categories["result"]!["items"]!.AsArray();
        var lg = items.Single(i => (string?)i!["label"] == "cs.LG")!;
        Assert.Equal("cs.LG](https://arxiv.org/list/cs.LG/recent)", (string?)lg["textEdit"]!["newText"]);
        Assert.Equal(3, (int?)lg["textEdit"]!["range"]!["start"]!["character"]);
        Assert.Contains(items, i => (string?)i!["label"] == "physics.soc-ph");
        Assert.Contains(items, i => (string?)i!["label"] == "quant-ph");
        Assert.DoesNotContain(items, i => (string?)i!["label"] == "cs.XY");
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Bad_frames_and_unknown_methods_get_errors_and_the_server_keeps_answering()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);

        client.WriteRaw(Encoding.ASCII.GetBytes("Content-Length: 7\r\n\r\n{oops!}"));
        var parseError = await client.WaitForAsync(m => m["error"] is not null, "a parse error");
        Assert.Equal(-32700, (int?)parseError["error"]!["code"]);
        Assert.True(parseError.ContainsKey("id") && parseError["id"] is null);

        client.WriteRaw(LspClient.Frame(new JsonArray(1, 2)));
        Assert.Equal(-32600, (int?)(await client.WaitForAsync(m => m["error"] is not null, "an invalid request error"))["error"]!["code"]);

        // A frame without a Content-Length header, then one whose header follows the junk on the same line.
        client.WriteRaw(Encoding.ASCII.GetBytes("Content-Type: nothing\r\n\r\njunk that is not a header"));
        var unknown = await client.RequestAsync("digestkit/noSuchMethod", new JsonObject());
        Assert.Equal(-32601, (int?)unknown["error"]!["code"]);

        var invalid = await client.RequestAsync("textDocument/hover", new JsonObject { ["position"] = 3 });
        Assert.Equal(-32602, (int?)invalid["error"]!["code"]);

        // A notification that cannot be read is only logged.
        client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = 42 });

        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Document(LspClient.Uri(_workspace.Combine("none.md"))) });
        Assert.True(symbols.ContainsKey("result"), symbols.ToJsonString());
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Requests_before_initialize_and_after_shutdown_are_refused()
    {
        await using var client = LspClient.Start(_workspace.Path);
        var early = await client.RequestAsync("textDocument/hover", new JsonObject());
        Assert.Equal(-32002, (int?)early["error"]!["code"]);
        await client.InitializeAsync(_workspace.Path);
        var shutdown = await client.RequestAsync("shutdown");
        Assert.True(shutdown.ContainsKey("result"));
        var late = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Document("file:///x.md") });
        Assert.Equal(-32600, (int?)late["error"]!["code"]);
        client.Notify("exit", null);
        Assert.Equal(0, await client.ExitCodeAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_exits_1()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        client.Notify("exit", null);
        Assert.Equal(1, await client.ExitCodeAsync());
    }

    [Fact]
    public async Task The_server_exits_1_when_the_client_process_it_was_given_dies()
    {
        // The "editor" is a process that runs until told to stop: another server, waiting on its input.
        await using var parent = LspClient.Start(_workspace.Path);
        await using var client = LspClient.Start(_workspace.Path);
        var initialize = await client.RequestAsync("initialize", new JsonObject { ["processId"] = parent.ProcessId, ["rootUri"] = null, ["capabilities"] = new JsonObject() });
        Assert.NotNull(initialize["result"]);
        parent.CloseInput();
        Assert.Equal(1, await parent.ExitCodeAsync());
        Assert.Equal(1, await client.ExitCodeAsync());
    }

    [Fact]
    public async Task The_end_of_the_input_without_shutdown_exits_1()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        client.CloseInput();
        Assert.Equal(1, await client.ExitCodeAsync());
    }

    [Fact]
    public async Task A_cancelled_request_that_is_still_queued_is_answered_with_RequestCancelled()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);
        var uri = LspClient.Uri(_workspace.Combine("big.md"));

        // Keep the worker busy on a large buffer's fix-all, then queue a request and cancel it in the same write.
        client.Open(uri, LspTestText.LargeDigest(File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "mojibake.md")), 300_000));
        var busy = client.SendRequest("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Document(uri),
            ["range"] = LspClient.Range(0, 0, 0, 0),
            ["context"] = new JsonObject { ["only"] = new JsonArray("source.fixAll") },
        });
        var id = 1_000_000;
        client.WriteRaw([
            .. LspClient.Frame(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "textDocument/documentSymbol", ["params"] = new JsonObject { ["textDocument"] = LspClient.Document(uri) } }),
            .. LspClient.Frame(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = id } }),
        ]);
        var cancelled = await client.ResponseAsync(id);
        Assert.Equal(-32800, (int?)cancelled["error"]!["code"]);
        Assert.True((await client.ResponseAsync(busy)).ContainsKey("result"));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_10_MB_buffer_and_a_binary_buffer_get_diagnostics_and_the_server_keeps_serving()
    {
        await using var client = LspClient.Start(_workspace.Path);
        await client.InitializeAsync(_workspace.Path);

        var big = LspClient.Uri(_workspace.Combine("big.md"));
        var bigText = LspTestText.LargeDigest(File.ReadAllText(Path.Combine(CliTestPaths.CheckDataDir, "broken.md")), 10 * 1024 * 1024);
        client.Open(big, bigText);
        var bigDiagnostics = await client.DiagnosticsAsync(big, 1);
        Assert.Contains(bigDiagnostics, d => (string?)d!["code"] == "DK3001");

        var binary = LspClient.Uri(_workspace.Combine("binary.md"));
        var bytes = new byte[200_000];
        new Random(11).NextBytes(bytes);
        client.Open(binary, Encoding.Latin1.GetString(bytes));
        var binaryDiagnostics = await client.DiagnosticsAsync(binary, 1);
        Assert.Equal("DK2012", (string?)Assert.Single(binaryDiagnostics)!["code"]);

        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Document(binary) });
        Assert.True(symbols.ContainsKey("result"), symbols.ToJsonString());
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
