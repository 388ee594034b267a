using System.Globalization;
using System.Text;
using DigestKit.Cli.Fixing;
using DigestKit.Engine;
using DigestKit.Engine.Rules;

namespace DigestKit.Cli.Lsp;

/// <summary>Code actions, hover, outline and completion over an open document's analysis.</summary>
internal sealed class LspFeatures(DigestWorkspace workspace)
{
    public const string QuickFix = "quickfix";

    public const string FixAllKind = "source.fixAll.digestkit";

    private const int SymbolKindModule = 2;
    private const int SymbolKindProperty = 7;
    private const int SymbolKindString = 15;
    private const int CompletionKindProperty = 10;
    private const int CompletionKindEnumMember = 20;

    private readonly DigestWorkspace _workspace = workspace;

    /// <summary>
    /// One quick fix per diagnostic in the range whose repair the engine's plan applies (its own edit, the one
    /// obvious fix, so preferred), and the whole file's repairs as <c>fix</c> applies them
    /// (<see cref="DigestRepairs.Plan(string, string, System.Func{string, string, DigestAnalysis}?)"/>) as <see cref="FixAllKind"/>.
    /// </summary>
    public CodeAction[]? CodeActions(CodeActionParams p, CancellationToken token)
    {
        if (_workspace.Find(p.TextDocument.Uri) is not { } document)
        {
            return null;
        }

        _workspace.EnsureAnalyzed(document);
        token.ThrowIfCancellationRequested();
        var only = p.Context?.Only;
        bool Wanted(string kind) => only is null || only.Length == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

        var actions = new List<CodeAction>();
        var lines = document.Lines;
        var text = document.Text;
        if (Wanted(QuickFix) || Wanted(FixAllKind))
        {
            // The engine's plan decides which repairs are safe, as for fix and the IDE code fix.
            document.FixAll ??= DigestRepairs.Plan(document.EnginePath, text, (path, t) => _workspace.Analyze(document.FullPath ?? string.Empty, path, t));
            token.ThrowIfCancellationRequested();
        }

        var plan = document.FixAll;
        if (Wanted(QuickFix))
        {
            var start = lines.OffsetOf(p.Range.Start);
            var end = lines.OffsetOf(p.Range.End);
            var repaired = plan!.Repaired.ToHashSet();
            foreach (var d in document.Analysis!.Diagnostics)
            {
                if (d.Fix is not { } fix || !repaired.Contains(d) || d.Span.End < start || d.Span.Start > end)
                {
                    continue;
                }

                var edit = new TextEdit(lines.RangeOf(fix.Start, fix.Start + fix.Length), fix.NewText);
                actions.Add(new CodeAction(
                    $"{DigestRules.Find(d.Id)!.Fix!.ActionTitle(Shorten(text.Substring(fix.Start, fix.Length)), Shorten(fix.NewText))} ({d.Id})",
                    QuickFix,
                    [DigestWorkspace.ToLsp(d, lines, null)],
                    IsPreferred: true,
                    Edit(document.Uri, [edit])));
            }
        }

        if (Wanted(FixAllKind) && plan!.Changed)
        {
            actions.Add(new CodeAction(
                $"Fix all DigestKit problems in this file ({plan.Applied.Count} repairs)",
                FixAllKind,
                null,
                IsPreferred: null,
                Edit(document.Uri, LineEdits(text, plan.RepairedText, lines))));
        }

        return actions.ToArray();
    }

    private static WorkspaceEdit Edit(string uri, TextEdit[] edits) => new(new Dictionary<string, TextEdit[]> { [uri] = edits });

    private static string Shorten(string text)
    {
        var oneLine = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }

    /// <summary>
    /// The difference between two texts as whole-line replacements (the line diff <c>fix --dry-run</c> prints),
    /// so an editor keeps the cursor and the undo step small instead of swapping the whole buffer.
    /// </summary>
    internal static TextEdit[] LineEdits(string oldText, string newText, LspLines oldLines)
    {
        var a = UnifiedDiff.SplitLines(oldText);
        var b = UnifiedDiff.SplitLines(newText);
        var script = UnifiedDiff.Diff(a, b);
        var edits = new List<TextEdit>();
        var line = 0;
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                line++;
                i++;
                continue;
            }

            var first = line;
            var inserted = new StringBuilder();
            while (i < script.Count && script[i].Kind != ' ')
            {
                if (script[i].Kind == '-')
                {
                    line++;
                }
                else
                {
                    inserted.Append(b[script[i].B]);
                }

                i++;
            }

            // SplitLines breaks at CR LF, CR and LF, the breaks LSP counts lines by, so line numbers agree.
            var startOffset = first < oldLines.LineCount ? oldLines.LineStart(first) : oldText.Length;
            var endOffset = line < oldLines.LineCount && line < a.Length ? oldLines.LineStart(line) : oldText.Length;
            edits.Add(new TextEdit(oldLines.RangeOf(startOffset, endOffset), inserted.ToString()));
        }

        return edits.ToArray();
    }

    /// <summary>The parsed paper under a heading, metrics, links or categories line.</summary>
    public Hover? Hover(TextDocumentPositionParams p)
    {
        if (_workspace.Find(p.TextDocument.Uri) is not { } document)
        {
            return null;
        }

        _workspace.EnsureAnalyzed(document);
        var offset = document.Lines.OffsetOf(p.Position);
        foreach (var paper in document.Analysis!.Document.Papers)
        {
            if (offset < paper.Span.Start || offset > paper.Span.End)
            {
                continue;
            }

            SourceSpan? under = null;
            foreach (var span in new[] { paper.HeadingSpan, paper.Metrics?.Span, paper.Links?.Span, paper.CategoryLineSpan })
            {
                if (span is { } s && offset >= s.Start && offset <= s.End)
                {
                    under = s;
                }
            }

            if (under is not { } range)
            {
                return null;
            }

            return new Hover(new MarkupContent("markdown", Describe(paper)), document.Lines.RangeOf(range.Start, range.End));
        }

        return null;
    }

    internal static string Describe(Paper paper)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append("**").Append(paper.Rank is { } rank ? rank.Value.ToString(invariant) + ". " : string.Empty)
            .Append(EscapeMarkdown(WhiteSpaceCollapse(paper.Title.Value))).Append("**\n\n");
        text.Append("- rank: ").Append(paper.Rank is { } r ? r.Value.ToString(invariant) : "unreadable").Append('\n');
        if (paper.Metrics is { } metrics)
        {
            text.Append("- score: ").Append(paper.Score is { } score ? score.ToString(invariant) : "unreadable")
                .Append(" (").Append(metrics.Retweets is { } rt ? rt.Value.ToString(invariant) : "?").Append(" retweets + ")
                .Append(metrics.Favorites is { } fav ? fav.Value.ToString(invariant) : "?").Append(" favorites)\n");
            text.Append("- measured at: ").Append(metrics.MeasuredAt is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss", invariant) : "unreadable").Append('\n');
        }

        if (paper.ArxivId is { } id)
        {
            text.Append("- arXiv: [").Append(id).Append("](https://arxiv.org/abs/").Append(id).Append(")\n");
        }

        if (paper.Categories.Count > 0)
        {
            text.Append("- categories: ").Append(string.Join(", ", paper.Categories.Select(c => c.Label.Value))).Append('\n');
        }

        text.Append("- authors: ").Append(paper.Authors.Count.ToString(invariant)).Append('\n');
        text.Append("- tweets: ").Append(paper.Tweets.Count.ToString(invariant)).Append('\n');
        return text.ToString();
    }

    private static string WhiteSpaceCollapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '_' or '`' or '[' or ']' or '\\' or '<')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The outline: the front matter with its keys, then one symbol per paper.</summary>
    public DocumentSymbol[]? Symbols(DocumentParams p)
    {
        if (_workspace.Find(p.TextDocument.Uri) is not { } document)
        {
            return null;
        }

        _workspace.EnsureAnalyzed(document);
        var lines = document.Lines;
        var model = document.Analysis!.Document;
        var symbols = new List<DocumentSymbol>();
        if (model.FrontMatter is { } frontMatter)
        {
            var keys = frontMatter.Entries
                .Select(e =>
                {
                    var range = lines.RangeOf(e.Key.Span.Start, Math.Max(e.Key.Span.End, e.ValueSpan.End));
                    return new DocumentSymbol(e.Key.Value, e.Value ?? e.RawValue, SymbolKindProperty, range, lines.RangeOf(e.Key.Span.Start, e.Key.Span.End), null);
                })
                .ToArray();
            var whole = lines.RangeOf(frontMatter.Span.Start, frontMatter.Span.End);
            symbols.Add(new DocumentSymbol("front matter", model.FrontMatter.Title?.Value, SymbolKindModule, whole, lines.RangeOf(frontMatter.Span.Start, frontMatter.Span.Start), keys));
        }

        foreach (var paper in model.Papers)
        {
            var name = (paper.Rank is { } rank ? rank.Value.ToString(CultureInfo.InvariantCulture) + ". " : string.Empty) + WhiteSpaceCollapse(paper.Title.Value);
            var detail = string.Join(" · ", new[]
            {
                paper.ArxivId?.ToString(),
                paper.Score is { } score ? "score " + score.ToString(CultureInfo.InvariantCulture) : null,
            }.Where(s => s is not null));
            symbols.Add(new DocumentSymbol(
                name.Length == 0 ? "(untitled paper)" : name,
                detail.Length == 0 ? null : detail,
                SymbolKindString,
                lines.RangeOf(paper.Span.Start, paper.Span.End),
                lines.RangeOf(paper.HeadingSpan.Start, paper.HeadingSpan.End),
                null));
        }

        return symbols.ToArray();
    }

    /// <summary>
    /// Front matter keys (the parser's list, those not yet written) at the start of a front matter line; arXiv
    /// categories (the taxonomy DK4008 checks against) in a category line's label or listing URL.
    /// </summary>
    public CompletionList? Completion(TextDocumentPositionParams p)
    {
        if (_workspace.Find(p.TextDocument.Uri) is not { } document)
        {
            return null;
        }

        var text = document.Text;
        var lines = document.Lines;
        var line = Math.Clamp(p.Position.Line, 0, lines.LineCount - 1);
        var lineStart = lines.LineStart(line);
        var offset = lines.OffsetOf(p.Position with { Line = line });
        var before = text.AsSpan(lineStart, offset - lineStart);
        var after = text.AsSpan(offset, lines.LineContentEnd(line) - offset);

        if (InFrontMatter(lines, text, line) && IsKeyPrefix(before))
        {
            var present = FrontMatterKeysIn(text, lines, line);
            var items = FrontMatterKeys()
                .Where(k => !present.Contains(k))
                .Select((k, i) => new CompletionItem(k, CompletionKindProperty, "front matter key", i.ToString("D2", CultureInfo.InvariantCulture), k,
                    new TextEdit(lines.RangeOf(lineStart, offset), k + ": "), null))
                .ToArray();
            return new CompletionList(false, items);
        }

        var trimmed = before.TrimStart();
        if (trimmed.StartsWith("- ", StringComparison.Ordinal) && !trimmed.StartsWith("- links:", StringComparison.Ordinal) && !trimmed.StartsWith("- retweets:", StringComparison.Ordinal))
        {
            var bracket = before.LastIndexOf('[');
            var listing = before.LastIndexOf("/list/");
            int wordStart;
            bool label;
            if (listing >= 0 && listing > bracket)
            {
                wordStart = listing + "/list/".Length;
                label = false;
            }
            else if (bracket >= 0 && before[(bracket + 1)..].IndexOfAny("]()") < 0)
            {
                wordStart = bracket + 1;
                label = true;
            }
            else
            {
                return new CompletionList(false, []);
            }

            var range = lines.RangeOf(lineStart + wordStart, offset);
            var closeLink = label && !after.StartsWith("]", StringComparison.Ordinal);
            var items = ArxivTaxonomy.Categories
                .OrderBy(c => c, StringComparer.Ordinal)
                .Select(c => new CompletionItem(c, CompletionKindEnumMember, "arXiv category", null, c,
                    new TextEdit(range, closeLink ? $"{c}](https://arxiv.org/list/{c}/recent)" : c), null))
                .ToArray();
            return new CompletionList(false, items);
        }

        return new CompletionList(false, []);
    }

    internal static IReadOnlyList<string> FrontMatterKeys() => Engine.Rules.FrontMatterRules.KnownKeys;

    private static bool IsKeyPrefix(ReadOnlySpan<char> before)
    {
        foreach (var c in before)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text-based, so it works while the front matter is still being written (unclosed, not yet YAML).</summary>
    private static bool InFrontMatter(LspLines lines, string text, int line)
    {
        if (line == 0 || !IsDelimiter(lines, text, 0))
        {
            return false;
        }

        for (var i = 1; i < line; i++)
        {
            if (IsDelimiter(lines, text, i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDelimiter(LspLines lines, string text, int line) =>
        text.AsSpan(lines.LineStart(line), lines.LineContentEnd(line) - lines.LineStart(line)).TrimEnd().SequenceEqual("---");

    private static HashSet<string> FrontMatterKeysIn(string text, LspLines lines, int except)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.LineCount && !IsDelimiter(lines, text, i); i++)
        {
            if (i == except)
            {
                continue;
            }

            var content = text.AsSpan(lines.LineStart(i), lines.LineContentEnd(i) - lines.LineStart(i));
            var colon = content.IndexOf(':');
            if (colon > 0 && !char.IsWhiteSpace(content[0]))
            {
                keys.Add(content[..colon].ToString());
            }
        }

        return keys;
    }
}
