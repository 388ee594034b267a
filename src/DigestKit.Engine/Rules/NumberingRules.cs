using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK2003 numbering gap, DK2004 duplicate number. A paper's expected number is its position
    /// in the file, so the fixes of every DK2003/DK2004 applied together give 1..N whatever the original mess was.
    /// </summary>
    internal static class NumberingRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("numbering", Check,
            DigestRules.NumberingGap, DigestRules.DuplicateNumber);

        public static void Check(RuleContext context)
        {
            var papers = context.Document.Papers;
            var seen = new HashSet<int>();
            for (var i = 0; i < papers.Count; i++)
            {
                var paper = papers[i];
                if (paper.Rank is not { } rank)
                {
                    // A heading without a number is the parser's DK2001.
                    continue;
                }

                var expected = i + 1;
                var expectedText = expected.ToString(CultureInfo.InvariantCulture);
                var actualText = rank.Value.ToString(CultureInfo.InvariantCulture);
                var fix = new TextEdit(rank.Span.Start, rank.Span.Length, expectedText);
                if (!seen.Add(rank.Value))
                {
                    context.Report(DigestRules.DuplicateNumber, rank.Span, rank.Value != expected ? fix : (TextEdit?)null, actualText);
                }
                else if (rank.Value != expected)
                {
                    context.Report(DigestRules.NumberingGap, rank.Span, fix, actualText, expectedText);
                }
            }
        }
    }
}
