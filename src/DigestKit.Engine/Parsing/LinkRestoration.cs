namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// DK4001/DK4002: what to add for a missing abs or pdf link, and the edit that adds it. The abs and pdf URLs of
    /// a paper differ only in <c>/abs/</c> and <c>/pdf/</c>, so when the links line holds exactly the other link and
    /// that link names a valid identifier, the missing one is that identifier (version kept) under the other path.
    /// </summary>
    internal static class LinkRestoration
    {
        private const string Prefix = "https://arxiv.org/";

        /// <summary>The message's "what to do", and the repair when the other link names the paper.</summary>
        public static (string Hint, TextEdit? Fix) Missing(string text, PaperLinks links, ArxivId? id, bool abs)
        {
            var kind = abs ? "abs" : "pdf";
            var other = abs ? links.Pdf : links.Abs;
            var named = other is { } o && id != null && id.Span.Start >= o.Url.Span.Start && id.Span.End <= o.Url.Span.End;
            var link = "[" + kind + "](" + Prefix + kind + "/" + (named ? id!.ToString() : "ID") + ")";
            var quoted = "'" + link + "'"; // the messages quote what to write in single quotes
            if (other is not { } known)
            {
                return ("add " + quoted + " to the links line", null);
            }

            var hint = "add " + quoted + (abs ? " before the pdf link" : " after the abs link");
            if (!named || !IsTheOnlyLink(text, links, known))
            {
                return (hint, null);
            }

            var fix = abs
                ? new TextEdit(known.Span.Start, 0, link + " | ")
                : new TextEdit(known.Span.End, 0, " | " + link);
            return (hint + " ('digestkit fix' adds it)", fix);
        }

        /// <summary>
        /// The line is "links: [x](…)" and nothing else, so inserting beside the link cannot land in stray text
        /// (a malformed line is DK4013's, and its repair is not mechanical).
        /// </summary>
        private static bool IsTheOnlyLink(string text, PaperLinks links, MarkdownLink link)
        {
            const string label = "links:";
            var end = System.Math.Min(links.Span.End, text.Length);
            for (var i = link.Span.End; i < end; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            var before = link.Span.Start;
            while (before > links.Span.Start && char.IsWhiteSpace(text[before - 1]))
            {
                before--;
            }

            return before - label.Length >= links.Span.Start && string.CompareOrdinal(text, before - label.Length, label, 0, label.Length) == 0;
        }
    }
}
