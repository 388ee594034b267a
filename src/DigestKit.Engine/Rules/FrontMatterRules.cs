using System;
using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// DK1004 required key missing, DK1005 unknown key, DK1008 slug vs title, DK1009 title format and description,
    /// DK1010 title's date after the post's date. The parser has already reported what it could not read, so a key
    /// that is present with a bad value is not "missing" here.
    /// </summary>
    internal static class FrontMatterRules
    {
        /// <summary>The rules this area reports, and its check.</summary>
        public static DocumentRule Rule { get; } = new DocumentRule("front matter", Check,
            DigestRules.RequiredKeyMissing, DigestRules.UnknownKey, DigestRules.SlugMismatch,
            DigestRules.TitleDescriptionMismatch, DigestRules.TitleDateAfterPostDate);

        /// <summary>The keys a digest's front matter holds, in the order real posts write them.</summary>
        public static readonly string[] KnownKeys =
        {
            "title", "date", "template", "draft", "slug", "category", "tags", "description", "socialImage",
        };

        private static readonly string KnownKeyList = string.Join(", ", KnownKeys);

        public static void Check(RuleContext context)
        {
            var frontMatter = context.Document.FrontMatter;
            if (frontMatter is null)
            {
                // No front matter at all is the parser's DK1001; nine "missing key" errors would only repeat it.
                return;
            }

            if (frontMatter.IsUnreadable)
            {
                // The parser's DK1003/DK1012 is the finding; keys after the error are unread, not missing.
                return;
            }

            CheckKeys(context, frontMatter);
            CheckTitleAndFriends(context, frontMatter);
        }

        private static void CheckKeys(RuleContext context, FrontMatter frontMatter)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in frontMatter.Entries)
            {
                var key = entry.Key.Value ?? string.Empty;
                present.Add(key);
                if (Array.IndexOf(KnownKeys, key) < 0)
                {
                    context.Report(DigestRules.UnknownKey, entry.Key.Span, key, KnownKeyList);
                }
            }

            SourceSpan? openingLine = null;
            foreach (var key in KnownKeys)
            {
                if (!present.Contains(key))
                {
                    openingLine ??= OpeningLine(context, frontMatter);
                    context.Report(DigestRules.RequiredKeyMissing, openingLine.Value, key);
                }
            }
        }

        /// <summary>The front matter's opening '---' line, without its line break.</summary>
        private static SourceSpan OpeningLine(RuleContext context, FrontMatter frontMatter)
        {
            var text = context.Text;
            var start = Math.Max(0, Math.Min(frontMatter.Span.Start, text.Length));
            var end = start;
            while (end < text.Length && text[end] != '\r' && text[end] != '\n')
            {
                end++;
            }

            return context.Lines.FromBounds(start, end);
        }

        private static void CheckTitleAndFriends(RuleContext context, FrontMatter frontMatter)
        {
            if (frontMatter.Title is not { } title)
            {
                return;
            }

            var titleDate = RuleContext.TitleDate(title.Value, out var dateText);
            if (titleDate is null || dateText is null)
            {
                context.Report(DigestRules.TitleDescriptionMismatch, title.Span, "title", title.Value ?? string.Empty, "Hot Papers YYYY-MM-DD");
                return;
            }

            if (frontMatter.Slug is { } slug)
            {
                var expected = "hot-papers-" + dateText;
                if (!string.Equals(slug.Value, expected, StringComparison.Ordinal))
                {
                    context.Report(DigestRules.SlugMismatch, slug.Span, slug.Value ?? string.Empty, expected);
                }
            }

            if (frontMatter.Description is { } description)
            {
                var expected = "Hot papers " + dateText;
                if (!string.Equals(description.Value, expected, StringComparison.Ordinal))
                {
                    context.Report(DigestRules.TitleDescriptionMismatch, description.Span, "description", description.Value ?? string.Empty, expected);
                }
            }

            if (frontMatter.Date is { } postDate && titleDate.Value > postDate.Value.Date)
            {
                context.Report(DigestRules.TitleDateAfterPostDate, DateWithin(context, title.Span, dateText), dateText, RuleContext.FormatDate(postDate.Value));
            }
        }

        /// <summary>The date inside the title's span (the title may be quoted), or the whole title when not found.</summary>
        private static SourceSpan DateWithin(RuleContext context, SourceSpan titleSpan, string dateText)
        {
            if (!context.IsInText(titleSpan))
            {
                return titleSpan;
            }

            var index = context.Text.IndexOf(dateText, titleSpan.Start, titleSpan.Length, StringComparison.Ordinal);
            return index < 0 ? titleSpan : context.Lines.Span(index, dateText.Length);
        }
    }
}
