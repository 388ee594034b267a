using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace DigestKit.Cli.Lsp;

/// <summary>
/// <c>digestkit lsp</c>: a Language Server Protocol 3.17 server over stdio that runs the engine on the editor's
/// buffers. One reader (which also honours <c>$/cancelRequest</c> at once) feeds one worker that handles messages
/// in order, so the documents need no locks; diagnostics are computed when the queue is empty, which coalesces a
/// burst of keystrokes into one analysis without a timer.
/// </summary>
internal sealed class LanguageServer
{
    private readonly JsonRpcConnection _connection;
    private readonly TextWriter _log;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly DigestWorkspace _workspace;
    private readonly CancellationTokenSource _stopping = new();
    private readonly LspFeatures _features;
    private readonly List<System.IO.FileSystemWatcher> _watchers = [];

    /// <summary>DIGESTKIT_TIMINGS=1 (as for check) logs where each round of diagnostics spends its time.</summary>
    private readonly bool _timings = Environment.GetEnvironmentVariable("DIGESTKIT_TIMINGS") == "1";

    private State _state = State.Created;
    private bool _pullMode;
    private bool _refreshSupport;
    private bool _dynamicWatchers;
    private int _nextRequestId;
    private int? _exitCode;

    private LanguageServer(Stream input, Stream output, TextWriter log)
    {
        _log = log;
        _connection = new JsonRpcConnection(input, output, Log);
        _workspace = new DigestWorkspace(Log);
        _features = new LspFeatures(_workspace);
    }

    private enum State
    {
        Created,
        Initialized,
        ShutDown,
    }

    /// <summary>Something for the worker: a message from the client, or work posted by the server itself.</summary>
    private sealed record Work(IncomingMessage? Message, Action? Action, CancellationToken Token);

    /// <summary>Serves until <c>exit</c> (0 after <c>shutdown</c>, 1 otherwise) or the end of the input (1 likewise).</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log)
    {
        var server = new LanguageServer(input, output, log);
        return await server.RunAsync().ConfigureAwait(false);
    }

    private async Task<int> RunAsync()
    {
        var reader = Task.Run(ReadLoopAsync);
        await foreach (var work in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (work.Action is { } action)
            {
                Guard("internal work", action);
            }
            else if (work.Message is { } message)
            {
                Handle(message, work.Token);
            }

            if (_exitCode is { } code)
            {
                _stopping.Cancel();
                _watchers.ForEach(w => w.Dispose());
                return code;
            }

            if (!_queue.Reader.TryPeek(out _))
            {
                Guard("publishing diagnostics", PublishChanged);
            }
        }

        await reader.ConfigureAwait(false);
        return _state == State.ShutDown ? 0 : 1;
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _connection.ReadAsync(_stopping.Token).ConfigureAwait(false) is { } message)
            {
                if (message.Method == "$/cancelRequest")
                {
                    Cancel(message.Params);
                    continue;
                }

                var token = CancellationToken.None;
                if (message.IsRequest)
                {
                    var source = new CancellationTokenSource();
                    _pending[message.Id!.Value.GetRawText()] = source;
                    token = source.Token;
                }

                await _queue.Writer.WriteAsync(new Work(message, null, token)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Log("the input failed: " + ex.Message);
        }
        finally
        {
            _queue.Writer.TryComplete();
        }
    }

    private void Cancel(JsonElement? parameters)
    {
        try
        {
            if (parameters is { } p && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id", out var id)
                && _pending.TryGetValue(id.GetRawText(), out var source))
            {
                source.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Post(Action action) => _queue.Writer.TryWrite(new Work(null, action, CancellationToken.None));

    private void Handle(IncomingMessage message, CancellationToken token)
    {
        if (message.IsResponse)
        {
            return; // Answers to our own requests (registerCapability, refresh): nothing depends on them.
        }

        var method = message.Method!;
        if (!message.IsRequest)
        {
            Guard(method, () => Notify(method, message.Params));
            return;
        }

        var id = message.Id;
        var key = id!.Value.GetRawText();
        try
        {
            if (token.IsCancellationRequested)
            {
                _connection.SendError(id, ErrorCodes.RequestCancelled, "the request was cancelled");
                return;
            }

            if (_state == State.Created && method != "initialize")
            {
                _connection.SendError(id, ErrorCodes.ServerNotInitialized, "the server is not initialized");
                return;
            }

            if (_state == State.ShutDown)
            {
                _connection.SendError(id, ErrorCodes.InvalidRequest, "the server is shut down");
                return;
            }

            Request(method, id, message.Params, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _connection.SendError(id, ErrorCodes.RequestCancelled, "the request was cancelled");
        }
        catch (InvalidParamsException ex)
        {
            _connection.SendError(id, ErrorCodes.InvalidParams, ex.Message);
        }
        catch (Exception ex)
        {
            Log($"{method} failed: {ex}");
            _connection.SendError(id, ErrorCodes.InternalError, $"{method} failed: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            if (_pending.TryRemove(key, out var source))
            {
                source.Dispose();
            }
        }
    }

    private void Request(string method, JsonElement? id, JsonElement? parameters, CancellationToken token)
    {
        switch (method)
        {
            case "initialize":
                if (_state != State.Created)
                {
                    _connection.SendError(id, ErrorCodes.InvalidRequest, "initialize was already received");
                    return;
                }

                _connection.SendResult(id, Initialize(Params(parameters, LspJson.Default.InitializeParams)), LspJson.Default.InitializeResult);
                _state = State.Initialized;
                StartIndexing(_workspace.Roots.ToArray());
                return;
            case "shutdown":
                _state = State.ShutDown;
                _connection.SendNullResult(id);
                return;
            case "textDocument/diagnostic":
            {
                var p = Params(parameters, LspJson.Default.DocumentParams);
                var document = _workspace.Find(p.TextDocument.Uri);
                if (document is null)
                {
                    _connection.SendResult(id, new FullDocumentDiagnosticReport("full", null, []), LspJson.Default.FullDocumentDiagnosticReport);
                    return;
                }

                // The result id is the content's hash, so "unchanged" means exactly that, whatever was re-run.
                var items = _workspace.DiagnosticsFor(document);
                var resultId = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                    JsonSerializer.SerializeToUtf8Bytes(items, LspJson.Default.DiagnosticArray)).AsSpan(0, 12));
                _connection.SendResult(id, p.PreviousResultId == resultId
                    ? new FullDocumentDiagnosticReport("unchanged", resultId, null)
                    : new FullDocumentDiagnosticReport("full", resultId, items), LspJson.Default.FullDocumentDiagnosticReport);
                return;
            }

            case "textDocument/codeAction":
                Respond(id, _features.CodeActions(Params(parameters, LspJson.Default.CodeActionParams), token), LspJson.Default.CodeActionArray);
                return;
            case "textDocument/hover":
                Respond(id, _features.Hover(Params(parameters, LspJson.Default.TextDocumentPositionParams)), LspJson.Default.Hover);
                return;
            case "textDocument/documentSymbol":
                Respond(id, _features.Symbols(Params(parameters, LspJson.Default.DocumentParams)), LspJson.Default.DocumentSymbolArray);
                return;
            case "textDocument/completion":
                Respond(id, _features.Completion(Params(parameters, LspJson.Default.TextDocumentPositionParams)), LspJson.Default.CompletionList);
                return;
            default:
                _connection.SendError(id, ErrorCodes.MethodNotFound, $"unknown method '{method}'");
                return;
        }
    }

    private void Respond<T>(JsonElement? id, T? value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (value is null)
        {
            _connection.SendNullResult(id);
        }
        else
        {
            _connection.SendResult(id, value, typeInfo);
        }
    }

    private void Notify(string method, JsonElement? parameters)
    {
        if (method == "exit")
        {
            _exitCode = _state == State.ShutDown ? 0 : 1;
            return;
        }

        if (_state != State.Initialized)
        {
            return; // Before initialize and after shutdown, notifications are dropped (the specification's rule).
        }

        switch (method)
        {
            case "initialized":
                RegisterWatchers();
                return;
            case "textDocument/didOpen":
            {
                var p = Params(parameters, LspJson.Default.DidOpenTextDocumentParams);
                _workspace.Open(p.TextDocument);
                return;
            }

            case "textDocument/didChange":
            {
                var p = Params(parameters, LspJson.Default.DidChangeTextDocumentParams);
                if (_workspace.Find(p.TextDocument.Uri) is not { } document)
                {
                    Log("didChange for a document that is not open: " + p.TextDocument.Uri);
                    return;
                }

                var text = document.Text;
                var lines = document.Lines;
                foreach (var change in p.ContentChanges ?? [])
                {
                    text = LspEdits.Apply(text, lines, change);
                    lines = new LspLines(text);
                }

                document.SetText(text);
                document.Version = p.TextDocument.Version ?? document.Version + 1;
                _workspace.Changed(document);
                return;
            }

            case "textDocument/didClose":
            {
                var p = Params(parameters, LspJson.Default.DidCloseTextDocumentParams);
                if (_workspace.Close(p.TextDocument.Uri) is { } closed && !_pullMode)
                {
                    // The file's problems stay visible in the problems view only while it is open.
                    _connection.SendNotification("textDocument/publishDiagnostics", new PublishDiagnosticsParams(closed.Uri, null, []), LspJson.Default.PublishDiagnosticsParams);
                }

                return;
            }

            case "workspace/didChangeWatchedFiles":
                WatchedFilesChanged(Params(parameters, LspJson.Default.DidChangeWatchedFilesParams).Changes ?? []);
                return;
            case "workspace/didChangeWorkspaceFolders":
            {
                var p = Params(parameters, LspJson.Default.DidChangeWorkspaceFoldersParams);
                foreach (var removed in p.Event.Removed ?? [])
                {
                    if (DigestWorkspace.LocalPath(removed.Uri) is { } path)
                    {
                        _workspace.RemoveRoot(path);
                    }
                }

                var added = new List<string>();
                foreach (var folder in p.Event.Added ?? [])
                {
                    if (DigestWorkspace.LocalPath(folder.Uri) is { } path)
                    {
                        _workspace.AddRoot(path);
                        added.Add(path);
                    }
                }

                StartIndexing(added);
                if (!_dynamicWatchers)
                {
                    WatchFolders(added);
                }

                return;
            }

            default:
                return; // $/setTrace, didSave, didChangeConfiguration, …: nothing to do.
        }
    }

    private InitializeResult Initialize(InitializeParams p)
    {
        if (p.WorkspaceFolders is { Length: > 0 } folders)
        {
            foreach (var folder in folders)
            {
                if (DigestWorkspace.LocalPath(folder.Uri) is { } path)
                {
                    _workspace.AddRoot(path);
                }
            }
        }
        else if (p.RootUri is { } rootUri && DigestWorkspace.LocalPath(rootUri) is { } root)
        {
            _workspace.AddRoot(root);
        }
        else if (!string.IsNullOrEmpty(p.RootPath))
        {
            _workspace.AddRoot(p.RootPath);
        }

        if (p.ProcessId is { } parent)
        {
            WatchParent(parent);
        }

        var capabilities = p.Capabilities ?? default;
        var clientPulls = Has(capabilities, "textDocument", "diagnostic");
        _refreshSupport = Flag(capabilities, "workspace", "diagnostics", "refreshSupport");
        _dynamicWatchers = Flag(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration");

        // Push by default: Neovim 0.7-0.9 and eglot never pull. A client that pulls and can be told to pull again
        // (refresh) gets pull only, or it would show every diagnostic twice. initializationOptions.diagnosticMode
        // ("push" or "pull") overrides.
        _pullMode = clientPulls && _refreshSupport;
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } options
            && options.TryGetProperty("diagnosticMode", out var mode) && mode.ValueKind == JsonValueKind.String)
        {
            _pullMode = mode.GetString() switch
            {
                "pull" => true,
                "push" => false,
                _ => _pullMode,
            };
        }

        return new InitializeResult(
            new ServerCapabilities(
                "utf-16",
                new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: false),
                new DiagnosticOptions("digestkit", InterFileDependencies: true, WorkspaceDiagnostics: false),
                new CodeActionOptions([LspFeatures.QuickFix, LspFeatures.FixAllKind], ResolveProvider: false),
                HoverProvider: true,
                DocumentSymbolProvider: true,
                new CompletionOptions(["[", "/"], ResolveProvider: false),
                new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true))),
            new ServerInfo("digestkit", ToolInfo.Version));
    }

    /// <summary>
    /// The specification's rule for an editor that dies without <c>exit</c>: the server exits (code 1) when the
    /// process named in <c>initialize</c> is gone, instead of lingering with its index in memory.
    /// </summary>
    private void WatchParent(int processId)
    {
        System.Diagnostics.Process parent;
        try
        {
            parent = System.Diagnostics.Process.GetProcessById(processId);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Log($"the client process {processId} is not running");
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await parent.WaitForExitAsync(_stopping.Token).ConfigureAwait(false);
                Log($"the client process {processId} exited");
                Post(() => _exitCode ??= _state == State.ShutDown ? 0 : 1);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        });
    }

    private static bool Has(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        return element.ValueKind != JsonValueKind.Null;
    }

    private static bool Flag(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        return element.ValueKind == JsonValueKind.True;
    }

    private void RegisterWatchers()
    {
        if (!_dynamicWatchers)
        {
            WatchFolders(_workspace.Roots);
            return;
        }

        var registration = new Registration("digestkit-watched-files", "workspace/didChangeWatchedFiles",
            new DidChangeWatchedFilesRegistrationOptions([new FileSystemWatcher("**/*.md"), new FileSystemWatcher("**/" + Configuration.AnalyzerConfigFiles.EditorConfigName), new FileSystemWatcher("**/" + Configuration.AnalyzerConfigFiles.GlobalConfigName)]));
        _connection.SendRequest("digestkit-" + Interlocked.Increment(ref _nextRequestId), "client/registerCapability",
            new RegistrationParams([registration]), LspJson.Default.RegistrationParams);
    }

    /// <summary>
    /// For clients that cannot watch files for us (Neovim before 0.10, some eglot set-ups): the server watches the
    /// workspace folders itself, and the events reach the worker like the client's would.
    /// </summary>
    private void WatchFolders(IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            try
            {
                var watcher = new System.IO.FileSystemWatcher(root)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                };
                void Changed(string path, bool deleted) => Post(() => WatchedFilesChanged([new FileEvent(DigestWorkspace.UriOf(path), deleted ? 3 : 2)]));
                watcher.Changed += (_, e) => Changed(e.FullPath, false);
                watcher.Created += (_, e) => Changed(e.FullPath, false);
                watcher.Deleted += (_, e) => Changed(e.FullPath, true);
                watcher.Renamed += (_, e) =>
                {
                    Changed(e.OldFullPath, true);
                    Changed(e.FullPath, false);
                };
                watcher.Error += (_, e) => Log("watching the workspace failed: " + e.GetException().Message);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                Log($"cannot watch '{root}': {ex.Message}");
            }
        }
    }

    private void WatchedFilesChanged(IEnumerable<FileEvent> changes)
    {
        foreach (var change in changes)
        {
            if (DigestWorkspace.LocalPath(change.Uri) is not { } path)
            {
                continue;
            }

            if (Configuration.AnalyzerConfigFiles.IsConfigFile(path))
            {
                _workspace.ConfigurationChanged();
            }
            else if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && _workspace.IsInWorkspace(path))
            {
                _workspace.DiskChanged(path, deleted: change.Type == 3);
            }
        }
    }

    /// <summary>Indexes the folders off the worker; the result is merged (and published) by the worker.</summary>
    private void StartIndexing(IReadOnlyList<string> roots)
    {
        if (roots.Count == 0)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        _ = Task.Run(() =>
        {
            try
            {
                var files = _workspace.Discover(roots);
                var enginePaths = files.ToDictionary(f => f.FullPath, f => Path.GetRelativePath(f.Root, f.FullPath), DigestWorkspace.PathComparer);
                // No time bound here: indexing is off the worker, so a pathological file on disk delays only the
                // cross-file results, and a bound per file would park a second thread-pool thread per file.
                var indexed = DigestWorkspace.Index(files, DigestWorkspace.ParseOnly, full => enginePaths[full], _stopping.Token);
                Post(() =>
                {
                    _workspace.MergeIndex(indexed);
                    Log($"indexed {indexed.Count} digests in {started.ElapsedMilliseconds} ms");
                });
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                Log("indexing the workspace failed: " + ex);
            }
        });
    }

    /// <summary>Analyzes what changed, reruns the cross-file rules if needed, and sends what differs from the last push.</summary>
    private void PublishChanged()
    {
        if (_state != State.Initialized)
        {
            return;
        }

        var clock = _timings ? System.Diagnostics.Stopwatch.StartNew() : null;
        var analyzed = _workspace.AnalyzeOpenDocuments();
        var analyzeMs = clock?.Elapsed.TotalMilliseconds;
        var crossFileChanged = _workspace.UpdateCrossFile();
        var crossMs = clock?.Elapsed.TotalMilliseconds;
        if (_pullMode)
        {
            if (crossFileChanged && _refreshSupport)
            {
                _connection.SendRequest("digestkit-" + Interlocked.Increment(ref _nextRequestId), "workspace/diagnostic/refresh");
            }

            return;
        }

        foreach (var document in _workspace.OpenDocuments)
        {
            // A document neither re-analyzed nor touched by the cross-file rules keeps what it was sent: a keystroke
            // in one file does not re-convert a large neighbour's diagnostics.
            var cross = _workspace.CrossFileFor(document);
            if (!analyzed.Contains(document) && document.PublishedCrossFile is { } sent && sent.SequenceEqual(cross))
            {
                continue;
            }

            document.PublishedCrossFile = cross;
            var diagnostics = _workspace.DiagnosticsFor(document);
            var json = JsonSerializer.SerializeToUtf8Bytes(diagnostics, LspJson.Default.DiagnosticArray);
            if (document.PublishedVersion == document.Version && document.PublishedJson is { } previous && previous.AsSpan().SequenceEqual(json))
            {
                continue;
            }

            document.PublishedJson = json;
            document.PublishedVersion = document.Version;
            _connection.SendNotification("textDocument/publishDiagnostics", new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics), LspJson.Default.PublishDiagnosticsParams);
        }

        if (clock is not null && (analyzed.Count > 0 || crossFileChanged))
        {
            Log(FormattableString.Invariant($"timings: analyze {analyzeMs:F1} ms ({analyzed.Count} documents), cross-file {crossMs - analyzeMs:F1} ms, publish {clock.Elapsed.TotalMilliseconds - crossMs:F1} ms"));
        }
    }

    private static T Params<T>(JsonElement? parameters, JsonTypeInfo<T> typeInfo)
    {
        if (parameters is not { } p || p.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new InvalidParamsException("missing params");
        }

        try
        {
            return p.Deserialize(typeInfo) ?? throw new InvalidParamsException("missing params");
        }
        catch (JsonException ex)
        {
            throw new InvalidParamsException("invalid params: " + ex.Message);
        }
    }

    private void Guard(string what, Action action)
    {
        try
        {
            action();
        }
        catch (InvalidParamsException ex)
        {
            Log($"{what}: {ex.Message}");
        }
        catch (Exception ex)
        {
            Log($"{what} failed: {ex}");
        }
    }

    private void Log(string message)
    {
        try
        {
            _log.WriteLine("digestkit lsp: " + message);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
    }

    private sealed class InvalidParamsException(string message) : Exception(message);
}
