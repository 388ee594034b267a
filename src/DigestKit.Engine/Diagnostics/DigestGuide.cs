namespace DigestKit.Engine
{
    /// <summary>
    /// The parts of the writer's guide, docs/format.md, that rules check: each is the anchor of a heading there
    /// (GitHub's: lower case, spaces as hyphens, punctuation dropped). A rule names its part in
    /// <see cref="DigestRule.GuideSection"/>; its docs page links there, and CatalogueTests check that the heading exists.
    /// </summary>
    public static class DigestGuide
    {
        /// <summary>The guide's path in the repository.</summary>
        public const string Path = "docs/format.md";

        public const string TextAndEncoding = "text-and-encoding";
        public const string FrontMatter = "front-matter";
        public const string TitleSlugAndDescription = "title-slug-and-description";
        public const string Date = "date";
        public const string Papers = "papers";
        public const string PaperHeading = "paper-heading";
        public const string AuthorsLine = "authors-line";
        public const string MetricsLine = "metrics-line";
        public const string LinksLine = "links-line";
        public const string CategoriesLine = "categories-line";
        public const string Tweets = "tweets";
        public const string AcrossDigests = "across-digests";
        public const string Limits = "limits";
    }
}
