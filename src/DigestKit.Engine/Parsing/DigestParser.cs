using System.Collections.Generic;

namespace DigestKit.Engine.Parsing
{
    /// <summary>Text -> <see cref="DigestDocument"/>, reporting whatever cannot be read. Used through <see cref="DigestEngine"/>.</summary>
    public static class DigestParser
    {
        /// <summary>
        /// What the parser reports: where the text breaks the format's grammar (a line it cannot read, a part that is
        /// missing, a value that is not of its field's form, text it has to skip). Relations between values (numbering,
        /// order, dates against each other, links against categories, encoding) are the rules'.
        /// </summary>
        public static DigestRuleOwner Owner { get; } = new DigestRuleOwner("parser", DigestRuleOwnerKind.Parser, new[]
        {
            DigestRules.FrontMatterMissing, DigestRules.FrontMatterUnclosed, DigestRules.YamlSyntax, DigestRules.WrongType,
            DigestRules.UnreadableDate, DigestRules.DuplicateKey, DigestRules.YamlTooComplex,
            DigestRules.MalformedHeading, DigestRules.EmptyTitle, DigestRules.MissingAuthors, DigestRules.MissingMetrics,
            DigestRules.MissingLinks, DigestRules.MissingCategories, DigestRules.UnexpectedContent, DigestRules.EmptyAuthor,
            DigestRules.BodyUnreadable, DigestRules.InvalidCount, DigestRules.UnreadableTimestamp, DigestRules.ImpossibleTimestamp, DigestRules.MalformedMetrics,
            DigestRules.AbsLinkMissing, DigestRules.PdfLinkMissing, DigestRules.MalformedUrl, DigestRules.IdentifierMismatch,
            DigestRules.InvalidArxivId, DigestRules.MalformedTweet, DigestRules.MalformedLinksLine, DigestRules.NotText, DigestRules.BlockUnreadable,
        });

        public static DigestDocument Parse(string path, string text, List<DigestDiagnostic> diagnostics) =>
            Parse(path, text, diagnostics, out _);

        /// <summary>Parses, and gives the line map of <paramref name="text"/> it built, for the rules to use again.</summary>
        internal static DigestDocument Parse(string path, string text, List<DigestDiagnostic> diagnostics, out LineMap lines)
        {
            var context = new ParseContext(path, text, diagnostics);
            lines = context.Lines;
            if (TextCheck.NotTextReason(text) is { } reason)
            {
                // One verdict for the file: every line of a binary file would otherwise be a diagnostic of its own.
                context.Report(DigestRules.NotText, context.Span(0, 0), reason);
                return new DigestDocument(path, null, EquatableArray<Paper>.Empty, text.Length) { IsNotText = true };
            }

            var frontMatter = FrontMatterParser.Parse(context, out var bodyStart);
            var papers = BodyParser.Parse(context, bodyStart);
            return new DigestDocument(path, frontMatter, papers, text.Length);
        }
    }
}
