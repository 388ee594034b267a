using System.Collections.Generic;

namespace DigestKit.Engine
{
    /// <summary>
    /// The catalogue of every diagnostic DigestKit reports: <c>DK</c> + 4 digits, grouped by area
    /// (1xxx front matter, 2xxx structure, 3xxx metrics, 4xxx links, 5xxx encoding, 6xxx across files,
    /// 7xxx C# code that uses the content, 9xxx the engine itself). Each ID has a page under docs/diagnostics and a line in AnalyzerReleases.
    /// IDs are never reused; a retired rule keeps its number.
    /// </summary>
    public static class DigestRules
    {
        private const string FrontMatterCategory = "DigestKit.FrontMatter";
        private const string StructureCategory = "DigestKit.Structure";
        private const string MetricsCategory = "DigestKit.Metrics";
        private const string LinksCategory = "DigestKit.Links";
        private const string EncodingCategory = "DigestKit.Encoding";
        private const string CrossFileCategory = "DigestKit.CrossFile";
        private const string EngineCategory = "DigestKit.Engine";
        private const string UsageCategory = "DigestKit.Usage";

        // Front matter (parser unless noted).
        public static readonly DigestRule FrontMatterMissing = new("DK1001", "Front matter is missing",
            "The digest does not start with a '---' front matter block", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule FrontMatterUnclosed = new("DK1002", "Front matter is not closed",
            "The front matter opened on line 1 is never closed by a '---' line", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule YamlSyntax = new("DK1003", "Front matter is not valid YAML",
            "Front matter YAML error: {0}", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule RequiredKeyMissing = new("DK1004", "Required front matter key is missing",
            "Front matter key '{0}' is missing", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule UnknownKey = new("DK1005", "Unknown front matter key",
            "Front matter key '{0}' is not one of {1}", FrontMatterCategory, DigestSeverity.Warning);
        public static readonly DigestRule WrongType = new("DK1006", "Front matter value has the wrong type",
            "Front matter key '{0}' has value '{1}', expected {2}", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule UnreadableDate = new("DK1007", "Front matter date is unreadable",
            "Front matter date '{0}' is not a date like '2021-06-22T07:43:12.Z'", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule SlugMismatch = new("DK1008", "Slug disagrees with the title",
            "Slug '{0}' does not match the title's date: expected '{1}'", FrontMatterCategory, DigestSeverity.Warning);
        public static readonly DigestRule TitleDescriptionMismatch = new("DK1009", "Title or description disagrees",
            "{0} '{1}' does not match: expected '{2}'", FrontMatterCategory, DigestSeverity.Warning);
        public static readonly DigestRule TitleDateAfterPostDate = new("DK1010", "Title date is after the post date",
            "The title's date {0} is after the post's date {1}", FrontMatterCategory, DigestSeverity.Warning);
        public static readonly DigestRule DuplicateKey = new("DK1011", "Duplicate front matter key",
            "Front matter key '{0}' appears more than once", FrontMatterCategory, DigestSeverity.Error);
        public static readonly DigestRule YamlTooComplex = new("DK1012", "Front matter is too complex",
            "Front matter rejected: {0}", FrontMatterCategory, DigestSeverity.Error);

        // Structure of the body (parser).
        public static readonly DigestRule MalformedHeading = new("DK2001", "Malformed paper heading",
            "Paper heading '{0}' is not of the form '# N. Title'", StructureCategory, DigestSeverity.Error);
        public static readonly DigestRule EmptyTitle = new("DK2002", "Paper title is empty",
            "Paper {0} has an empty title", StructureCategory, DigestSeverity.Error);
        public static readonly DigestRule NumberingGap = new("DK2003", "Paper numbering is not 1..N",
            "Paper number {0} is out of sequence: expected {1}", StructureCategory, DigestSeverity.Warning);
        public static readonly DigestRule DuplicateNumber = new("DK2004", "Duplicate paper number",
            "Paper number {0} is used more than once", StructureCategory, DigestSeverity.Warning);
        public static readonly DigestRule MissingAuthors = new("DK2005", "Paper has no author line",
            "Paper {0} has no author line", StructureCategory, DigestSeverity.Error);
        public static readonly DigestRule MissingMetrics = new("DK2006", "Paper has no metrics line",
            "Paper {0} has no '- retweets: R, favorites: F (timestamp)' line", StructureCategory, DigestSeverity.Error);
        public static readonly DigestRule MissingLinks = new("DK2007", "Paper has no links line",
            "Paper {0} has no '- links: [abs](…) | [pdf](…)' line", StructureCategory, DigestSeverity.Error);
        public static readonly DigestRule MissingCategories = new("DK2008", "Paper has no categories line",
            "Paper {0} has no categories line", StructureCategory, DigestSeverity.Error);
        public static readonly DigestRule UnexpectedContent = new("DK2009", "Unexpected content",
            "Unexpected content '{0}' {1}", StructureCategory, DigestSeverity.Warning);
        public static readonly DigestRule EmptyAuthor = new("DK2010", "Empty author name",
            "Paper {0} has an empty author name in its author list", StructureCategory, DigestSeverity.Warning);
        public static readonly DigestRule BodyUnreadable = new("DK2011", "The body cannot be read",
            "The body cannot be read: {0}", StructureCategory, DigestSeverity.Error);

        // Metrics.
        public static readonly DigestRule InvalidCount = new("DK3001", "Count is not a non-negative integer",
            "{0} count '{1}' is not a non-negative integer", MetricsCategory, DigestSeverity.Error);
        public static readonly DigestRule UnreadableTimestamp = new("DK3002", "Metrics timestamp is unreadable",
            "Metrics timestamp '{0}' is not of the form MM/DD/YYYY HH:mm:ss", MetricsCategory, DigestSeverity.Error);
        public static readonly DigestRule ImpossibleTimestamp = new("DK3003", "Metrics timestamp is impossible",
            "Metrics timestamp '{0}' is not a real date and time", MetricsCategory, DigestSeverity.Error);
        public static readonly DigestRule TimestampBeforePost = new("DK3004", "Metrics timestamp is before the post date",
            "Metrics timestamp '{0}' is before the post's date {1}", MetricsCategory, DigestSeverity.Warning);
        public static readonly DigestRule ScoreOrder = new("DK3005", "Papers are not ordered by score",
            "Paper {0} has score {1} (retweets + favorites), higher than paper {2} above it with {3}", MetricsCategory, DigestSeverity.Warning);
        public static readonly DigestRule MalformedMetrics = new("DK3006", "Malformed metrics line",
            "Metrics line '{0}' is not of the form '- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)'", MetricsCategory, DigestSeverity.Error);

        // Links.
        public static readonly DigestRule AbsLinkMissing = new("DK4001", "abs link is missing",
            "Paper {0} has no [abs](…) link", LinksCategory, DigestSeverity.Error);
        public static readonly DigestRule PdfLinkMissing = new("DK4002", "pdf link is missing",
            "Paper {0} has no [pdf](…) link", LinksCategory, DigestSeverity.Error);
        public static readonly DigestRule MalformedUrl = new("DK4003", "Malformed link URL",
            "URL '{0}' is not valid: expected {1}", LinksCategory, DigestSeverity.Error);
        public static readonly DigestRule IdentifierMismatch = new("DK4004", "abs and pdf name different papers",
            "The pdf link names '{0}' but the abs link names '{1}'", LinksCategory, DigestSeverity.Error);
        public static readonly DigestRule InvalidArxivId = new("DK4005", "Invalid arXiv identifier",
            "'{0}' is not a valid arXiv identifier", LinksCategory, DigestSeverity.Error);
        public static readonly DigestRule IdentifierFromFuture = new("DK4006", "arXiv identifier is newer than the digest",
            "arXiv identifier '{0}' is from {1}, after the digest's date {2}", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule CategoryLabelMismatch = new("DK4007", "Category label differs from its link",
            "Category label '{0}' differs from the category '{1}' its link names", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule UnknownCategory = new("DK4008", "Unknown arXiv category",
            "'{0}' is not a category in arXiv's taxonomy", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule TweetLinkNotStatus = new("DK4009", "Tweet link is not a status URL",
            "Tweet link '{0}' is not a status URL like 'https://twitter.com/handle/status/ID'", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule TweetHandleMismatch = new("DK4010", "Tweet handle differs from its link",
            "Tweet handle '@{0}' differs from '@{1}' in its status link", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule TweetDateMismatch = new("DK4011", "Tweet date disagrees with its status ID",
            "Tweet date '{0}' disagrees with {1}, the date its status ID encodes", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule MalformedTweet = new("DK4012", "Malformed embedded tweet",
            "Embedded tweet is malformed: {0}", LinksCategory, DigestSeverity.Warning);
        public static readonly DigestRule MalformedLinksLine = new("DK4013", "Malformed links line",
            "Links line '{0}' is not of the form '- links: [abs](…) | [pdf](…)'", LinksCategory, DigestSeverity.Error);

        // Encoding (rules).
        public static readonly DigestRule MojibakeInAuthor = new("DK5001", "Mis-encoded author name",
            "Author name '{0}' looks mis-encoded ({1}): did you mean '{2}'?", EncodingCategory, DigestSeverity.Warning);
        public static readonly DigestRule MojibakeInText = new("DK5002", "Mis-encoded text",
            "Text '{0}' looks mis-encoded ({1}): did you mean '{2}'?", EncodingCategory, DigestSeverity.Info);
        public static readonly DigestRule ReplacementCharacter = new("DK5003", "Replacement character",
            "The text holds U+FFFD, the replacement character: the original character was lost in {0}", EncodingCategory, DigestSeverity.Warning);
        public static readonly DigestRule BidiControl = new("DK5004", "Invisible direction override",
            "The text holds the invisible bidirectional control {0} in {1}", EncodingCategory, DigestSeverity.Warning);
        public static readonly DigestRule ControlCharacter = new("DK5005", "Control character",
            "The text holds the control character {0} in {1}", EncodingCategory, DigestSeverity.Warning);

        // Across files (rules over several documents).
        public static readonly DigestRule DuplicateSlug = new("DK6001", "Duplicate slug",
            "Slug '{0}' is also used by {1}", CrossFileCategory, DigestSeverity.Error);
        public static readonly DigestRule InconsistentPaper = new("DK6002", "Same paper with different metadata",
            "arXiv paper '{0}' has a different {1} in {2}", CrossFileCategory, DigestSeverity.Info);

        // C# code that uses the content: a constant passed to a generated lookup by name (DigestUsageAnalyzer). The
        // last argument says what to do: "did you mean '…'?", or that nothing is embedded.
        public static readonly DigestRule UnknownSlug = new("DK7001", "No embedded digest has this slug",
            "No embedded digest has the slug '{0}': {1}", UsageCategory, DigestSeverity.Warning);
        public static readonly DigestRule UnknownPaper = new("DK7002", "No embedded digest has this arXiv paper",
            "No embedded digest has the arXiv paper '{0}': {1}", UsageCategory, DigestSeverity.Warning);
        public static readonly DigestRule UnknownAuthor = new("DK7003", "No embedded paper has this author",
            "No embedded paper has the author '{0}': {1}", UsageCategory, DigestSeverity.Warning);
        public static readonly DigestRule UnknownCategoryName = new("DK7004", "No embedded paper has this category",
            "No embedded paper is in the category '{0}': {1}", UsageCategory, DigestSeverity.Warning);

        // The engine itself.
        public static readonly DigestRule InternalError = new("DK9001", "DigestKit could not check this file",
            "DigestKit could not check this file: {0}", EngineCategory, DigestSeverity.Error);

        /// <summary>Every rule, in ID order.</summary>
        public static IReadOnlyList<DigestRule> All { get; } = new[]
        {
            FrontMatterMissing, FrontMatterUnclosed, YamlSyntax, RequiredKeyMissing, UnknownKey, WrongType,
            UnreadableDate, SlugMismatch, TitleDescriptionMismatch, TitleDateAfterPostDate, DuplicateKey, YamlTooComplex,
            MalformedHeading, EmptyTitle, NumberingGap, DuplicateNumber, MissingAuthors, MissingMetrics, MissingLinks,
            MissingCategories, UnexpectedContent, EmptyAuthor, BodyUnreadable,
            InvalidCount, UnreadableTimestamp, ImpossibleTimestamp, TimestampBeforePost, ScoreOrder, MalformedMetrics,
            AbsLinkMissing, PdfLinkMissing, MalformedUrl, IdentifierMismatch, InvalidArxivId, IdentifierFromFuture,
            CategoryLabelMismatch, UnknownCategory, TweetLinkNotStatus, TweetHandleMismatch, TweetDateMismatch,
            MalformedTweet, MalformedLinksLine,
            MojibakeInAuthor, MojibakeInText, ReplacementCharacter, BidiControl, ControlCharacter,
            DuplicateSlug, InconsistentPaper,
            UnknownSlug, UnknownPaper, UnknownAuthor, UnknownCategoryName,
            InternalError,
        };

        public static DigestRule? Find(string id)
        {
            foreach (var rule in All)
            {
                if (rule.Id == id)
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
