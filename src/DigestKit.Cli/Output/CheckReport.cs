using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// Everything a <c>check</c> output format needs, and nothing of how it was computed: the files checked, their
/// diagnostics in report order, and a way to get a file's text back for source excerpts (and to know it changed since). Formats are tested on
/// reports built by hand from constructed diagnostics.
/// </summary>
internal sealed class CheckReport
{
    /// <param name="repairable">Whether <c>fix</c> applies a diagnostic's repair (CheckRunner asks the engine's plan);
    /// by default, whether it carries a candidate repair at all.</param>
    /// <param name="changedSinceChecked">Whether a file changed between the check and the report (no excerpt then).</param>
    public CheckReport(IReadOnlyList<string> files, IEnumerable<DigestDiagnostic> diagnostics, Func<string, string?> sourceText,
        Func<DigestDiagnostic, bool>? repairable = null, Func<string, bool>? changedSinceChecked = null)
    {
        Files = files;
        SourceText = sourceText;
        Repairable = repairable ?? DigestRepairs.IsCandidate;
        ChangedSinceChecked = changedSinceChecked ?? (_ => false);

        // Report order: files in the order they were checked, then by position, then by ID. Diagnostics that
        // name no checked file (an engine failure across files) come last.
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            fileOrder.TryAdd(files[i], i);
        }

        Diagnostics = diagnostics
            .Select((d, index) => (d, index))
            .OrderBy(x => fileOrder.TryGetValue(x.d.Path, out var order) ? order : int.MaxValue)
            .ThenBy(x => x.d.Path, StringComparer.Ordinal)
            .ThenBy(x => x.d.Span.Start)
            .ThenBy(x => x.d.Id, StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => x.d)
            .ToArray();

        foreach (var d in Diagnostics)
        {
            if (Repairable(d))
            {
                Fixable++;
            }

            switch (d.Severity)
            {
                case DigestSeverity.Error: Errors++; break;
                case DigestSeverity.Warning: Warnings++; break;
                default: Infos++; break;
            }
        }
    }

    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// The same files with only the diagnostics that pass <paramref name="keep"/>, for --quiet: a report that
    /// then has nothing to show prints nothing, not even its summary line.
    /// </summary>
    public CheckReport Quiet(Func<DigestDiagnostic, bool> keep) => new(Files, Diagnostics.Where(keep), SourceText, Repairable, ChangedSinceChecked) { IsQuiet = true };

    /// <summary>Whether <c>fix</c> applies the diagnostic's repair.</summary>
    public Func<DigestDiagnostic, bool> Repairable { get; }

    public bool IsQuiet { get; private init; }

    public IReadOnlyList<DigestDiagnostic> Diagnostics { get; }

    /// <summary>The text of a checked file by its display path, or null when it is not available.</summary>
    public Func<string, string?> SourceText { get; }

    /// <summary>
    /// True when <see cref="SourceText"/> gave no text for the path because the file changed after it was checked
    /// (the check reads texts back for excerpts rather than keeping them): formats say so instead of showing a line.
    /// </summary>
    public Func<string, bool> ChangedSinceChecked { get; }

    public int Errors { get; }

    public int Warnings { get; }

    public int Infos { get; }

    /// <summary>Diagnostics whose repair <c>digestkit fix</c> applies (its plan's first round).</summary>
    public int Fixable { get; }

    public static string SeverityName(DigestSeverity severity) => severity switch
    {
        DigestSeverity.Error => "error",
        DigestSeverity.Warning => "warning",
        _ => "info",
    };

    public static string Plural(int count, string singular) => count == 1 ? $"1 {singular}" : $"{count} {singular}s";

    public string SummaryLine() =>
        $"Checked {Plural(Files.Count, "file")}: {Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Plural(Infos, "info")}"
        + (Fixable > 0 ? $"; {Fixable} can be repaired by 'digestkit fix'." : ".");
}
