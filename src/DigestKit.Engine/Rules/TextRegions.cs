using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// Says which part of a digest an offset falls in ("the abstract of paper 3"), for messages, and whether it is
    /// inside an embedded tweet's HTML. Built only when a character rule has something to report.
    /// </summary>
    internal sealed class TextRegions
    {
        private readonly DigestDocument _document;
        private List<SourceSpan>? _tweets;

        public TextRegions(DigestDocument document) => _document = document;

        public bool InTweet(int offset)
        {
            if (_tweets is null)
            {
                _tweets = new List<SourceSpan>();
                foreach (var paper in _document.Papers)
                {
                    foreach (var tweet in paper.Tweets)
                    {
                        _tweets.Add(tweet.Span);
                    }
                }

                _tweets.Sort((a, b) => a.Start.CompareTo(b.Start));
            }

            // Tweets do not overlap: the last one starting at or before the offset is the only candidate. A binary
            // search, so a file with a hundred thousand findings and as many tweets is not their product.
            var index = LastStartingAtOrBefore(_tweets, offset, s => s);
            return index >= 0 && Inside(_tweets[index], offset);
        }

        /// <summary>The index of the last item whose span starts at or before <paramref name="offset"/> (items sorted by start), or -1.</summary>
        private static int LastStartingAtOrBefore<T>(IReadOnlyList<T> items, int offset, System.Func<T, SourceSpan> span)
        {
            int lo = 0, hi = items.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (span(items[mid]).Start <= offset)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found;
        }

        public string Describe(int offset)
        {
            if (_document.FrontMatter is { } frontMatter && Inside(frontMatter.Span, offset))
            {
                foreach (var entry in frontMatter.Entries)
                {
                    if (offset >= entry.Key.Span.Start && offset < entry.ValueSpan.End)
                    {
                        return "the front matter's '" + entry.Key.Value + "'";
                    }
                }

                return "the front matter";
            }

            // Papers are in text order and do not overlap: the one that can hold the offset is found by a binary search.
            var papers = _document.Papers;
            var at = LastStartingAtOrBefore(papers, offset, p => p.Span);
            if (at >= 0)
            {
                var paper = papers[at];
                if (!Inside(paper.Span, offset))
                {
                    return "the text";
                }

                var name = "paper " + RuleContext.PaperName(paper);
                if (Inside(paper.HeadingSpan, offset))
                {
                    return "the title of " + name;
                }

                if (paper.AuthorLineSpan is { } authors && Inside(authors, offset))
                {
                    return "the authors of " + name;
                }

                if (paper.Metrics is { } metrics && Inside(metrics.Span, offset))
                {
                    return "the metrics of " + name;
                }

                if (paper.Links is { } links && Inside(links.Span, offset))
                {
                    return "the links of " + name;
                }

                if (paper.CategoryLineSpan is { } categories && Inside(categories, offset))
                {
                    return "the categories of " + name;
                }

                if (paper.Abstract is { } summary && Inside(summary.Span, offset))
                {
                    return "the abstract of " + name;
                }

                foreach (var tweet in paper.Tweets)
                {
                    if (Inside(tweet.Span, offset))
                    {
                        return "a tweet in " + name;
                    }
                }

                return name;
            }

            return "the text";
        }

        private static bool Inside(SourceSpan span, int offset) => offset >= span.Start && offset < span.End;
    }
}
