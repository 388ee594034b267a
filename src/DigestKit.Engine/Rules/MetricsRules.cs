using System.Globalization;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK3004 a timestamp before the post date, DK3005 papers not ordered by score (once per digest, at the first
    /// paper out of order). Counts that are not non-negative integers are the parser's DK3001.
    /// </summary>
    internal static class MetricsRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("metrics", Check,
            DigestRules.TimestampBeforePost, DigestRules.ScoreOrder);

        public static void Check(RuleContext context)
        {
            var postDate = context.Document.FrontMatter?.Date?.Value;
            Paper? previous = null;
            var outOfOrder = false;
            foreach (var paper in context.Document.Papers)
            {
                if (paper.Metrics is not { } metrics)
                {
                    continue;
                }

                if (postDate is { } posted && metrics.MeasuredAt is { } measured && measured < posted && metrics.TimestampText is { } stamp)
                {
                    context.Report(DigestRules.TimestampBeforePost, stamp.Span, stamp.Value ?? string.Empty, RuleContext.FormatDateTime(posted));
                }

                if (paper.Score is not { } score)
                {
                    continue;
                }

                if (!outOfOrder && previous?.Score is { } previousScore && score > previousScore)
                {
                    // The order is a property of the whole list: one diagnostic, at the first paper that climbs above
                    // its predecessor. Reordering (or fixing that count) is one edit; the next inversion, if any,
                    // shows up after it.
                    outOfOrder = true;
                    context.Report(
                        DigestRules.ScoreOrder,
                        paper.HeadingSpan,
                        RuleContext.PaperName(paper),
                        score.ToString(CultureInfo.InvariantCulture),
                        RuleContext.PaperName(previous),
                        previousScore.ToString(CultureInfo.InvariantCulture));
                }

                previous = paper;
            }
        }
    }
}
