using System;
using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// The semantic rules over one parsed digest (everything the parser alone cannot see). Each area runs on its
    /// own: one that fails reports DK9001 and the others still run, so a rule bug never hides the other findings.
    /// </summary>
    public static class DocumentRules
    {
        /// <summary>Every document rule, in the order they run. A new area is one line here.</summary>
        internal static readonly DocumentRule[] Areas =
        {
            FrontMatterRules.Rule,
            NumberingRules.Rule,
            DuplicatePaperRules.Rule,
            MetricsRules.Rule,
            LinkRules.Rule,
            TweetRules.Rule,
            EncodingRules.Rule,
        };

        /// <summary>Each area with the rules it reports.</summary>
        public static IEnumerable<DigestRuleOwner> Owners
        {
            get
            {
                foreach (var area in Areas)
                {
                    yield return area.Owner;
                }
            }
        }

        public static IEnumerable<DigestDiagnostic> Check(DigestDocument document, string text) => Check(document, text, Areas);

        /// <summary>Runs ad-hoc checks allowed to report any rule (tests pass a failing one to see the others still run).</summary>
        internal static List<DigestDiagnostic> Check(DigestDocument document, string text, IReadOnlyList<(string Name, Action<RuleContext> Check)> areas)
        {
            var any = new List<DigestRule>(DigestRules.All).ToArray();
            var rules = new List<DocumentRule>();
            foreach (var (name, check) in areas)
            {
                rules.Add(new DocumentRule(name, check, any));
            }

            return Check(document, text, rules);
        }

        internal static List<DigestDiagnostic> Check(DigestDocument document, string text, IReadOnlyList<DocumentRule> areas) =>
            Check(document, text, areas, new List<DigestDiagnostic>());

        /// <summary>Runs <paramref name="areas"/>, adding what they find to <paramref name="diagnostics"/>.</summary>
        /// <param name="lines">The line map of <paramref name="text"/> if the parser built one already, or null.</param>
        internal static List<DigestDiagnostic> Check(DigestDocument document, string text, IReadOnlyList<DocumentRule> areas, List<DigestDiagnostic> diagnostics, LineMap? lines = null)
        {
            if (document is null || document.IsNotText)
            {
                return diagnostics;
            }

            var context = new RuleContext(document, text, diagnostics, lines);
            foreach (var area in areas)
            {
                try
                {
                    context.Rule = area;
                    area.Check(context);
                }
                catch (Exception ex)
                {
                    CappedDiagnostics.Add(diagnostics, DigestRules.InternalError.Create(context.Path, SourceSpan.FileStart, "the " + area.Name + " rules failed: " + ex.Message));
                }
            }

            return diagnostics;
        }
    }
}
