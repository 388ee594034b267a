using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK2003 numbering gap, DK2004 duplicate number, DK2010 empty author. A paper's expected number is its position
    /// in the file, so the fixes of every DK2003/DK2004 applied together give 1..N whatever the original mess was.
    /// </summary>
    internal static class NumberingRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("numbering", Check,
            DigestRules.NumberingGap, DigestRules.DuplicateNumber, DigestRules.EmptyAuthor);

        public static void Check(RuleContext context)
        {
            var papers = context.Document.Papers;
            var seen = new HashSet<int>();
            for (var i = 0; i < papers.Count; i++)
            {
                var paper = papers[i];
                CheckAuthors(context, paper);
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

        private static void CheckAuthors(RuleContext context, Paper paper)
        {
            foreach (var author in paper.Authors)
            {
                if (!string.IsNullOrWhiteSpace(author.Value))
                {
                    continue;
                }

                context.Report(DigestRules.EmptyAuthor, EmptyAuthorSpan(context, author.Span, paper.AuthorLineSpan), RuleContext.PaperName(paper));
            }
        }

        /// <summary>
        /// An empty name has no characters to point at: point at the whitespace it consists of or, when it has none,
        /// at the comma beside it, so an editor shows a squiggle where the name should be.
        /// </summary>
        private static SourceSpan EmptyAuthorSpan(RuleContext context, SourceSpan span, SourceSpan? line)
        {
            if (span.Length > 0 || !context.IsInText(span))
            {
                return span;
            }

            var text = context.Text;
            var lineStart = line?.Start ?? 0;
            var lineEnd = line?.End ?? text.Length;
            if (span.Start < lineEnd && span.Start < text.Length && text[span.Start] == ',')
            {
                return context.Lines.Span(span.Start, 1);
            }

            for (var i = span.Start - 1; i >= lineStart && i >= 0; i--)
            {
                if (text[i] == ',')
                {
                    return context.Lines.Span(i, 1);
                }

                if (!char.IsWhiteSpace(text[i]))
                {
                    break;
                }
            }

            return span;
        }
    }
}
