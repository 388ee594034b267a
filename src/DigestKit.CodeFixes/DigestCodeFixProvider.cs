using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.CodeFixes
{
    /// <summary>
    /// The engine's safe repairs as IDE code fixes on digest AdditionalDocuments: every rule the catalogue gives
    /// a fix family (mis-encoded text, paper renumbering). The fix is recomputed here by running the engine on the document's
    /// current text and taking its diagnostic with the same ID at the same position, so the analyzer has to pass
    /// nothing but the diagnostic, and the repair is exactly what <c>digestkit fix</c> writes. Only the repairs the
    /// engine's plan applies (<see cref="DigestRepairs"/>: none that brings a new diagnostic) are offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DigestCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
    public sealed class DigestCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence-key prefix of the action that applies every fix of one ID in the file.</summary>
        public const string FixAllInFileKeyPrefix = "DigestKit.FixAllInFile.";

        /// <summary>Every rule the catalogue gives a fix family (<see cref="DigestRule.Fix"/>), family by family.</summary>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            DigestFixes.All.SelectMany(DigestFixes.IdsOf).ToImmutableArray();

        /// <summary>
        /// Roslyn's fix-all engines (Workspaces 4.5) only walk C# <see cref="Document"/>s, not additional documents;
        /// the "fix all in this file" action registered with each fix stands in for it.
        /// </summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            var path = document.FilePath ?? document.Name;
            var source = text.ToString();
            var analysis = DigestEngine.Analyze(path, source);
            DigestRepairPlan? plan = null;
            HashSet<DigestDiagnostic>? repaired = null;

            foreach (var diagnostic in context.Diagnostics)
            {
                var match = FindEngineDiagnostic(analysis, diagnostic.Id, diagnostic.Location.SourceSpan.Start);
                if (match?.Fix is not { } edit || DigestRules.Find(diagnostic.Id)?.Fix is not { } fix)
                {
                    continue;
                }

                // Only the repairs digestkit fix applies: the engine's plan re-analyses each and drops any that
                // would bring a new diagnostic.
                plan ??= DigestRepairs.Plan(path, source, analysis);
                repaired ??= new HashSet<DigestDiagnostic>(plan.Repaired);
                if (!repaired.Contains(match))
                {
                    continue;
                }

                var oldText = text.ToString(new TextSpan(edit.Start, edit.Length));
                var title = fix.ActionTitle(oldText, edit.NewText);
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(document, new[] { edit }, ct), equivalenceKey: "DigestKit." + diagnostic.Id),
                    diagnostic);

                var all = plan.Repaired.Where(d => d.Id == diagnostic.Id).Select(d => d.Fix!.Value).ToArray();
                if (all.Length > 1)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Fix all {all.Length} {diagnostic.Id} in this file", ct => ApplyAsync(document, all, ct), equivalenceKey: FixAllInFileKeyPrefix + diagnostic.Id),
                        diagnostic);
                }
            }
        }

        /// <summary>The engine diagnostic that a reported diagnostic stands for: same ID, same start.</summary>
        public static DigestDiagnostic? FindEngineDiagnostic(DigestAnalysis analysis, string id, int start)
        {
            foreach (var d in analysis.Diagnostics)
            {
                if (d.Id == id && d.Span.Start == start && d.Fix is not null)
                {
                    return d;
                }
            }

            return null;
        }

        private static async Task<Solution> ApplyAsync(TextDocument document, IReadOnlyList<TextEdit> edits, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            var position = 0;
            foreach (var edit in edits.Distinct().OrderBy(e => e.Start).ThenBy(e => e.Length))
            {
                // Overlapping edits cannot be applied together; the rest is left for the next round.
                if (edit.Start < position || edit.Start + edit.Length > text.Length)
                {
                    continue;
                }

                changes.Add(new TextChange(new TextSpan(edit.Start, edit.Length), edit.NewText));
                position = edit.Start + edit.Length;
            }

            return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
        }
    }
}
