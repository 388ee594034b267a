using System.Collections.Generic;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Reads a run of Markdown inline links <c>[label](url)</c> separated by <c>|</c>, as in the links and
    /// categories lines. Hand-written rather than Markdig's inline parser: these lines have one shape, and the
    /// spans of the label and the URL are what the diagnostics point at.
    /// </summary>
    internal static class MarkdownLinkScanner
    {
        /// <summary>The links in [start, end); <paramref name="stray"/> is the first text that is neither a link
        /// nor a separator (start and end offsets), or null.</summary>
        public static List<MarkdownLink> Scan(ParseContext context, int start, int end, out (int Start, int End)? stray)
        {
            var text = context.Text;
            // A links or categories line holds two to five links.
            var links = new List<MarkdownLink>(4);
            stray = null;
            var i = start;
            while (i < end)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c) || c == '|')
                {
                    i++;
                    continue;
                }

                if (c == '[' && TryLink(context, i, end, out var link, out var next))
                {
                    links.Add(link);
                    i = next;
                    continue;
                }

                var strayEnd = i;
                while (strayEnd < end && text[strayEnd] != '|' && !TextScanner.IsLineBreak(text[strayEnd]))
                {
                    strayEnd++;
                }

                var (s, e) = TextScanner.Trim(text, i, strayEnd);
                stray ??= (s, e);
                i = strayEnd;
            }

            return links;
        }

        private static bool TryLink(ParseContext context, int open, int end, out MarkdownLink link, out int next)
        {
            var text = context.Text;
            link = default;
            next = open;
            var labelEnd = text.IndexOf(']', open + 1, end - open - 1);
            if (labelEnd < 0 || labelEnd + 1 >= end || text[labelEnd + 1] != '(')
            {
                return false;
            }

            var urlStart = labelEnd + 2;
            var urlEnd = urlStart;
            while (urlEnd < end && text[urlEnd] != ')' && !char.IsWhiteSpace(text[urlEnd]))
            {
                urlEnd++;
            }

            if (urlEnd >= end || text[urlEnd] != ')')
            {
                return false;
            }

            var (ls, le) = TextScanner.Trim(text, open + 1, labelEnd);
            link = new MarkdownLink(context.Slice(ls, le - ls), context.Slice(urlStart, urlEnd - urlStart), context.FromBounds(open, urlEnd + 1));
            next = urlEnd + 1;
            return true;
        }
    }
}
