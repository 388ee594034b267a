using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigestKit.EndToEnd.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.EndToEnd.Tests.Editors;

/// <summary>
/// The VS Code extension cannot run here, but the one thing it decides, the server's command line, comes from its
/// own code (server-command.js) run by Node with package.json's default settings; the installed tool answers it.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class VsCodeExtensionTests(PackedFeed feed)
{
    private static string Extension => Path.Combine(TestPaths.RepoRoot, "editors", "vscode");

    [RequiresExecutableFact("node")]
    public void The_server_started_with_the_extensions_default_command_line_answers_initialize()
    {
        var node = RequiresExecutableFactAttribute.Require("node");
        var tools = InstalledTool.DirectoryFor(feed);
        var workspace = feed.NewDirectory("vscode-workspace");
        File.Copy(TestPaths.CleanSeed, Path.Combine(workspace, "2021-06-21---hot-papers.md"));

        var (command, args) = ExtensionCommandLine(node, workspace);
        Assert.Equal("digestkit", command);
        Assert.Equal(["lsp"], args);

        // As Node's spawn does with VS Code's environment after `dotnet tool install -g`: the bare name on PATH.
        var path = InstalledTool.PathWith(tools);
        var executable = InstalledTool.Resolve(command, path);
        Assert.True(executable is not null, $"'{command}' is not on PATH {path}");
        var start = new ProcessStartInfo(executable!) { WorkingDirectory = workspace };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = path;
        using var server = new StdioLspClient(start);
        var uri = new Uri(workspace + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        var initialize = server.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "Visual Studio Code", ["version"] = "1.82.0" },
            ["rootUri"] = uri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = uri, ["name"] = "workspace" }),
            ["capabilities"] = new JsonObject
            {
                ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true } },
            },
        });
        Assert.True(initialize["error"] is null, "initialize failed: " + initialize.ToJsonString() + "\n" + server.StdErr);
        var capabilities = initialize["result"]?["capabilities"] as JsonObject;
        Assert.True(capabilities is not null, "no capabilities in " + initialize.ToJsonString());
        Assert.True(capabilities!["textDocumentSync"] is not null, "no textDocumentSync in " + capabilities.ToJsonString());

        server.Notify("initialized", new JsonObject());
        var shutdown = server.Request("shutdown", null);
        Assert.True(shutdown["error"] is null, "shutdown failed: " + shutdown.ToJsonString());
        server.Notify("exit", null);
        Assert.True(server.Process.WaitForExit(TimeSpan.FromMinutes(1)), "the server did not exit after shutdown and exit");
        Assert.Equal(0, server.Process.ExitCode);
    }

    [Fact]
    public void The_extension_starts_its_server_through_server_command_over_plain_stdio_for_markdown_files()
    {
        var source = File.ReadAllText(Path.Combine(Extension, "extension.js"));
        Assert.Contains("require('./server-command')", source, StringComparison.Ordinal);
        Assert.Contains("getConfiguration('digestkit.server')", source, StringComparison.Ordinal);
        // vscode-languageclient appends --stdio to an executable's arguments when the transport is named.
        Assert.DoesNotMatch(new Regex(@"\btransport\s*:"), source);
        Assert.Contains("documentSelector: [{ scheme: 'file', language: 'markdown' }]", source, StringComparison.Ordinal);

        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, "package.json")));
        var manifest = package.RootElement;
        Assert.Equal(new[] { "onLanguage:markdown" }, manifest.GetProperty("activationEvents").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
        Assert.Equal("./extension.js", manifest.GetProperty("main").GetString());
        Assert.True(File.Exists(Path.Combine(Extension, "package-lock.json")), "no package-lock.json: npm ci needs it");
    }

    [Fact]
    public void Every_editor_set_up_starts_the_extensions_default_command_line()
    {
        var (command, args) = ManifestDefaults();
        var quoted = string.Join(", ", new[] { command }.Concat(args).Select(a => $"'{a}'"));
        var editors = Path.Combine(TestPaths.RepoRoot, "editors");

        Assert.Contains($"cmd = {{ {quoted} }}", File.ReadAllText(Path.Combine(editors, "neovim", "lua", "digestkit.lua")), StringComparison.Ordinal);
        Assert.Contains(
            "(\"" + string.Join("\" \"", new[] { command }.Concat(args)) + "\")",
            File.ReadAllText(Path.Combine(editors, "emacs", "digestkit.el")),
            StringComparison.Ordinal);
        var helix = File.ReadAllText(Path.Combine(editors, "helix", "languages.toml"));
        Assert.Contains($"command = \"{command}\"", helix, StringComparison.Ordinal);
        Assert.Contains("args = [" + string.Join(", ", args.Select(a => $"\"{a}\"")) + "]", helix, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^language-servers = \[.*""digestkit"".*\]$", RegexOptions.Multiline), helix);
    }

    private static (string Command, string[] Args) ManifestDefaults()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, "package.json")));
        var properties = package.RootElement.GetProperty("contributes").GetProperty("configuration").GetProperty("properties");
        return (
            properties.GetProperty("digestkit.server.path").GetProperty("default").GetString()!,
            properties.GetProperty("digestkit.server.args").GetProperty("default").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    /// <summary>What the extension's own server-command.js makes of package.json's default settings.</summary>
    private static (string Command, string[] Args) ExtensionCommandLine(string node, string workspace)
    {
        const string Script =
            """
            const dir = process.argv[1];
            const props = require(dir + '/package.json').contributes.configuration.properties;
            const { serverCommand } = require(dir + '/server-command.js');
            const settings = { path: props['digestkit.server.path'].default, args: props['digestkit.server.args'].default };
            process.stdout.write(JSON.stringify(serverCommand(settings, process.argv[2])));
            """;
        var run = DotnetCommand.Run(node, workspace, new Dictionary<string, string?>(), "-e", Script, Extension, workspace);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        return (
            json.RootElement.GetProperty("command").GetString()!,
            json.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }
}
