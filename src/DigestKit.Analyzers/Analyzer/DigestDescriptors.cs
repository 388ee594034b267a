using System.Collections.Generic;
using System.Collections.Immutable;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// The one class of diagnostic descriptors: one per rule of <see cref="DigestRules.All"/>, with the rule's title,
    /// message format and help link. IDs, categories and default severities are written out as constants because
    /// release tracking (RS2008) can only check constants against AnalyzerReleases.*.md; CatalogueTests hold them
    /// equal to the engine's catalogue, so the two cannot drift apart.
    /// </summary>
    public static class DigestDescriptors
    {
        /// <summary>Custom tag on every DigestKit descriptor (lets hosts filter them).</summary>
        public const string Engine = "DigestKit";

        public const string FrontMatterMissingId = "DK1001";
        public const string FrontMatterUnclosedId = "DK1002";
        public const string YamlSyntaxId = "DK1003";
        public const string RequiredKeyMissingId = "DK1004";
        public const string UnknownKeyId = "DK1005";
        public const string WrongTypeId = "DK1006";
        public const string UnreadableDateId = "DK1007";
        public const string SlugMismatchId = "DK1008";
        public const string TitleDescriptionMismatchId = "DK1009";
        public const string TitleDateAfterPostDateId = "DK1010";
        public const string DuplicateKeyId = "DK1011";
        public const string YamlTooComplexId = "DK1012";
        public const string MalformedHeadingId = "DK2001";
        public const string EmptyTitleId = "DK2002";
        public const string NumberingGapId = "DK2003";
        public const string DuplicateNumberId = "DK2004";
        public const string MissingAuthorsId = "DK2005";
        public const string MissingMetricsId = "DK2006";
        public const string MissingLinksId = "DK2007";
        public const string MissingCategoriesId = "DK2008";
        public const string UnexpectedContentId = "DK2009";
        public const string EmptyAuthorId = "DK2010";
        public const string BodyUnreadableId = "DK2011";
        public const string InvalidCountId = "DK3001";
        public const string UnreadableTimestampId = "DK3002";
        public const string ImpossibleTimestampId = "DK3003";
        public const string TimestampBeforePostId = "DK3004";
        public const string ScoreOrderId = "DK3005";
        public const string MalformedMetricsId = "DK3006";
        public const string AbsLinkMissingId = "DK4001";
        public const string PdfLinkMissingId = "DK4002";
        public const string MalformedUrlId = "DK4003";
        public const string IdentifierMismatchId = "DK4004";
        public const string InvalidArxivIdId = "DK4005";
        public const string IdentifierFromFutureId = "DK4006";
        public const string CategoryLabelMismatchId = "DK4007";
        public const string UnknownCategoryId = "DK4008";
        public const string TweetLinkNotStatusId = "DK4009";
        public const string TweetHandleMismatchId = "DK4010";
        public const string TweetDateMismatchId = "DK4011";
        public const string MalformedTweetId = "DK4012";
        public const string MalformedLinksLineId = "DK4013";
        public const string MojibakeInAuthorId = "DK5001";
        public const string MojibakeInTextId = "DK5002";
        public const string ReplacementCharacterId = "DK5003";
        public const string BidiControlId = "DK5004";
        public const string ControlCharacterId = "DK5005";
        public const string DuplicateSlugId = "DK6001";
        public const string InconsistentPaperId = "DK6002";
        public const string InternalErrorId = "DK9001";

        /// <summary>DK1001: Front matter is missing.</summary>
        public static readonly DiagnosticDescriptor FrontMatterMissing = new DiagnosticDescriptor(
            FrontMatterMissingId, DigestRules.FrontMatterMissing.Title, DigestRules.FrontMatterMissing.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.FrontMatterMissing.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1002: Front matter is not closed.</summary>
        public static readonly DiagnosticDescriptor FrontMatterUnclosed = new DiagnosticDescriptor(
            FrontMatterUnclosedId, DigestRules.FrontMatterUnclosed.Title, DigestRules.FrontMatterUnclosed.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.FrontMatterUnclosed.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1003: Front matter is not valid YAML.</summary>
        public static readonly DiagnosticDescriptor YamlSyntax = new DiagnosticDescriptor(
            YamlSyntaxId, DigestRules.YamlSyntax.Title, DigestRules.YamlSyntax.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.YamlSyntax.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1004: Required front matter key is missing.</summary>
        public static readonly DiagnosticDescriptor RequiredKeyMissing = new DiagnosticDescriptor(
            RequiredKeyMissingId, DigestRules.RequiredKeyMissing.Title, DigestRules.RequiredKeyMissing.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.RequiredKeyMissing.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1005: Unknown front matter key.</summary>
        public static readonly DiagnosticDescriptor UnknownKey = new DiagnosticDescriptor(
            UnknownKeyId, DigestRules.UnknownKey.Title, DigestRules.UnknownKey.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.UnknownKey.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1006: Front matter value has the wrong type.</summary>
        public static readonly DiagnosticDescriptor WrongType = new DiagnosticDescriptor(
            WrongTypeId, DigestRules.WrongType.Title, DigestRules.WrongType.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.WrongType.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1007: Front matter date is unreadable.</summary>
        public static readonly DiagnosticDescriptor UnreadableDate = new DiagnosticDescriptor(
            UnreadableDateId, DigestRules.UnreadableDate.Title, DigestRules.UnreadableDate.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.UnreadableDate.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1008: Slug disagrees with the title.</summary>
        public static readonly DiagnosticDescriptor SlugMismatch = new DiagnosticDescriptor(
            SlugMismatchId, DigestRules.SlugMismatch.Title, DigestRules.SlugMismatch.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.SlugMismatch.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1009: Title or description disagrees.</summary>
        public static readonly DiagnosticDescriptor TitleDescriptionMismatch = new DiagnosticDescriptor(
            TitleDescriptionMismatchId, DigestRules.TitleDescriptionMismatch.Title, DigestRules.TitleDescriptionMismatch.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.TitleDescriptionMismatch.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1010: Title date is after the post date.</summary>
        public static readonly DiagnosticDescriptor TitleDateAfterPostDate = new DiagnosticDescriptor(
            TitleDateAfterPostDateId, DigestRules.TitleDateAfterPostDate.Title, DigestRules.TitleDateAfterPostDate.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.TitleDateAfterPostDate.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1011: Duplicate front matter key.</summary>
        public static readonly DiagnosticDescriptor DuplicateKey = new DiagnosticDescriptor(
            DuplicateKeyId, DigestRules.DuplicateKey.Title, DigestRules.DuplicateKey.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.DuplicateKey.HelpLink, customTags: new[] { Engine });

        /// <summary>DK1012: Front matter is too complex.</summary>
        public static readonly DiagnosticDescriptor YamlTooComplex = new DiagnosticDescriptor(
            YamlTooComplexId, DigestRules.YamlTooComplex.Title, DigestRules.YamlTooComplex.MessageFormat, "DigestKit.FrontMatter", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.YamlTooComplex.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2001: Malformed paper heading.</summary>
        public static readonly DiagnosticDescriptor MalformedHeading = new DiagnosticDescriptor(
            MalformedHeadingId, DigestRules.MalformedHeading.Title, DigestRules.MalformedHeading.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MalformedHeading.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2002: Paper title is empty.</summary>
        public static readonly DiagnosticDescriptor EmptyTitle = new DiagnosticDescriptor(
            EmptyTitleId, DigestRules.EmptyTitle.Title, DigestRules.EmptyTitle.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.EmptyTitle.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2003: Paper numbering is not 1..N.</summary>
        public static readonly DiagnosticDescriptor NumberingGap = new DiagnosticDescriptor(
            NumberingGapId, DigestRules.NumberingGap.Title, DigestRules.NumberingGap.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.NumberingGap.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2004: Duplicate paper number.</summary>
        public static readonly DiagnosticDescriptor DuplicateNumber = new DiagnosticDescriptor(
            DuplicateNumberId, DigestRules.DuplicateNumber.Title, DigestRules.DuplicateNumber.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.DuplicateNumber.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2005: Paper has no author line.</summary>
        public static readonly DiagnosticDescriptor MissingAuthors = new DiagnosticDescriptor(
            MissingAuthorsId, DigestRules.MissingAuthors.Title, DigestRules.MissingAuthors.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MissingAuthors.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2006: Paper has no metrics line.</summary>
        public static readonly DiagnosticDescriptor MissingMetrics = new DiagnosticDescriptor(
            MissingMetricsId, DigestRules.MissingMetrics.Title, DigestRules.MissingMetrics.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MissingMetrics.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2007: Paper has no links line.</summary>
        public static readonly DiagnosticDescriptor MissingLinks = new DiagnosticDescriptor(
            MissingLinksId, DigestRules.MissingLinks.Title, DigestRules.MissingLinks.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MissingLinks.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2008: Paper has no categories line.</summary>
        public static readonly DiagnosticDescriptor MissingCategories = new DiagnosticDescriptor(
            MissingCategoriesId, DigestRules.MissingCategories.Title, DigestRules.MissingCategories.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MissingCategories.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2009: Unexpected content.</summary>
        public static readonly DiagnosticDescriptor UnexpectedContent = new DiagnosticDescriptor(
            UnexpectedContentId, DigestRules.UnexpectedContent.Title, DigestRules.UnexpectedContent.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.UnexpectedContent.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2010: Empty author name.</summary>
        public static readonly DiagnosticDescriptor EmptyAuthor = new DiagnosticDescriptor(
            EmptyAuthorId, DigestRules.EmptyAuthor.Title, DigestRules.EmptyAuthor.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.EmptyAuthor.HelpLink, customTags: new[] { Engine });

        /// <summary>DK2011: The body cannot be read.</summary>
        public static readonly DiagnosticDescriptor BodyUnreadable = new DiagnosticDescriptor(
            BodyUnreadableId, DigestRules.BodyUnreadable.Title, DigestRules.BodyUnreadable.MessageFormat, "DigestKit.Structure", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.BodyUnreadable.HelpLink, customTags: new[] { Engine });

        /// <summary>DK3001: Count is not a non-negative integer.</summary>
        public static readonly DiagnosticDescriptor InvalidCount = new DiagnosticDescriptor(
            InvalidCountId, DigestRules.InvalidCount.Title, DigestRules.InvalidCount.MessageFormat, "DigestKit.Metrics", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.InvalidCount.HelpLink, customTags: new[] { Engine });

        /// <summary>DK3002: Metrics timestamp is unreadable.</summary>
        public static readonly DiagnosticDescriptor UnreadableTimestamp = new DiagnosticDescriptor(
            UnreadableTimestampId, DigestRules.UnreadableTimestamp.Title, DigestRules.UnreadableTimestamp.MessageFormat, "DigestKit.Metrics", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.UnreadableTimestamp.HelpLink, customTags: new[] { Engine });

        /// <summary>DK3003: Metrics timestamp is impossible.</summary>
        public static readonly DiagnosticDescriptor ImpossibleTimestamp = new DiagnosticDescriptor(
            ImpossibleTimestampId, DigestRules.ImpossibleTimestamp.Title, DigestRules.ImpossibleTimestamp.MessageFormat, "DigestKit.Metrics", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.ImpossibleTimestamp.HelpLink, customTags: new[] { Engine });

        /// <summary>DK3004: Metrics timestamp is before the post date.</summary>
        public static readonly DiagnosticDescriptor TimestampBeforePost = new DiagnosticDescriptor(
            TimestampBeforePostId, DigestRules.TimestampBeforePost.Title, DigestRules.TimestampBeforePost.MessageFormat, "DigestKit.Metrics", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.TimestampBeforePost.HelpLink, customTags: new[] { Engine });

        /// <summary>DK3005: Papers are not ordered by score.</summary>
        public static readonly DiagnosticDescriptor ScoreOrder = new DiagnosticDescriptor(
            ScoreOrderId, DigestRules.ScoreOrder.Title, DigestRules.ScoreOrder.MessageFormat, "DigestKit.Metrics", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.ScoreOrder.HelpLink, customTags: new[] { Engine });

        /// <summary>DK3006: Malformed metrics line.</summary>
        public static readonly DiagnosticDescriptor MalformedMetrics = new DiagnosticDescriptor(
            MalformedMetricsId, DigestRules.MalformedMetrics.Title, DigestRules.MalformedMetrics.MessageFormat, "DigestKit.Metrics", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MalformedMetrics.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4001: abs link is missing.</summary>
        public static readonly DiagnosticDescriptor AbsLinkMissing = new DiagnosticDescriptor(
            AbsLinkMissingId, DigestRules.AbsLinkMissing.Title, DigestRules.AbsLinkMissing.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.AbsLinkMissing.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4002: pdf link is missing.</summary>
        public static readonly DiagnosticDescriptor PdfLinkMissing = new DiagnosticDescriptor(
            PdfLinkMissingId, DigestRules.PdfLinkMissing.Title, DigestRules.PdfLinkMissing.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.PdfLinkMissing.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4003: Malformed link URL.</summary>
        public static readonly DiagnosticDescriptor MalformedUrl = new DiagnosticDescriptor(
            MalformedUrlId, DigestRules.MalformedUrl.Title, DigestRules.MalformedUrl.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MalformedUrl.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4004: abs and pdf name different papers.</summary>
        public static readonly DiagnosticDescriptor IdentifierMismatch = new DiagnosticDescriptor(
            IdentifierMismatchId, DigestRules.IdentifierMismatch.Title, DigestRules.IdentifierMismatch.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.IdentifierMismatch.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4005: Invalid arXiv identifier.</summary>
        public static readonly DiagnosticDescriptor InvalidArxivId = new DiagnosticDescriptor(
            InvalidArxivIdId, DigestRules.InvalidArxivId.Title, DigestRules.InvalidArxivId.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.InvalidArxivId.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4006: arXiv identifier is newer than the digest.</summary>
        public static readonly DiagnosticDescriptor IdentifierFromFuture = new DiagnosticDescriptor(
            IdentifierFromFutureId, DigestRules.IdentifierFromFuture.Title, DigestRules.IdentifierFromFuture.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.IdentifierFromFuture.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4007: Category label differs from its link.</summary>
        public static readonly DiagnosticDescriptor CategoryLabelMismatch = new DiagnosticDescriptor(
            CategoryLabelMismatchId, DigestRules.CategoryLabelMismatch.Title, DigestRules.CategoryLabelMismatch.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.CategoryLabelMismatch.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4008: Unknown arXiv category.</summary>
        public static readonly DiagnosticDescriptor UnknownCategory = new DiagnosticDescriptor(
            UnknownCategoryId, DigestRules.UnknownCategory.Title, DigestRules.UnknownCategory.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.UnknownCategory.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4009: Tweet link is not a status URL.</summary>
        public static readonly DiagnosticDescriptor TweetLinkNotStatus = new DiagnosticDescriptor(
            TweetLinkNotStatusId, DigestRules.TweetLinkNotStatus.Title, DigestRules.TweetLinkNotStatus.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.TweetLinkNotStatus.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4010: Tweet handle differs from its link.</summary>
        public static readonly DiagnosticDescriptor TweetHandleMismatch = new DiagnosticDescriptor(
            TweetHandleMismatchId, DigestRules.TweetHandleMismatch.Title, DigestRules.TweetHandleMismatch.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.TweetHandleMismatch.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4011: Tweet date disagrees with its status ID.</summary>
        public static readonly DiagnosticDescriptor TweetDateMismatch = new DiagnosticDescriptor(
            TweetDateMismatchId, DigestRules.TweetDateMismatch.Title, DigestRules.TweetDateMismatch.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.TweetDateMismatch.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4012: Malformed embedded tweet.</summary>
        public static readonly DiagnosticDescriptor MalformedTweet = new DiagnosticDescriptor(
            MalformedTweetId, DigestRules.MalformedTweet.Title, DigestRules.MalformedTweet.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MalformedTweet.HelpLink, customTags: new[] { Engine });

        /// <summary>DK4013: Malformed links line.</summary>
        public static readonly DiagnosticDescriptor MalformedLinksLine = new DiagnosticDescriptor(
            MalformedLinksLineId, DigestRules.MalformedLinksLine.Title, DigestRules.MalformedLinksLine.MessageFormat, "DigestKit.Links", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MalformedLinksLine.HelpLink, customTags: new[] { Engine });

        /// <summary>DK5001: Mis-encoded author name.</summary>
        public static readonly DiagnosticDescriptor MojibakeInAuthor = new DiagnosticDescriptor(
            MojibakeInAuthorId, DigestRules.MojibakeInAuthor.Title, DigestRules.MojibakeInAuthor.MessageFormat, "DigestKit.Encoding", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MojibakeInAuthor.HelpLink, customTags: new[] { Engine });

        /// <summary>DK5002: Mis-encoded text.</summary>
        public static readonly DiagnosticDescriptor MojibakeInText = new DiagnosticDescriptor(
            MojibakeInTextId, DigestRules.MojibakeInText.Title, DigestRules.MojibakeInText.MessageFormat, "DigestKit.Encoding", DiagnosticSeverity.Info,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.MojibakeInText.HelpLink, customTags: new[] { Engine });

        /// <summary>DK5003: Replacement character.</summary>
        public static readonly DiagnosticDescriptor ReplacementCharacter = new DiagnosticDescriptor(
            ReplacementCharacterId, DigestRules.ReplacementCharacter.Title, DigestRules.ReplacementCharacter.MessageFormat, "DigestKit.Encoding", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.ReplacementCharacter.HelpLink, customTags: new[] { Engine });

        /// <summary>DK5004: Invisible direction override.</summary>
        public static readonly DiagnosticDescriptor BidiControl = new DiagnosticDescriptor(
            BidiControlId, DigestRules.BidiControl.Title, DigestRules.BidiControl.MessageFormat, "DigestKit.Encoding", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.BidiControl.HelpLink, customTags: new[] { Engine });

        /// <summary>DK5005: Control character.</summary>
        public static readonly DiagnosticDescriptor ControlCharacter = new DiagnosticDescriptor(
            ControlCharacterId, DigestRules.ControlCharacter.Title, DigestRules.ControlCharacter.MessageFormat, "DigestKit.Encoding", DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.ControlCharacter.HelpLink, customTags: new[] { Engine });

        /// <summary>DK6001: Duplicate slug.</summary>
        public static readonly DiagnosticDescriptor DuplicateSlug = new DiagnosticDescriptor(
            DuplicateSlugId, DigestRules.DuplicateSlug.Title, DigestRules.DuplicateSlug.MessageFormat, "DigestKit.CrossFile", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.DuplicateSlug.HelpLink, customTags: new[] { Engine, WellKnownDiagnosticTags.CompilationEnd });

        /// <summary>DK6002: Same paper with different metadata.</summary>
        public static readonly DiagnosticDescriptor InconsistentPaper = new DiagnosticDescriptor(
            InconsistentPaperId, DigestRules.InconsistentPaper.Title, DigestRules.InconsistentPaper.MessageFormat, "DigestKit.CrossFile", DiagnosticSeverity.Info,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.InconsistentPaper.HelpLink, customTags: new[] { Engine, WellKnownDiagnosticTags.CompilationEnd });

        /// <summary>The C# lookups by name (DigestUsageAnalyzer): unknown slug.</summary>
        public static readonly DiagnosticDescriptor UnknownSlug = Usage(DigestRules.UnknownSlug);

        /// <summary>Unknown arXiv paper.</summary>
        public static readonly DiagnosticDescriptor UnknownPaper = Usage(DigestRules.UnknownPaper);

        /// <summary>Unknown author.</summary>
        public static readonly DiagnosticDescriptor UnknownAuthor = Usage(DigestRules.UnknownAuthor);

        /// <summary>Unknown category.</summary>
        public static readonly DiagnosticDescriptor UnknownCategoryName = Usage(DigestRules.UnknownCategoryName);

        /// <summary>DK9001: DigestKit could not check this file.</summary>
        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            InternalErrorId, DigestRules.InternalError.Title, DigestRules.InternalError.MessageFormat, "DigestKit.Engine", DiagnosticSeverity.Error,
            isEnabledByDefault: true, description: null, helpLinkUri: DigestRules.InternalError.HelpLink, customTags: new[] { Engine });

        /// <summary>Every descriptor, in the order of <see cref="DigestRules.All"/>.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            FrontMatterMissing, FrontMatterUnclosed, YamlSyntax, RequiredKeyMissing, UnknownKey, WrongType,
            UnreadableDate, SlugMismatch, TitleDescriptionMismatch, TitleDateAfterPostDate, DuplicateKey, YamlTooComplex,
            MalformedHeading, EmptyTitle, NumberingGap, DuplicateNumber, MissingAuthors, MissingMetrics,
            MissingLinks, MissingCategories, UnexpectedContent, EmptyAuthor, BodyUnreadable, InvalidCount,
            UnreadableTimestamp, ImpossibleTimestamp, TimestampBeforePost, ScoreOrder, MalformedMetrics, AbsLinkMissing,
            PdfLinkMissing, MalformedUrl, IdentifierMismatch, InvalidArxivId, IdentifierFromFuture, CategoryLabelMismatch,
            UnknownCategory, TweetLinkNotStatus, TweetHandleMismatch, TweetDateMismatch, MalformedTweet, MalformedLinksLine,
            MojibakeInAuthor, MojibakeInText, ReplacementCharacter, BidiControl, ControlCharacter, DuplicateSlug,
            InconsistentPaper, UnknownSlug, UnknownPaper, UnknownAuthor, UnknownCategoryName, InternalError);

        /// <summary>
        /// A descriptor of the DK7xxx rules, every field taken from the catalogue (the ID too: it is written in
        /// DigestRules.cs alone; CatalogueTests hold it equal to AnalyzerReleases.Unshipped.md, which release tracking
        /// cannot check for a non-constant ID).
        /// </summary>
        private static DiagnosticDescriptor Usage(DigestRule rule) => new DiagnosticDescriptor(
            rule.Id, rule.Title, rule.MessageFormat, rule.Category, DiagnosticSeverity.Warning,
            isEnabledByDefault: true, description: null, helpLinkUri: rule.HelpLink, customTags: new[] { Engine });

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

        /// <summary>The descriptor of an engine diagnostic's ID, or null for an ID the analyzer does not know.</summary>
        public static DiagnosticDescriptor? Find(string id) => id != null && ById.TryGetValue(id, out var d) ? d : null;

        private static Dictionary<string, DiagnosticDescriptor> Index()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
            foreach (var descriptor in All)
            {
                map[descriptor.Id] = descriptor;
            }

            return map;
        }
    }
}
