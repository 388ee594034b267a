namespace DigestKit.Cli.Lsp;

/// <summary>Code actions, hover, outline and completion over an open document's analysis.</summary>
internal sealed class LspFeatures(DigestWorkspace workspace)
{
    public const string QuickFix = "quickfix";

    public const string FixAllKind = "source.fixAll.digestkit";

    private readonly DigestWorkspace _workspace = workspace;

    public CodeAction[]? CodeActions(CodeActionParams p, CancellationToken token) => [];

    public Hover? Hover(TextDocumentPositionParams p) => null;

    public DocumentSymbol[]? Symbols(DocumentParams p) => [];

    public CompletionList? Completion(TextDocumentPositionParams p) => new(false, []);
}
