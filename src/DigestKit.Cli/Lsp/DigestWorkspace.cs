using DigestKit.Cli.Configuration;
using DigestKit.Cli.Fixing;
using DigestKit.Cli.Input;
using DigestKit.Engine;
using DigestKit.Engine.Parsing;

namespace DigestKit.Cli.Lsp;

/// <summary>
/// What the cross-file rules need of one digest, without its text: its <see cref="CrossFileEntry"/> (the compact
/// index <c>check</c> keeps too: slug, papers' identifiers, title and author keys, with their spans), and where
/// those spans are in LSP terms. For an open document the buffer's own line map is used instead of
/// <see cref="_positions"/>.
/// </summary>
internal sealed class WorkspaceFile(string key, string enginePath, string uri, CrossFileEntry entry, Dictionary<int, Position>? positions)
{
    private readonly Dictionary<int, Position>? _positions = positions;

    public string Key { get; } = key;

    public string EnginePath { get; } = enginePath;

    public string Uri { get; } = uri;

    public CrossFileEntry Entry { get; } = entry;

    public Range RangeOf(SourceSpan span, LspLines? lines)
    {
        if (lines is not null)
        {
            return lines.RangeOf(span.Start, span.End);
        }

        return new Range(Lookup(span.Start, span.Line, span.Column), Lookup(span.End, span.EndLine, span.EndColumn));
    }

    private Position Lookup(int offset, int line, int column) =>
        _positions is not null && _positions.TryGetValue(offset, out var position) ? position : new Position(Math.Max(0, line - 1), Math.Max(0, column - 1));

    /// <summary>The model reduced to what <see cref="DigestEngine.AnalyzeAcrossFiles(IReadOnlyList{CrossFileEntry})"/> reads, and the positions of its spans.</summary>
    public static WorkspaceFile Create(string key, string enginePath, string uri, DigestDocument document, LspLines? lines)
    {
        var entry = CrossFileEntry.From(document with { Path = enginePath });
        Dictionary<int, Position>? positions = null;
        if (lines is not null)
        {
            positions = [];
            void Keep(SourceSpan? span)
            {
                if (span is { } s)
                {
                    positions[s.Start] = lines.PositionOf(s.Start);
                    positions[s.End] = lines.PositionOf(s.End);
                }
            }

            Keep(entry.Slug?.Span);
            foreach (var paper in entry.Papers)
            {
                Keep(paper.TitleSpan);
                Keep(paper.AuthorLineSpan);
            }
        }

        return new WorkspaceFile(key, enginePath, uri, entry, positions);
    }
}

/// <summary>A document the client opened: its buffer is the truth, whatever the disk holds.</summary>
internal sealed class OpenDocument(string uri, string key, string? fullPath, string enginePath, int version, string text)
{
    public string Uri { get; } = uri;

    public string Key { get; } = key;

    public string? FullPath { get; } = fullPath;

    public string EnginePath { get; } = enginePath;

    public int Version { get; set; } = version;

    public string Text { get; private set; } = text;

    public LspLines Lines { get; private set; } = new(text);

    /// <summary>The engine's verdict on <see cref="Text"/>; null until analyzed after the last change.</summary>
    public DigestAnalysis? Analysis { get; set; }

    public DigestRepairPlan? FixAll { get; set; }

    /// <summary>What was last sent in <c>publishDiagnostics</c>, to send only changes (and every new version).</summary>
    public byte[]? PublishedJson { get; set; }

    /// <summary>The cross-file diagnostics of the last push: another file's change republishes only when they differ.</summary>
    public IReadOnlyList<DigestDiagnostic>? PublishedCrossFile { get; set; }

    public int PublishedVersion { get; set; } = int.MinValue;

    public void SetText(string text)
    {
        Text = text;
        Lines = new LspLines(text);
        Analysis = null;
        FixAll = null;
    }
}

/// <summary>The workspace's folders, its digests on disk, the open buffers, and the engine runs over them.</summary>
internal sealed class DigestWorkspace
{
    private readonly Action<string> _log;
    private readonly List<string> _roots = [];
    private readonly Dictionary<string, WorkspaceFile> _onDisk = new(PathComparer);
    private readonly Dictionary<string, OpenDocument> _open = new(PathComparer);
    private readonly Dictionary<string, WorkspaceFile> _openFiles = new(PathComparer);
    private Dictionary<string, List<DigestDiagnostic>> _crossFile = new(StringComparer.Ordinal);
    private bool _crossFileStale = true;

    // The cross-file rules relate digests only through an equal slug or arXiv identifier. These indexes (over the
    // effective file of each key: the open buffer, else the disk copy) let a change rerun the rules over just the
    // digests it can affect; _affected collects the keys whose cross-file diagnostics must be recomputed.
    private readonly Dictionary<string, HashSet<string>> _bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _affected = new(PathComparer);
    private readonly Func<string, string, DigestAnalysis>? _analyze;
    private SeverityOverrides _severities = new();

    /// <param name="analyze">For tests: a different engine entry point (e.g. one that hangs), under the same bound.</param>
    public DigestWorkspace(Action<string> log, Func<string, string, DigestAnalysis>? analyze = null)
    {
        _log = log;
        _analyze = analyze;
    }

    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public IReadOnlyList<string> Roots => _roots;

    public IEnumerable<OpenDocument> OpenDocuments => _open.Values;

    public void AddRoot(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!_roots.Contains(full, PathComparer))
        {
            _roots.Add(full);
        }
    }

    public void RemoveRoot(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        _roots.RemoveAll(r => PathComparer.Equals(r, full));
        foreach (var key in _onDisk.Keys.Where(k => !_roots.Any(r => IsUnder(k, r))).ToList())
        {
            _onDisk.Remove(key);
        }

        _crossFileStale = true;
    }

    /// <summary>The file-system path of a <c>file:</c> URI, or null for any other scheme.</summary>
    public static string? LocalPath(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : null;

    public static string UriOf(string fullPath) => new Uri(fullPath).AbsoluteUri;

    /// <summary>
    /// The path the engine and the messages use: relative to the workspace folder holding the file, as
    /// <c>digestkit check FOLDER</c> shows it, so "the first file" of a cross-file rule is the same one.
    /// </summary>
    public string EnginePathFor(string fullPath)
    {
        foreach (var root in _roots)
        {
            if (IsUnder(fullPath, root))
            {
                return Path.GetRelativePath(root, fullPath);
            }
        }

        return fullPath;
    }

    private static bool IsUnder(string path, string root) =>
        path.Length > root.Length && path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
        && (path[root.Length] == Path.DirectorySeparatorChar || path[root.Length] == Path.AltDirectorySeparatorChar);

    public bool IsInWorkspace(string fullPath) => _roots.Any(r => IsUnder(fullPath, r));

    /// <summary>
    /// Every digest under the folders, found as <c>check</c> finds them, analyzed in parallel and reduced to what
    /// the cross-file rules need. Runs off the worker: it touches nothing but its arguments and the disk.
    /// </summary>
    public static IReadOnlyList<WorkspaceFile> Index(IReadOnlyList<(string Root, string FullPath)> files, Func<string, string, string, DigestAnalysis> analyze, Func<string, string> enginePath, CancellationToken cancellationToken)
    {
        var result = new WorkspaceFile?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            result[i] = ReadFile(files[i].FullPath, enginePath(files[i].FullPath), analyze);
        });

        return result.Where(f => f is not null).Select(f => f!).ToArray();
    }

    /// <summary>The files <c>check</c> would check in each folder (the shared discovery, whatever it filters).</summary>
    public IReadOnlyList<(string Root, string FullPath)> Discover(IEnumerable<string> roots)
    {
        var found = new List<(string, string)>();
        foreach (var root in roots)
        {
            try
            {
                foreach (var file in InputFiles.Expand([root]))
                {
                    found.Add((root, file.FullPath));
                }
            }
            catch (Exception ex) when (ex is UsageException or IOException or UnauthorizedAccessException)
            {
                _log($"cannot list the workspace folder '{root}': {ex.Message}");
            }
        }

        return found;
    }

    /// <summary>
    /// The model without the per-file rules: all a file that is not open contributes is its slug and papers, and
    /// the parse is about half of the engine's time on a real post. Never throws, like the engine.
    /// </summary>
    public static DigestAnalysis ParseOnly(string fullPath, string enginePath, string text)
    {
        var diagnostics = new List<DigestDiagnostic>();
        try
        {
            return new DigestAnalysis(DigestParser.Parse(enginePath, text, diagnostics), EquatableArray<DigestDiagnostic>.Empty);
        }
        catch (Exception)
        {
            return new DigestAnalysis(new DigestDocument(enginePath, null, EquatableArray<Paper>.Empty, text.Length), EquatableArray<DigestDiagnostic>.Empty);
        }
    }

    private static WorkspaceFile? ReadFile(string fullPath, string enginePath, Func<string, string, string, DigestAnalysis> analyze)
    {
        SourceFile source;
        try
        {
            source = SourceFile.Read(new InputFile(enginePath, fullPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var analysis = analyze(fullPath, enginePath, source.Text);
        return WorkspaceFile.Create(fullPath, enginePath, UriOf(fullPath), analysis.Document, new LspLines(source.Text));
    }

    public void MergeIndex(IReadOnlyList<WorkspaceFile> files)
    {
        foreach (var file in files)
        {
            _onDisk[file.Key] = file;
        }

        _crossFileStale = true;
    }

    /// <summary>A digest changed, appeared or disappeared on disk.</summary>
    public void DiskChanged(string fullPath, bool deleted)
    {
        if (deleted || !File.Exists(fullPath))
        {
            if (_onDisk.Remove(fullPath) && !_openFiles.ContainsKey(fullPath))
            {
                SetEffective(fullPath, null);
            }

            return;
        }

        if (ReadFile(fullPath, EnginePathFor(fullPath), ParseOnly) is { } file)
        {
            _onDisk[fullPath] = file;
            if (!_openFiles.ContainsKey(fullPath))
            {
                SetEffective(fullPath, file);
            }
        }
    }

    /// <summary>An .editorconfig or .globalconfig changed: severities and time bounds are read again.</summary>
    public void ConfigurationChanged()
    {
        _severities = new SeverityOverrides();
        foreach (var document in _open.Values)
        {
            document.Analysis = null;
            document.FixAll = null;
        }
    }

    public OpenDocument? Find(string uri) => _open.GetValueOrDefault(KeyOf(uri));

    private static string KeyOf(string uri) => LocalPath(uri) ?? uri;

    public OpenDocument Open(TextDocumentItem item)
    {
        var full = LocalPath(item.Uri);
        var key = full ?? item.Uri;
        var document = new OpenDocument(item.Uri, key, full, full is null ? item.Uri : EnginePathFor(full), item.Version, item.Text ?? string.Empty);
        _open[key] = document;
        return document;
    }

    /// <summary>Closing returns the file to what the disk holds (it may have been edited and not saved).</summary>
    public OpenDocument? Close(string uri)
    {
        var key = KeyOf(uri);
        if (!_open.Remove(key, out var document))
        {
            return null;
        }

        _openFiles.Remove(key);
        if (document.FullPath is { } full && IsInWorkspace(full))
        {
            DiskChanged(full, deleted: false);
        }

        SetEffective(key, _onDisk.GetValueOrDefault(key));
        return document;
    }

    public void Changed(OpenDocument document)
    {
        document.Analysis = null;
        document.FixAll = null;
    }

    /// <summary>The engine over <paramref name="text"/>, bounded in time as every host bounds it (the engine's <see cref="AnalysisTimeLimit"/>).</summary>
    public DigestAnalysis Analyze(string fullPath, string enginePath, string text) =>
        AnalysisTimeLimit.Analyze(enginePath, text, _severities.Configuration.For(fullPath).Timeout, _analyze);

    /// <summary>Analyzes the open documents changed since their last analysis, and returns them.</summary>
    public List<OpenDocument> AnalyzeOpenDocuments()
    {
        var analyzed = new List<OpenDocument>();
        foreach (var document in _open.Values)
        {
            if (EnsureAnalyzed(document))
            {
                analyzed.Add(document);
            }
        }

        return analyzed;
    }

    /// <summary>The cross-file diagnostics on <paramref name="document"/> (empty when none), as last computed.</summary>
    public IReadOnlyList<DigestDiagnostic> CrossFileFor(OpenDocument document) =>
        _crossFile.TryGetValue(document.EnginePath, out var list) ? list : [];

    public bool EnsureAnalyzed(OpenDocument document)
    {
        if (document.Analysis is not null)
        {
            return false;
        }

        document.Analysis = Analyze(document.FullPath ?? string.Empty, document.EnginePath, document.Text);
        var file = WorkspaceFile.Create(document.Key, document.EnginePath, document.Uri, document.Analysis.Document, null);
        _openFiles[document.Key] = file;
        SetEffective(document.Key, file);
        return true;
    }

    /// <summary>Runs the cross-file rules over every digest (open buffers over their disk copies) if anything changed.</summary>
    public bool UpdateCrossFile()
    {
        if (!_crossFileStale)
        {
            return UpdateAffected();
        }

        RebuildIndexes();
        var documents = new List<CrossFileEntry>(_onDisk.Count + _openFiles.Count);
        foreach (var (key, file) in _onDisk)
        {
            if (!_openFiles.ContainsKey(key))
            {
                documents.Add(file.Entry);
            }
        }

        foreach (var file in _openFiles.Values)
        {
            documents.Add(file.Entry);
        }

        var byPath = new Dictionary<string, List<DigestDiagnostic>>(StringComparer.Ordinal);
        foreach (var d in DigestEngine.AnalyzeAcrossFiles(documents))
        {
            if (!byPath.TryGetValue(d.Path, out var list))
            {
                byPath[d.Path] = list = [];
            }

            list.Add(d);
        }

        _crossFile = byPath;
        _crossFileStale = false;
        _affected.Clear();
        return true;
    }

    private WorkspaceFile? Effective(string key) => _openFiles.GetValueOrDefault(key) ?? _onDisk.GetValueOrDefault(key);

    private static IEnumerable<string> RelationKeys(WorkspaceFile file)
    {
        if (file.Entry.Slug is { } slug)
        {
            yield return "slug:" + slug.Value;
        }

        foreach (var paper in file.Entry.Papers)
        {
            yield return "id:" + paper.Id;
        }
    }

    private Dictionary<string, HashSet<string>> IndexFor(string relation) => relation.StartsWith("slug:", StringComparison.Ordinal) ? _bySlug : _byId;

    private void AddToIndexes(string key, WorkspaceFile file)
    {
        foreach (var relation in RelationKeys(file))
        {
            var index = IndexFor(relation);
            if (!index.TryGetValue(relation, out var keys))
            {
                index[relation] = keys = new HashSet<string>(PathComparer);
            }

            keys.Add(key);
        }
    }

    /// <summary>Every digest sharing a slug or an identifier with <paramref name="file"/>.</summary>
    private IEnumerable<string> Related(WorkspaceFile file)
    {
        foreach (var relation in RelationKeys(file))
        {
            if (IndexFor(relation).TryGetValue(relation, out var keys))
            {
                foreach (var key in keys)
                {
                    yield return key;
                }
            }
        }
    }

    /// <summary>The effective file of <paramref name="key"/> changes: what it was and what it is related to is affected.</summary>
    private void SetEffective(string key, WorkspaceFile? file)
    {
        if (_crossFileStale)
        {
            return; // A full run is due anyway.
        }

        _affected.Add(key);
        if (_previousEffective.TryGetValue(key, out var old))
        {
            _affected.UnionWith(Related(old));
            foreach (var relation in RelationKeys(old))
            {
                IndexFor(relation).GetValueOrDefault(relation)?.Remove(key);
            }

            _crossFile.Remove(old.EnginePath);
        }

        if (file is null)
        {
            _previousEffective.Remove(key);
            return;
        }

        _previousEffective[key] = file;
        AddToIndexes(key, file);
        _affected.UnionWith(Related(file));
    }

    private readonly Dictionary<string, WorkspaceFile> _previousEffective = new(PathComparer);

    private void RebuildIndexes()
    {
        _bySlug.Clear();
        _byId.Clear();
        _previousEffective.Clear();
        foreach (var key in _onDisk.Keys.Concat(_openFiles.Keys).Distinct(PathComparer))
        {
            if (Effective(key) is { } file)
            {
                _previousEffective[key] = file;
                AddToIndexes(key, file);
            }
        }
    }

    /// <summary>
    /// Reruns the cross-file rules over the affected digests and everything related to them, which is all the
    /// rules look at for those digests, so their results are the full run's; the others' are unchanged.
    /// </summary>
    private bool UpdateAffected()
    {
        if (_affected.Count == 0)
        {
            return false;
        }

        var scope = new HashSet<string>(_affected, PathComparer);
        foreach (var key in _affected)
        {
            if (Effective(key) is { } file)
            {
                scope.UnionWith(Related(file));
            }
        }

        var documents = scope.Select(Effective).Where(f => f is not null).Select(f => f!.Entry).ToList();
        var byPath = new Dictionary<string, List<DigestDiagnostic>>(StringComparer.Ordinal);
        foreach (var d in DigestEngine.AnalyzeAcrossFiles(documents))
        {
            if (!byPath.TryGetValue(d.Path, out var list))
            {
                byPath[d.Path] = list = [];
            }

            list.Add(d);
        }

        foreach (var key in _affected)
        {
            if (Effective(key) is { } file)
            {
                if (byPath.TryGetValue(file.EnginePath, out var list))
                {
                    _crossFile[file.EnginePath] = list;
                }
                else
                {
                    _crossFile.Remove(file.EnginePath);
                }
            }
        }

        _affected.Clear();
        return true;
    }

    /// <summary>A document's diagnostics as LSP sends them: its own and the cross-file ones, with configured severities.</summary>
    public Diagnostic[] DiagnosticsFor(OpenDocument document)
    {
        EnsureAnalyzed(document);
        UpdateCrossFile();
        var result = new List<Diagnostic>();
        foreach (var d in document.Analysis!.Diagnostics)
        {
            if (Configure(d, document) is { } kept)
            {
                result.Add(ToLsp(kept, document.Lines, kept.Related is { } related
                    ? [new DiagnosticRelatedInformation(new Location(document.Uri, document.Lines.RangeOf(related.Span.Start, related.Span.End)), related.Message)]
                    : null));
            }
        }

        if (_crossFile.TryGetValue(document.EnginePath, out var cross))
        {
            foreach (var d in cross)
            {
                if (Configure(d, document) is { } kept)
                {
                    result.Add(ToLsp(kept, document.Lines, Related(kept, document)));
                }
            }
        }

        return result.ToArray();
    }

    private DigestDiagnostic? Configure(DigestDiagnostic diagnostic, OpenDocument document) =>
        document.FullPath is { } full ? _severities.Apply(diagnostic, full) : diagnostic;

    public static Diagnostic ToLsp(DigestDiagnostic d, LspLines lines, DiagnosticRelatedInformation[]? related)
    {
        var rule = DigestRules.Find(d.Id);
        return new Diagnostic(
            lines.RangeOf(d.Span.Start, d.Span.End),
            d.Severity switch
            {
                DigestSeverity.Error => 1,
                DigestSeverity.Warning => 2,
                _ => 3,
            },
            d.Id,
            rule is null ? null : new CodeDescription(rule.HelpLink),
            "digestkit",
            d.Message,
            related);
    }

    /// <summary>Where the other digest of a cross-file diagnostic is: the file its message names, at its slug or paper.</summary>
    private DiagnosticRelatedInformation[]? Related(DigestDiagnostic diagnostic, OpenDocument document)
    {
        var other = FindByEnginePath(diagnostic.Arguments, document.EnginePath);
        if (other is null)
        {
            return null;
        }

        var lines = _open.TryGetValue(other.Key, out var otherOpen) ? otherOpen.Lines : null;
        if (diagnostic.Id == DigestRules.DuplicateSlug.Id && other.Entry.Slug is { } slug)
        {
            return [new DiagnosticRelatedInformation(new Location(other.Uri, other.RangeOf(slug.Span, lines)), $"slug '{slug.Value}' first used here")];
        }

        foreach (var paper in other.Entry.Papers)
        {
            if (diagnostic.Arguments.Contains(paper.Id))
            {
                var authors = document.Analysis?.Document.Papers.Any(p => p.AuthorLineSpan == diagnostic.Span) == true;
                var span = authors && paper.AuthorLineSpan is { } a ? a : paper.TitleSpan;
                return [new DiagnosticRelatedInformation(new Location(other.Uri, other.RangeOf(span, lines)), $"arXiv paper '{paper.Id}' first listed here")];
            }
        }

        return null;
    }

    private WorkspaceFile? FindByEnginePath(EquatableArray<string> arguments, string self)
    {
        foreach (var argument in arguments)
        {
            if (string.Equals(argument, self, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var file in _openFiles.Values)
            {
                if (string.Equals(file.EnginePath, argument, StringComparison.Ordinal))
                {
                    return file;
                }
            }

            foreach (var file in _onDisk.Values)
            {
                if (string.Equals(file.EnginePath, argument, StringComparison.Ordinal))
                {
                    return file;
                }
            }
        }

        return null;
    }
}
