using System;
using System.Collections.Generic;
using System.Text;

namespace DigestKit.Engine
{
    /// <summary>One repair: the diagnostic whose edit it is, its family, where it was (1-based, in the text it was
    /// applied to), what it replaced and by what.</summary>
    public sealed record DigestRepair(DigestDiagnostic Diagnostic, DigestFix Family, int Line, int Column, string OldText, string NewText)
    {
        public string Id => Diagnostic.Id;
    }

    /// <summary>
    /// What the safe repairs make of one text: the text repaired, the repairs applied (in the order they were
    /// applied), the repairs that were computed but not applied (those of the final text: the re-analysis showed a
    /// diagnostic the text did not have), and the analyses before and after.
    /// </summary>
    public sealed record DigestRepairPlan(
        string OriginalText,
        string RepairedText,
        DigestAnalysis Before,
        DigestAnalysis After,
        IReadOnlyList<DigestRepair> Applied,
        IReadOnlyList<DigestRepair> Skipped)
    {
        public bool Changed => !string.Equals(OriginalText, RepairedText, StringComparison.Ordinal);

        /// <summary>
        /// The diagnostics of <see cref="Before"/> whose own edit is applied (found again, by ID, place and new text,
        /// when an earlier repair moved it): what <c>check</c> counts as repairable. A repair of a diagnostic that only
        /// appears once others are made is in <see cref="Applied"/> but not here.
        /// </summary>
        public IReadOnlyList<DigestDiagnostic> Repaired { get; init; } = Array.Empty<DigestDiagnostic>();
    }

    /// <summary>
    /// The one decision of which repairs are safe, shared by <c>digestkit fix</c>, the LSP code actions and the IDE
    /// code fix. The candidates are the edits the engine attaches to the diagnostics of rules that have a fix family
    /// (<see cref="DigestFixes"/>), one family at a time in <see cref="DigestFixes.All"/> order. A repair is applied
    /// only when the repaired text re-analyses with no diagnostic the text did not have: none on the repaired lines
    /// (compared by ID and line within the repair) other than those it had there, less the one repaired, and none
    /// on the other lines (compared by ID and line, shifted by the lines the repairs add or remove). Rounds repeat
    /// until no repair applies, so planning the repaired text again changes nothing.
    /// </summary>
    public static class DigestRepairs
    {
        /// <summary>At most this many rounds: each applies at least one repair, and a real digest needs one or two.</summary>
        public const int MaxRounds = 16;

        /// <summary>Whether <paramref name="d"/> carries an edit of a fix family (a candidate repair).</summary>
        public static bool IsCandidate(DigestDiagnostic d) => d.Fix is not null && FamilyOf(d) is not null;

        /// <summary>The fix family of <paramref name="d"/>'s rule, or null.</summary>
        public static DigestFix? FamilyOf(DigestDiagnostic d) => DigestRules.Find(d.Id)?.Fix;

        /// <summary>The safe repairs of <paramref name="text"/>; <paramref name="analyze"/> stands in for the engine in tests.</summary>
        public static DigestRepairPlan Plan(string path, string text, Func<string, string, DigestAnalysis>? analyze = null)
        {
            analyze ??= DigestEngine.Analyze;
            text ??= string.Empty;
            return Plan(path, text, analyze(path, text), analyze);
        }

        /// <summary>The same, for a text already analysed (<paramref name="before"/> is its analysis).</summary>
        public static DigestRepairPlan Plan(string path, string text, DigestAnalysis before, Func<string, string, DigestAnalysis>? analyze = null)
        {
            analyze ??= DigestEngine.Analyze;
            var analysis = before;
            var current = text;
            var applied = new List<DigestRepair>();
            var repaired = new List<DigestDiagnostic>();
            var batches = new List<List<(int Start, int End, int Delta)>>();
            var skipped = new List<DigestRepair>();
            for (var round = 0; round < MaxRounds; round++)
            {
                skipped.Clear();
                var progressed = false;
                foreach (var family in DigestFixes.All)
                {
                    var candidates = new List<DigestDiagnostic>();
                    foreach (var d in analysis.Diagnostics)
                    {
                        if (d.Fix is not null && FamilyOf(d) == family)
                        {
                            candidates.Add(d);
                        }
                    }

                    if (candidates.Count == 0)
                    {
                        continue;
                    }

                    var outcome = ApplySafe(path, current, analysis, candidates, analyze, skipped);
                    if (outcome is { } taken)
                    {
                        var batch = new List<(int Start, int End, int Delta)>();
                        var delta = 0;
                        foreach (var r in taken.Repairs)
                        {
                            var edit = r.Diagnostic.Fix!.Value;
                            var start = edit.Start + delta;
                            batch.Add((start, start + edit.NewText.Length, edit.NewText.Length - edit.Length));
                            delta += edit.NewText.Length - edit.Length;
                            if (FindOriginal(before, r, ToOriginal(edit.Start, batches)) is { } original)
                            {
                                repaired.Add(original);
                            }
                        }

                        batches.Add(batch);
                        current = taken.Text;
                        analysis = taken.Analysis;
                        applied.AddRange(taken.Repairs);
                        progressed = true;
                    }
                }

                if (!progressed)
                {
                    break;
                }
            }

            return new DigestRepairPlan(text, current, before, analysis, applied.ToArray(), skipped.ToArray()) { Repaired = repaired.ToArray() };
        }

        /// <summary>
        /// A position in the text after <paramref name="batches"/> (each a set of edits applied together: where each
        /// ends up, and how much it changed the length) as a position in the original text; -1 inside an edit.
        /// </summary>
        private static int ToOriginal(int position, List<List<(int Start, int End, int Delta)>> batches)
        {
            for (var b = batches.Count - 1; b >= 0 && position >= 0; b--)
            {
                var shift = 0;
                foreach (var (start, end, delta) in batches[b])
                {
                    if (position >= end)
                    {
                        shift += delta;
                    }
                    else if (position >= start)
                    {
                        return -1;
                    }
                }

                position -= shift;
            }

            return position;
        }

        /// <summary>The diagnostic of the original text that <paramref name="repair"/> (made later) is the repair of, if any.</summary>
        private static DigestDiagnostic? FindOriginal(DigestAnalysis before, DigestRepair repair, int originalStart)
        {
            if (originalStart < 0)
            {
                return null;
            }

            foreach (var d in before.Diagnostics)
            {
                if (d.Id == repair.Id && d.Fix is { } fix && fix.Start == originalStart && fix.NewText == repair.NewText)
                {
                    return d;
                }
            }

            return null;
        }

        /// <summary>
        /// Applies the diagnostics' edits in text order. An edit identical to one already taken is the same repair
        /// reported twice and counts once; an edit overlapping a taken one is left for a later round; edits outside
        /// the text and edits that change nothing are ignored.
        /// </summary>
        public static (string Text, IReadOnlyList<DigestRepair> Repairs) Apply(string text, IReadOnlyList<DigestDiagnostic> diagnostics)
        {
            var ordered = new List<(DigestDiagnostic D, TextEdit Edit, int Index)>();
            for (var i = 0; i < diagnostics.Count; i++)
            {
                if (diagnostics[i].Fix is { } f && f.Start >= 0 && f.Length >= 0 && f.Start <= text.Length - f.Length && f.NewText is not null)
                {
                    ordered.Add((diagnostics[i], f, i));
                }
            }

            ordered.Sort((a, b) =>
            {
                var c = a.Edit.Start.CompareTo(b.Edit.Start);
                if (c == 0) c = a.Edit.Length.CompareTo(b.Edit.Length);
                return c != 0 ? c : a.Index.CompareTo(b.Index);
            });

            var lines = new LineMap(text);
            var builder = new StringBuilder(text.Length);
            var repairs = new List<DigestRepair>();
            var position = 0;
            TextEdit? last = null;
            foreach (var (d, edit, _) in ordered)
            {
                if ((last is { } previous && previous == edit) || edit.Start < position)
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
                repairs.Add(new DigestRepair(d, FamilyOf(d) ?? DigestFixes.MisencodedText, line, column, oldText, edit.NewText));
            }

            builder.Append(text, position, text.Length - position);
            return (builder.ToString(), repairs);
        }

        private readonly struct Taken
        {
            public Taken(string text, DigestAnalysis analysis, IReadOnlyList<DigestRepair> repairs)
            {
                Text = text;
                Analysis = analysis;
                Repairs = repairs;
            }

            public string Text { get; }

            public DigestAnalysis Analysis { get; }

            public IReadOnlyList<DigestRepair> Repairs { get; }
        }

        /// <summary>
        /// The candidates' edits applied together, less each one whose repaired text shows a new diagnostic. When
        /// the first try finds any, those are tried one by one on the text (so a bad neighbour on the same line, or a
        /// new diagnostic elsewhere, does not sink a good repair); the rest are then re-checked together until the
        /// set holds. Null when nothing is applied.
        /// </summary>
        private static Taken? ApplySafe(string path, string text, DigestAnalysis analysis, List<DigestDiagnostic> candidates,
            Func<string, string, DigestAnalysis> analyze, List<DigestRepair> skipped)
        {
            var set = candidates;
            var first = true;
            while (true)
            {
                var (newText, repairs) = Apply(text, set);
                if (repairs.Count == 0)
                {
                    return null;
                }

                var newAnalysis = analyze(path, newText);
                var bad = NewDiagnostics(text, analysis, newText, newAnalysis, repairs);
                if (bad.Count == 0)
                {
                    return new Taken(newText, newAnalysis, repairs);
                }

                var drop = new HashSet<DigestDiagnostic>(ReferenceComparer.Instance);
                foreach (var index in bad)
                {
                    var repair = repairs[index];
                    if (first && repairs.Count > 1)
                    {
                        var (alone, single) = Apply(text, new[] { repair.Diagnostic });
                        if (NewDiagnostics(text, analysis, alone, analyze(path, alone), single).Count == 0)
                        {
                            continue;
                        }
                    }

                    drop.Add(repair.Diagnostic);
                    skipped.Add(repair);
                }

                if (drop.Count == 0)
                {
                    // Each is safe alone but not together: keep the first, leave the others to the next round.
                    for (var i = 1; i < bad.Count; i++)
                    {
                        drop.Add(repairs[bad[i]].Diagnostic);
                    }
                }

                first = false;
                var rest = new List<DigestDiagnostic>();
                foreach (var d in set)
                {
                    if (!drop.Contains(d))
                    {
                        rest.Add(d);
                    }
                }

                set = rest;
            }
        }

        /// <summary>
        /// The indexes of the repairs (applied to <paramref name="oldText"/>, giving <paramref name="newText"/>)
        /// whose lines show a diagnostic they did not have. A new diagnostic on a line no repair touched is blamed
        /// on every repair.
        /// </summary>
        private static List<int> NewDiagnostics(string oldText, DigestAnalysis oldAnalysis, string newText, DigestAnalysis newAnalysis,
            IReadOnlyList<DigestRepair> repairs)
        {
            var oldLines = new LineMap(oldText);
            var newLines = new LineMap(newText);

            // Each repair's line range in the old and in the new text.
            var ranges = new (int OldStart, int OldEnd, int NewStart, int NewEnd)[repairs.Count];
            var delta = 0;
            for (var i = 0; i < repairs.Count; i++)
            {
                var edit = repairs[i].Diagnostic.Fix!.Value;
                var newStart = edit.Start + delta;
                ranges[i] = (
                    oldLines.Position(edit.Start).Line,
                    oldLines.Position(edit.Start + edit.Length).Line,
                    newLines.Position(newStart).Line,
                    newLines.Position(newStart + edit.NewText.Length).Line);
                delta += edit.NewText.Length - edit.Length;
            }

            var oldKeys = new Dictionary<(string, int, int), int>();
            var newKeys = new Dictionary<(string, int, int), int>();
            foreach (var d in oldAnalysis.Diagnostics)
            {
                Count(oldKeys, KeyOf(d.Id, d.Span.Line, ranges, old: true), +1);
            }

            foreach (var r in repairs)
            {
                // The repaired diagnostic is expected to go.
                Count(oldKeys, KeyOf(r.Diagnostic.Id, r.Diagnostic.Span.Line, ranges, old: true), -1);
            }

            foreach (var d in newAnalysis.Diagnostics)
            {
                Count(newKeys, KeyOf(d.Id, d.Span.Line, ranges, old: false), +1);
            }

            // A capped analysis (DK9020) shows the first diagnostic of every ID and not all the others, so after a
            // repair a diagnostic of an ID the old text already had may only have come into view: on a capped file only
            // a diagnostic of an ID the old text did not have at all counts as new. DK9020 itself moves with the cap.
            HashSet<string>? cappedIds = null;
            if (oldAnalysis.OmittedCount > 0)
            {
                cappedIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var d in oldAnalysis.Diagnostics)
                {
                    cappedIds.Add(d.Id);
                }
            }

            var bad = new HashSet<int>();
            foreach (var pair in newKeys)
            {
                oldKeys.TryGetValue(pair.Key, out var had);
                if (pair.Value <= had || pair.Key.Item1 == DigestRules.DiagnosticsOmitted.Id || (cappedIds?.Contains(pair.Key.Item1) ?? false))
                {
                    continue;
                }

                var repair = pair.Key.Item2;
                if (repair >= 0)
                {
                    bad.Add(repair);
                }
                else
                {
                    for (var i = 0; i < repairs.Count; i++)
                    {
                        bad.Add(i);
                    }
                }
            }

            var list = new List<int>(bad);
            list.Sort();
            return list;
        }

        /// <summary>
        /// A diagnostic's place for comparing the two texts: on a repaired line, the repair's index and the line
        /// within it (0 for every line when the repair changes the number of lines); elsewhere -1 and the line in
        /// the new text's numbering.
        /// </summary>
        private static (string, int, int) KeyOf(string id, int line, (int OldStart, int OldEnd, int NewStart, int NewEnd)[] ranges, bool old)
        {
            var shift = 0;
            for (var i = 0; i < ranges.Length; i++)
            {
                var (oldStart, oldEnd, newStart, newEnd) = ranges[i];
                var start = old ? oldStart : newStart;
                var end = old ? oldEnd : newEnd;
                if (line < start)
                {
                    break;
                }

                if (line <= end)
                {
                    var sameShape = oldEnd - oldStart == newEnd - newStart;
                    return (id, i, sameShape ? line - start : 0);
                }

                shift = (newEnd - newStart) - (oldEnd - oldStart) + shift;
            }

            return (id, -1, old ? line + shift : line);
        }

        private static void Count(Dictionary<(string, int, int), int> counts, (string, int, int) key, int by)
        {
            counts.TryGetValue(key, out var n);
            counts[key] = n + by;
        }

        private sealed class ReferenceComparer : IEqualityComparer<DigestDiagnostic>
        {
            public static readonly ReferenceComparer Instance = new();

            public bool Equals(DigestDiagnostic? x, DigestDiagnostic? y) => ReferenceEquals(x, y);

            public int GetHashCode(DigestDiagnostic obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
