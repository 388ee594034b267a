using System;
using System.Globalization;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK4006 identifier newer than the digest, DK4007 category label vs its URL, DK4008 category not in arXiv's
    /// taxonomy. Malformed URLs and abs/pdf disagreements are the parser's.
    /// </summary>
    internal static class LinkRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("links", Check,
            DigestRules.IdentifierFromFuture, DigestRules.CategoryLabelMismatch, DigestRules.UnknownCategory);

        public static void Check(RuleContext context)
        {
            var latest = LatestDate(context.Document.FrontMatter);
            foreach (var paper in context.Document.Papers)
            {
                if (latest is { } digestDate && paper.ArxivId is { } id)
                {
                    CheckIdentifierDate(context, id, digestDate);
                }

                foreach (var category in paper.Categories)
                {
                    CheckCategory(context, category);
                }
            }
        }

        /// <summary>
        /// The digest's date for dating identifiers: the later of the title's date and the post's date, so a paper
        /// submitted between the two is not flagged.
        /// </summary>
        private static DateTime? LatestDate(FrontMatter? frontMatter)
        {
            if (frontMatter is null)
            {
                return null;
            }

            var titleDate = RuleContext.TitleDate(frontMatter.Title?.Value, out _);
            var postDate = frontMatter.Date?.Value.Date;
            if (titleDate is { } t && postDate is { } p)
            {
                return t > p ? t : p;
            }

            return titleDate ?? postDate;
        }

        private static void CheckIdentifierDate(RuleContext context, ArxivId id, DateTime digestDate)
        {
            if (id.Month < 1 || id.Month > 12)
            {
                return; // Not a month: the parser's DK4005.
            }

            var year = id.Year < 100 ? (id.Year >= 91 ? 1900 + id.Year : 2000 + id.Year) : id.Year;
            if (year * 12 + id.Month > digestDate.Year * 12 + digestDate.Month)
            {
                context.Report(
                    DigestRules.IdentifierFromFuture,
                    id.Span,
                    id.ToString(),
                    year.ToString("0000", CultureInfo.InvariantCulture) + "-" + id.Month.ToString("00", CultureInfo.InvariantCulture),
                    RuleContext.FormatDate(digestDate));
            }
        }

        private static void CheckCategory(RuleContext context, CategoryLink category)
        {
            var label = category.Label.Value ?? string.Empty;
            if (category.UrlCategory is { } urlCategory && !string.Equals(label, urlCategory, StringComparison.Ordinal))
            {
                context.Report(DigestRules.CategoryLabelMismatch, category.Label.Span, label, urlCategory);
                if (!ArxivTaxonomy.Contains(urlCategory))
                {
                    context.Report(DigestRules.UnknownCategory, category.Url.Span, urlCategory);
                }
            }

            if (!ArxivTaxonomy.Contains(label))
            {
                context.Report(DigestRules.UnknownCategory, category.Label.Span, label);
            }
        }
    }
}
