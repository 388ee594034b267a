using System;
using System.Collections.Generic;
using DigestKit.Engine;

namespace DigestKit.Engine.Tests.Fuzzing;

/// <summary>
/// What must hold for any input, whatever it is: the fuzz harness (bench/fuzz, which links this file) turns a
/// violation into a crash, and <see cref="FuzzCorpusTests"/> replays the kept inputs through it.
/// <list type="bullet">
/// <item>Analysing it throws nothing (the engine turns its own failures into DK9001, which is allowed).</item>
/// <item>Every diagnostic's span, and every edit, lies within the text, and its line and column agree with its offset.</item>
/// <item>The diagnostics are in report order (position, then ID).</item>
/// <item>The safe repairs are idempotent: planning the repaired text again changes nothing.</item>
/// </list>
/// </summary>
public static class FuzzInvariants
{
    public const string Path = "fuzz.md";

    /// <summary>Checks <paramref name="text"/>; throws <see cref="InvariantException"/> on the first violation.</summary>
    public static void Check(string text)
    {
        var analysis = DigestEngine.Analyze(Path, text);
        CheckDiagnostics(text, analysis.Diagnostics);

        var plan = DigestRepairs.Plan(Path, text);
        CheckDiagnostics(plan.RepairedText, plan.After.Diagnostics);
        var again = DigestRepairs.Plan(Path, plan.RepairedText);
        if (again.Changed)
        {
            throw new InvariantException($"fix is not idempotent: a second run applies {again.Applied.Count} more repair(s), first {Describe(again.Applied[0])}");
        }
    }

    public static void CheckDiagnostics(string text, IReadOnlyList<DigestDiagnostic> diagnostics)
    {
        var lines = new LineMap(text);
        DigestDiagnostic? previous = null;
        foreach (var d in diagnostics)
        {
            var span = d.Span;
            if (span.Start < 0 || span.Length < 0 || span.Start > text.Length - span.Length)
            {
                throw new InvariantException($"{d.Id} span {span} is outside the text ({text.Length} characters)");
            }

            var (line, column) = lines.Position(span.Start);
            var (endLine, endColumn) = lines.Position(span.End);
            if ((line, column, endLine, endColumn) != (span.Line, span.Column, span.EndLine, span.EndColumn))
            {
                throw new InvariantException($"{d.Id} span {span} does not match its offsets ({line},{column},{endLine},{endColumn})");
            }

            if (d.Fix is { } fix && (fix.Start < 0 || fix.Length < 0 || fix.Start > text.Length - fix.Length || fix.NewText is null))
            {
                throw new InvariantException($"{d.Id} edit {fix.Start}+{fix.Length} is outside the text ({text.Length} characters)");
            }

            if (previous is { } p && (p.Span.Start > span.Start || (p.Span.Start == span.Start && string.CompareOrdinal(p.Id, d.Id) > 0)))
            {
                throw new InvariantException($"diagnostics out of order: {p.Id} at {p.Span.Start} before {d.Id} at {span.Start}");
            }

            previous = d;
        }
    }

    private static string Describe(DigestRepair r) => $"{r.Id} at {r.Line}:{r.Column} '{r.OldText}' -> '{r.NewText}'";
}

/// <summary>An invariant of <see cref="FuzzInvariants"/> does not hold.</summary>
public sealed class InvariantException(string message) : Exception(message);
