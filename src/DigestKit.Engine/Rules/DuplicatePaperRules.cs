using System;
using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK2013: the same arXiv paper twice in one digest (a paste renumbered into place passes the numbering rules).
    /// The cross-file DK6002 leaves repeats within a file to this rule.
    /// </summary>
    internal static class DuplicatePaperRules
    {
        public static DocumentRule Rule { get; } = new DocumentRule("duplicate papers", Check, DigestRules.DuplicatePaper);

        public static void Check(RuleContext context)
        {
            var first = new Dictionary<string, Paper>(StringComparer.Ordinal);
            foreach (var paper in context.Document.Papers)
            {
                if (paper.ArxivId is not { } id || string.IsNullOrEmpty(id.Id))
                {
                    continue;
                }

                if (first.TryGetValue(id.Id, out var seen))
                {
                    context.Report(DigestRules.DuplicatePaper, paper.HeadingSpan, seen.HeadingSpan, $"arXiv paper '{id.Id}' first listed here",
                        RuleContext.PaperName(paper), id.Id, RuleContext.PaperName(seen));
                }
                else
                {
                    first.Add(id.Id, paper);
                }
            }
        }
    }
}
