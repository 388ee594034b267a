using System.Text.Json;
using System.Text.RegularExpressions;
using DigestKit.EndToEnd.Tests.Infrastructure;
using DigestKit.Tests;
using Xunit.Abstractions;

namespace DigestKit.EndToEnd.Tests.Editors;

/// <summary>
/// A real editor: headless Neovim with its built-in LSP client, set up by editors/neovim/lua/digestkit.lua, starts the
/// installed digestkit as its server. neovim-driver.lua does what a writer does and records what Neovim saw; the
/// assertions are here.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class NeovimTests(PackedFeed feed, ITestOutputHelper output)
{
    private const string DigestName = "2021-06-21---hot-papers.md";

    // vim.diagnostic.severity
    private const int Error = 1;
    private const int Warning = 2;

    [RequiresExecutableFact("nvim")]
    public void Neovim_is_sent_diagnostics_applies_the_quick_fix_and_sees_a_typed_defect()
    {
        var nvim = RequiresExecutableFactAttribute.Require("nvim");
        var tools = InstalledTool.DirectoryFor(feed);
        var root = feed.NewDirectory("neovim");
        var workspace = Directory.CreateDirectory(Path.Combine(root, "blog")).FullName;
        // The root marker editors/neovim looks for, as in a writer's repository.
        Directory.CreateDirectory(Path.Combine(workspace, ".git"));
        var digest = Path.Combine(Directory.CreateDirectory(Path.Combine(workspace, "content")).FullName, DigestName);

        // Paper 2 numbered 99: DK2003 on the number, whose quick fix renumbers it.
        var lines = File.ReadAllLines(TestPaths.CleanSeed);
        var fixLine = Array.FindIndex(lines, l => l.StartsWith("# 2. ", StringComparison.Ordinal));
        Assert.True(fixLine >= 0, "no paper 2 in the clean seed");
        var paper2 = lines[fixLine];
        lines[fixLine] = "# 99. " + paper2["# 2. ".Length..];
        var text = string.Join("\n", lines) + "\n";
        File.WriteAllText(digest, text);
        // Outside the workspace, so the server never indexes it as a second digest with the same slug.
        var original = Path.Combine(root, "original.md");
        File.WriteAllText(original, text);

        // The typed defect: the first paper's retweets count becomes a word (DK3001 on the word).
        var editLine = Array.FindIndex(lines, l => l.StartsWith("- retweets: ", StringComparison.Ordinal));
        var count = Regex.Match(lines[editLine], @"(?<=^- retweets: )\d+");
        Assert.True(count.Success, lines[editLine]);
        var editText = lines[editLine][..count.Index] + "lots" + lines[editLine][(count.Index + count.Length)..];

        var resultFile = Path.Combine(root, "result.json");
        var configFile = Path.Combine(root, "config.json");
        File.WriteAllText(configFile, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["file"] = digest,
            ["original"] = original,
            ["result"] = resultFile,
            ["editors_neovim"] = Path.Combine(TestPaths.RepoRoot, "editors", "neovim"),
            ["timeout_ms"] = 60_000,
            ["log_level"] = "warn",
            ["fix_code"] = "DK2003",
            ["fix_line"] = fixLine,
            ["edit_code"] = "DK3001",
            ["edit_line"] = editLine,
            ["edit_text"] = editText,
        }));

        var state = Path.Combine(root, "nvim-state");
        var run = DotnetCommand.Run(
            nvim,
            workspace,
            new Dictionary<string, string?>
            {
                ["PATH"] = InstalledTool.PathWith(tools),
                ["DIGESTKIT_NVIM_CONFIG"] = configFile,
                // Neither the user's Neovim configuration nor their state, shada or LSP log.
                ["XDG_CONFIG_HOME"] = Path.Combine(state, "config"),
                ["XDG_DATA_HOME"] = Path.Combine(state, "data"),
                ["XDG_STATE_HOME"] = Path.Combine(state, "state"),
                ["XDG_CACHE_HOME"] = Path.Combine(state, "cache"),
            },
            "--headless", "--clean", "-n", "-c", "luafile " + Path.Combine(TestPaths.RepoRoot, "tests", "DigestKit.EndToEnd.Tests", "Editors", "neovim-driver.lua"));
        output.WriteLine(run.ToString());
        Assert.True(File.Exists(resultFile), "Neovim wrote no result:\n" + run + LspLog(state));
        using var result = JsonDocument.Parse(File.ReadAllText(resultFile));
        var r = result.RootElement;
        output.WriteLine(r.ToString());
        Assert.True(r.GetProperty("ok").GetBoolean(), "the Neovim session failed: " + r.GetProperty("error") + "\n" + r + LspLog(state));

        Assert.Equal("markdown", r.GetProperty("filetype").GetString());
        Assert.Equal("digestkit", r.GetProperty("client_name").GetString());
        Assert.Equal(workspace, r.GetProperty("root_dir").GetString());

        // Pushed on open (Neovim 0.7 never pulls): exactly the defect, at the number "99" (0-based columns 2..4).
        var opened = Diagnostics(r, "opened");
        Assert.Equal([new Seen(fixLine, 2, fixLine, 4, "DK2003", "digestkit", Warning)], opened.Select(d => d.Position).ToArray());
        Assert.Contains("DK2003", opened[0].Href ?? "", StringComparison.Ordinal);

        var actions = r.GetProperty("actions").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("kind").GetString() == "quickfix" && a.GetProperty("has_edit").GetBoolean()
            && a.GetProperty("is_preferred").GetBoolean() && a.GetProperty("codes").EnumerateArray().Any(c => c.GetString() == "DK2003"));
        Assert.DoesNotContain(actions, a => a.GetProperty("has_command").GetBoolean() && !a.GetProperty("has_edit").GetBoolean());
        Assert.Equal(paper2, r.GetProperty("fixed_line").GetString());
        Assert.Empty(Diagnostics(r, "after_fix"));

        // The typed defect, found in the buffer (the file on disk still has the number 99 and the count).
        Assert.Equal(
            [new Seen(editLine, count.Index, editLine, count.Index + "lots".Length, "DK3001", "digestkit", Error)],
            Diagnostics(r, "after_edit").Select(d => d.Position).ToArray());
        Assert.True(r.GetProperty("disk_unchanged").GetBoolean(), "the buffer's edits reached the file on disk");
        Assert.True(r.GetProperty("server_stopped").GetBoolean(), "the server did not stop when Neovim asked it to");

        output.WriteLine(
            $"first diagnostics {r.GetProperty("first_diagnostics_ms").GetDouble():F0} ms after :edit (server start included), " +
            $"quick fix cleared in {r.GetProperty("fix_cleared_ms").GetDouble():F0} ms, typed defect diagnosed in {r.GetProperty("edit_diagnostic_ms").GetDouble():F0} ms " +
            "(Neovim debounces didChange by 150 ms)");
    }

    private static List<(Seen Position, string? Href)> Diagnostics(JsonElement result, string name) =>
        result.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(d => (
                new Seen(
                    d.GetProperty("lnum").GetInt32(), d.GetProperty("col").GetInt32(), d.GetProperty("end_lnum").GetInt32(), d.GetProperty("end_col").GetInt32(),
                    d.GetProperty("code").ToString(), d.GetProperty("source").ToString(), d.GetProperty("severity").GetInt32()),
                d.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String ? href.GetString() : null)).ToList()
            // vim.fn.json_encode writes an empty Lua table as [] but Neovim may also give {}.
            : [];

    private static string LspLog(string state)
    {
        var log = Path.Combine(state, "cache", "nvim", "lsp.log");
        return File.Exists(log) ? "\n--- lsp.log\n" + File.ReadAllText(log) : "";
    }

    private sealed record Seen(int Line, int Column, int EndLine, int EndColumn, string Code, string Source, int Severity);
}
