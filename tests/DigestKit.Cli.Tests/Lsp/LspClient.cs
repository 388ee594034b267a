using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.Lsp;

/// <summary>
/// Speaks LSP to the real built server as an editor does: <c>dotnet digestkit.dll lsp</c> (the command line the
/// editors use, <c>digestkit lsp</c>, through the muxer), framed messages on its stdin and stdout.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    /// <summary>Not a timing assertion: a guard so a server that never answers fails its test instead of hanging.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Channel<JsonObject> _incoming = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> _seen = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadLoopAsync);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static LspClient Start(string workingDirectory, params string[] extraArgs)
    {
        Assert.True(File.Exists(CliTestPaths.CliDll), $"the CLI is not built at {CliTestPaths.CliDll}");
        var start = new ProcessStartInfo(DotnetCommand.DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliTestPaths.CliDll);
        start.ArgumentList.Add("lsp");
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new LspClient(Process.Start(start) ?? throw new InvalidOperationException("could not start digestkit lsp"));
    }

    /// <summary>initialize (with the given root and client capabilities) and initialized.</summary>
    public async Task<JsonObject> InitializeAsync(string? rootPath, JsonObject? capabilities = null, JsonObject? initializationOptions = null)
    {
        var parameters = new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootPath is null ? null : Uri(rootPath),
            ["capabilities"] = capabilities ?? new JsonObject(),
        };
        if (rootPath is not null)
        {
            parameters["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(rootPath), ["name"] = "root" });
        }

        if (initializationOptions is not null)
        {
            parameters["initializationOptions"] = initializationOptions;
        }

        var response = await RequestAsync("initialize", parameters);
        Notify("initialized", new JsonObject());
        return (JsonObject)response["result"]!;
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public void WriteRaw(byte[] bytes)
    {
        _process.StandardInput.BaseStream.Write(bytes);
        _process.StandardInput.BaseStream.Flush();
    }

    public int ProcessId => _process.Id;

    public void CloseInput() => _process.StandardInput.Close();

    public static byte[] Frame(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    public void Send(JsonObject message) => WriteRaw(Frame(message));

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Sends a request and returns its id without waiting.</summary>
    public int SendRequest(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        Send(message);
        return id;
    }

    public Task<JsonObject> RequestAsync(string method, JsonNode? parameters = null)
    {
        var id = SendRequest(method, parameters);
        return ResponseAsync(id);
    }

    /// <summary>The response to request <paramref name="id"/>, also when it went past while waiting for another message.</summary>
    public Task<JsonObject> ResponseAsync(int id)
    {
        bool IsIt(JsonObject m) => m["method"] is null && m["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id;
        return _seen.FirstOrDefault(IsIt) is { } seen ? Task.FromResult(seen) : WaitForAsync(IsIt, $"the response to request {id}");
    }

    /// <summary>Every message read so far (by any wait).</summary>
    public IReadOnlyList<JsonObject> Seen => _seen;

    /// <summary>The next message (after those already consumed) matching <paramref name="predicate"/>.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> predicate, string what)
    {
        using var timeout = new CancellationTokenSource(Guard);
        try
        {
            while (true)
            {
                var message = await _incoming.Reader.ReadAsync(timeout.Token);
                _seen.Add(message);
                if (predicate(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no {what} within {Guard.TotalSeconds} s; stderr:\n{StdErr}");
        }
        catch (ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"the server closed its output before {what}; stderr:\n{StdErr}");
        }
    }

    /// <summary>The next <c>publishDiagnostics</c> for <paramref name="uri"/> (optionally of one document version).</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, int? version = null)
    {
        var message = await WaitForAsync(
            m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri
                && (version is null || (int?)m["params"]!["version"] == version),
            $"publishDiagnostics for {uri}" + (version is null ? string.Empty : $" version {version}"));
        return (JsonArray)message["params"]!["diagnostics"]!;
    }

    public void Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = version, ["text"] = text },
        });

    public void Change(string uri, int version, params JsonObject[] changes) =>
        Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(changes),
        });

    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new() { ["start"] = Position(startLine, startCharacter), ["end"] = Position(endLine, endCharacter) };

    public static JsonObject Edit(JsonObject range, string text) => new() { ["range"] = range, ["text"] = text };

    public static JsonObject Document(string uri) => new() { ["uri"] = uri };

    /// <summary>Shutdown and exit as an editor ends a session; returns the exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        var response = await RequestAsync("shutdown");
        Assert.True(response.ContainsKey("result") && response["result"] is null, response.ToJsonString());
        Notify("exit", null);
        return await ExitCodeAsync();
    }

    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(Guard);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private async Task ReadLoopAsync()
    {
        var stream = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = -1;
                while (true)
                {
                    var line = await ReadLineAsync(stream);
                    if (line is null)
                    {
                        return;
                    }

                    if (line.Length == 0)
                    {
                        break;
                    }

                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                var body = new byte[length];
                await stream.ReadExactlyAsync(body);
                await _incoming.Writer.WriteAsync((JsonObject)JsonNode.Parse(body)!);
            }
        }
        catch (EndOfStreamException)
        {
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reader;
        _process.Dispose();
    }
}
