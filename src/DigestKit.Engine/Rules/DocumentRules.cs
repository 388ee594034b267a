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
        internal static readonly (string Name, Action<RuleContext> Check)[] Areas =
        {
            ("front matter", FrontMatterRules.Check),
            ("numbering", NumberingRules.Check),
            ("metrics", MetricsRules.Check),
            ("links", LinkRules.Check),
            ("tweets", TweetRules.Check),
            ("encoding", EncodingRules.Check),
        };

        public static IEnumerable<DigestDiagnostic> Check(DigestDocument document, string text) => Check(document, text, Areas);

        /// <summary>Runs <paramref name="areas"/> (tests pass a failing one to see the others still run).</summary>
        internal static List<DigestDiagnostic> Check(DigestDocument document, string text, IReadOnlyList<(string Name, Action<RuleContext> Check)> areas)
        {
            var diagnostics = new List<DigestDiagnostic>();
            if (document is null)
            {
                return diagnostics;
            }

            var context = new RuleContext(document, text, diagnostics);
            foreach (var (name, check) in areas)
            {
                try
                {
                    check(context);
                }
                catch (Exception ex)
                {
                    diagnostics.Add(DigestRules.InternalError.Create(context.Path, RuleContext.FileStart, "the " + name + " rules failed: " + ex.Message));
                }
            }

            return diagnostics;
        }
    }
}
