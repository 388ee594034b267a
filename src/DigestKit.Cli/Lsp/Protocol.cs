using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestKit.Cli.Lsp;

// The part of LSP 3.17 this server speaks, as plain records (no LSP protocol package is on the registry). Names
// follow the specification; absent optional fields are null and left out of what is written.

internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record Location(string Uri, Range Range);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int? Version = null);

internal sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);

internal sealed record WorkspaceFolder(string Uri, string? Name = null);

internal sealed record InitializeParams(
    int? ProcessId = null,
    string? RootUri = null,
    string? RootPath = null,
    WorkspaceFolder[]? WorkspaceFolders = null,
    JsonElement? Capabilities = null,
    JsonElement? InitializationOptions = null);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null, int? RangeLength = null);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

internal sealed record WorkspaceFoldersChangeEvent(WorkspaceFolder[]? Added = null, WorkspaceFolder[]? Removed = null);

internal sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record DocumentParams(TextDocumentIdentifier TextDocument, string? PreviousResultId = null);

internal sealed record CodeActionContext(JsonElement? Diagnostics = null, string[]? Only = null);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

internal sealed record CancelParams(JsonElement Id);

internal sealed record CodeDescription(string Href);

internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

internal sealed record Diagnostic(
    Range Range,
    int? Severity,
    string? Code,
    CodeDescription? CodeDescription,
    string? Source,
    string Message,
    DiagnosticRelatedInformation[]? RelatedInformation);

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

internal sealed record FullDocumentDiagnosticReport(string Kind, string? ResultId, Diagnostic[]? Items);

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

internal sealed record CodeAction(string Title, string Kind, Diagnostic[]? Diagnostics, bool? IsPreferred, WorkspaceEdit Edit);

internal sealed record MarkupContent(string Kind, string Value);

internal sealed record Hover(MarkupContent Contents, Range? Range);

internal sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

internal sealed record CompletionItem(string Label, int? Kind, string? Detail, string? SortText, string? FilterText, TextEdit? TextEdit, int? InsertTextFormat);

internal sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool Save);

internal sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

internal sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

internal sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);

internal sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

internal sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

internal sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    DiagnosticOptions DiagnosticProvider,
    CodeActionOptions CodeActionProvider,
    bool HoverProvider,
    bool DocumentSymbolProvider,
    CompletionOptions CompletionProvider,
    WorkspaceServerCapabilities Workspace);

internal sealed record ServerInfo(string Name, string Version);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record FileSystemWatcher(string GlobPattern);

internal sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

internal sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions RegisterOptions);

internal sealed record RegistrationParams(Registration[] Registrations);

internal sealed record LogMessageParams(int Type, string Message);

internal sealed record ResponseError(int Code, string Message);

internal static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int RequestCancelled = -32800;
}

/// <summary>
/// Source-generated (de)serializers for every record above: no reflection at run time, so the server stays
/// trimming- and AOT-clean.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(DocumentParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CancelParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(Diagnostic[]))]
[JsonSerializable(typeof(FullDocumentDiagnosticReport))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(ResponseError))]
internal sealed partial class LspJson : JsonSerializerContext;
