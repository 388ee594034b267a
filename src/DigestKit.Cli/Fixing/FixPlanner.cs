using DigestKit.Engine;

namespace DigestKit.Cli.Fixing;

/// <summary>One repair that was kept: where it was (in the text it was applied to), what it replaced, by what.</summary>
internal sealed record AppliedFix(string Id, int Line, int Column, string OldText, string NewText)
{
    public static AppliedFix From(DigestRepair r) => new(r.Id, r.Line, r.Column, r.OldText, r.NewText);
}

internal sealed record FixResult(
    string OriginalText,
    string FixedText,
    IReadOnlyList<AppliedFix> Applied,
    IReadOnlyList<AppliedFix> Skipped,
    int DiagnosticsBefore,
    int DiagnosticsAfter)
{
    public bool Changed => !string.Equals(OriginalText, FixedText, StringComparison.Ordinal);
}

/// <summary>
/// Decides what <c>fix</c> changes in one text, without touching the disk: the engine's safe repairs
/// (<see cref="DigestRepairs.Plan"/>, the same decision the IDE code fix and the LSP code actions make). A repair
/// is applied only when the repaired text re-analyses with no diagnostic the text did not have; the others are
/// reported as not applied.
/// </summary>
internal static class FixPlanner
{
    public static FixResult Plan(string path, string text, Func<string, string, DigestAnalysis>? analyze = null) =>
        ToResult(DigestRepairs.Plan(path, text, analyze));

    public static FixResult ToResult(DigestRepairPlan plan) => new(
        plan.OriginalText,
        plan.RepairedText,
        plan.Applied.Select(AppliedFix.From).ToArray(),
        plan.Skipped.Select(AppliedFix.From).ToArray(),
        plan.Before.TotalCount,
        plan.After.TotalCount);
}
