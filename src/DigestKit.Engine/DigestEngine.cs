using System;
using System.Collections.Generic;
using DigestKit.Engine.Parsing;
using DigestKit.Engine.Rules;

namespace DigestKit.Engine
{
    /// <summary>
    /// The one entry point every host uses (generator, analyzer, code fixes, CLI), so a digest gets the same
    /// verdict everywhere. Never throws: whatever goes wrong becomes a diagnostic.
    /// </summary>
    public static class DigestEngine
    {
        /// <summary>
        /// Everything that reports diagnostics, with the rules each reports: the parser, each document rule, the
        /// cross-file rules, and the engine itself (DK9001). Every catalogue rule has exactly one owner here.
        /// </summary>
        public static IReadOnlyList<DigestRuleOwner> Owners { get; } = CollectOwners();

        private static IReadOnlyList<DigestRuleOwner> CollectOwners()
        {
            var owners = new List<DigestRuleOwner> { DigestParser.Owner };
            owners.AddRange(DocumentRules.Owners);
            owners.Add(CrossFileRules.Owner);
            owners.Add(new DigestRuleOwner("engine", DigestRuleOwnerKind.Engine, new[] { DigestRules.InternalError, DigestRules.DiagnosticsOmitted }));
            owners.Add(new DigestRuleOwner("usage", DigestRuleOwnerKind.CSharpCode, new[]
            {
                DigestRules.UnknownSlug, DigestRules.UnknownPaper, DigestRules.UnknownAuthor, DigestRules.UnknownCategoryName,
            }));
            owners.Add(new DigestRuleOwner("build", DigestRuleOwnerKind.Build, new[]
            {
                DigestRules.NotEmbedded, DigestRules.ContentMatchesNothing, DigestRules.UnusableFileName,
            }));
            return owners;
        }

        /// <summary>The owner of <paramref name="rule"/>, or null for a rule nothing reports.</summary>
        public static DigestRuleOwner? OwnerOf(DigestRule rule)
        {
            foreach (var owner in Owners)
            {
                if (owner.Owns(rule))
                {
                    return owner;
                }
            }

            return null;
        }

        /// <summary>Parses <paramref name="text"/> and runs every per-file rule over it.</summary>
        public static DigestAnalysis Analyze(string path, string text)
        {
            path ??= string.Empty;
            text ??= string.Empty;
            var diagnostics = new CappedDiagnostics();
            DigestDocument document;
            LineMap lines;
            try
            {
                document = DigestParser.Parse(path, text, diagnostics, out lines);
            }
            catch (Exception ex)
            {
                document = new DigestDocument(path, null, EquatableArray<Paper>.Empty, text.Length);
                diagnostics.Add(DigestRules.InternalError.Create(path, SourceSpan.FileStart, "the parser failed: " + ex.Message));
                return Finish(document, diagnostics);
            }

            try
            {
                DocumentRules.Check(document, text, DocumentRules.Areas, diagnostics, lines);
            }
            catch (Exception ex)
            {
                diagnostics.Add(DigestRules.InternalError.Create(path, SourceSpan.FileStart, "a rule failed: " + ex.Message));
            }

            return Finish(document, diagnostics);
        }

        /// <summary>The rules that look across several digests (duplicate slugs, conflicting paper metadata).</summary>
        public static EquatableArray<DigestDiagnostic> AnalyzeAcrossFiles(IReadOnlyList<DigestDocument> documents) =>
            AcrossFiles(() => CrossFileRules.Check(documents));

        /// <summary>
        /// The same rules over what a host kept of each file (<see cref="CrossFileEntry.From"/>, built when the file
        /// was analyzed): a corpus's cross-file verdicts without keeping its documents or texts.
        /// </summary>
        public static EquatableArray<DigestDiagnostic> AnalyzeAcrossFiles(IReadOnlyList<CrossFileEntry> entries) =>
            AcrossFiles(() => CrossFileRules.CheckEntries(entries));

        private static EquatableArray<DigestDiagnostic> AcrossFiles(Func<IEnumerable<DigestDiagnostic>> check)
        {
            var diagnostics = new List<DigestDiagnostic>();
            try
            {
                diagnostics.AddRange(check());
            }
            catch (Exception ex)
            {
                diagnostics.Add(DigestRules.InternalError.Create(string.Empty, SourceSpan.FileStart, "a cross-file rule failed: " + ex.Message));
            }

            return Sort(diagnostics);
        }

        /// <summary>The most diagnostics one file reports; the rest are counted by one DK9020.</summary>
        public const int MaxDiagnosticsPerFile = CappedDiagnostics.Max;

        private static DigestAnalysis Finish(DigestDocument document, List<DigestDiagnostic> diagnostics)
        {
            if (diagnostics is CappedDiagnostics capped)
            {
                var omitted = capped.Finish();
                if (omitted > 0)
                {
                    return new DigestAnalysis(document, Sort(diagnostics)) { OmittedCount = omitted };
                }
            }

            return new DigestAnalysis(document, Sort(diagnostics));
        }

        /// <summary>The hosts' order: by file, then position, then ID (then the order reported).</summary>
        internal static int Compare(DigestDiagnostic a, DigestDiagnostic b)
        {
            var c = string.CompareOrdinal(a.Path, b.Path);
            if (c == 0) c = a.Span.Start.CompareTo(b.Span.Start);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        }

        private static EquatableArray<DigestDiagnostic> Sort(List<DigestDiagnostic> diagnostics)
        {
            // Stable order: by file, then position, then ID, so every host prints the same list.
            var indexed = new List<KeyValuePair<int, DigestDiagnostic>>(diagnostics.Count);
            for (var i = 0; i < diagnostics.Count; i++)
            {
                indexed.Add(new KeyValuePair<int, DigestDiagnostic>(i, diagnostics[i]));
            }

            indexed.Sort((a, b) =>
            {
                var c = Compare(a.Value, b.Value);
                return c != 0 ? c : a.Key.CompareTo(b.Key);
            });

            var result = new DigestDiagnostic[indexed.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = indexed[i].Value;
            }

            return new EquatableArray<DigestDiagnostic>(result);
        }
    }
}
