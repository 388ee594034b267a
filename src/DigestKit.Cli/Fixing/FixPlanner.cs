using DigestKit.Engine;

namespace DigestKit.Cli.Fixing;

/// <summary>One repair that was kept: where it was (in the text it was applied to), what it replaced, by what.</summary>
internal sealed record AppliedFix(string Id, int Line, int Column, string OldText, string NewText);

/// <summary>A group of repairs that was computed but dropped because the file did not get better.</summary>
internal sealed record RejectedFixSet(string Name, int Count, int DiagnosticsBefore, int DiagnosticsAfter);

internal sealed record FixResult(
    string OriginalText,
    string FixedText,
    IReadOnlyList<AppliedFix> Applied,
    IReadOnlyList<RejectedFixSet> Rejected,
    int DiagnosticsBefore,
    int DiagnosticsAfter)
{
    public bool Changed => !string.Equals(OriginalText, FixedText, StringComparison.Ordinal);
}

/// <summary>
/// Decides what <c>fix</c> changes in one text, without touching the disk. The repairs are the engine's own
/// (<see cref="DigestDiagnostic.Fix"/>), applied one fix family at a time in the catalogue's order (mis-encoded
/// text first, because the renumbering is computed on the repaired text). Each set is re-validated and kept
/// only if the file then has fewer diagnostics.
/// </summary>
internal static class FixPlanner
{
    /// <summary>The catalogue's fix families (<see cref="DigestFixes.All"/>) with the IDs each repairs.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Ids)> FixSets =
        DigestFixes.All.Select(f => (f.Name, DigestFixes.IdsOf(f).ToArray())).ToArray();

    private static readonly HashSet<string> FixableIds = FixSets.SelectMany(s => s.Ids).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether <c>fix</c> would apply <paramref name="d"/>'s edit: an edit on a rule without a fix family is never
    /// applied, so <c>check</c> must not count it as repairable.
    /// </summary>
    public static bool Repairs(DigestDiagnostic d) => d.Fix is not null && FixableIds.Contains(d.Id);

    public static FixResult Plan(string path, string text, Func<string, string, DigestAnalysis>? analyze = null)
    {
        analyze ??= DigestEngine.Analyze;
        var analysis = analyze(path, text);
        var before = analysis.TotalCount;
        var current = text;
        var applied = new List<AppliedFix>();
        var rejected = new List<RejectedFixSet>();
        foreach (var (name, ids) in FixSets)
        {
            var candidates = analysis.Diagnostics.Where(d => d.Fix is not null && ids.Contains(d.Id, StringComparer.Ordinal)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var (newText, fixes) = Apply(current, candidates);
            if (fixes.Count == 0)
            {
                continue;
            }

            var newAnalysis = analyze(path, newText);
            if (newAnalysis.TotalCount < analysis.TotalCount)
            {
                current = newText;
                analysis = newAnalysis;
                applied.AddRange(fixes);
            }
            else
            {
                rejected.Add(new RejectedFixSet(name, fixes.Count, analysis.TotalCount, newAnalysis.TotalCount));
            }
        }

        return new FixResult(text, current, applied, rejected, before, analysis.TotalCount);
    }

    /// <summary>
    /// Applies the diagnostics' edits in text order. An edit identical to one already taken is the same repair
    /// reported twice and counts once; an edit overlapping a taken one is left for a later run (the set is
    /// re-validated anyway). Edits outside the text are ignored.
    /// </summary>
    public static (string Text, IReadOnlyList<AppliedFix> Fixes) Apply(string text, IReadOnlyList<DigestDiagnostic> diagnostics)
    {
        var ordered = diagnostics
            .Where(d => d.Fix is { } f && f.Start >= 0 && f.Length >= 0 && f.Start + f.Length <= text.Length)
            .OrderBy(d => d.Fix!.Value.Start)
            .ThenBy(d => d.Fix!.Value.Length)
            .ToList();

        var lines = new LineMap(text);
        var builder = new System.Text.StringBuilder(text.Length);
        var fixes = new List<AppliedFix>();
        var position = 0;
        TextEdit? last = null;
        foreach (var d in ordered)
        {
            var edit = d.Fix!.Value;
            if (last is { } previous && previous == edit)
            {
                continue;
            }

            if (edit.Start < position)
            {
                continue;
            }

            var oldText = text.Substring(edit.Start, edit.Length);
            if (string.Equals(oldText, edit.NewText, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(text, position, edit.Start - position).Append(edit.NewText);
            position = edit.Start + edit.Length;
            last = edit;
            var (line, column) = lines.Position(edit.Start);
            fixes.Add(new AppliedFix(d.Id, line, column, oldText, edit.NewText));
        }

        builder.Append(text, position, text.Length - position);
        return (builder.ToString(), fixes);
    }
}
