using System;
using System.Collections.Generic;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// The parse half of the generator: the engine's verdict on one file, mapped to the generation model. The
    /// engine does all the reading (the same parser and rules as the analyzer and the CLI); this keeps the values
    /// and drops the spans. A file with a diagnostic that blocks embedding (<see cref="DigestRule.BlocksEmbedding"/>)
    /// embeds nothing, and the analyzer reports why; any other field in error is embedded empty or at its default.
    /// </summary>
    public static class DigestSpecBuilder
    {
        /// <summary>
        /// The engine's verdict on one file, bounded by <paramref name="timeout"/> (null: the default of
        /// <see cref="AnalysisTimeLimit"/>): a file past it embeds nothing, as the analyzer's DK9001 says.
        /// </summary>
        public static DigestModel Build(string path, string text, string? projectDirectory, TimeSpan? timeout = null,
            Func<string, string, DigestAnalysis>? analyze = null, System.Threading.CancellationToken cancellationToken = default)
        {
            return FromAnalysis(path, AnalysisTimeLimit.Analyze(path, text, timeout ?? AnalysisTimeLimit.Default, analyze, cancellationToken), projectDirectory);
        }

        /// <summary>The model of a digest the engine has analyzed: its spec when it embeds, else none.</summary>
        public static DigestModel FromAnalysis(string path, DigestAnalysis analysis, string? projectDirectory)
        {
            var sourcePath = RelativePath(path, projectDirectory);
            return Embeds(analysis)
                ? new DigestModel(sourcePath, FromDocument(analysis.Document, sourcePath), FullPath: path)
                : new DigestModel(sourcePath, null, NotEmbeddedEntry(analysis, sourcePath), path);
        }

        /// <summary>
        /// The entry of a digest that is not embedded: its key, its slug when the front matter gave one (its property's
        /// name), and why it is not embedded, which its property throws. It is in neither <c>All</c> nor <c>Find</c>.
        /// </summary>
        public static CatalogEntry NotEmbeddedEntry(DigestAnalysis analysis, string sourcePath)
        {
            var blocking = analysis.Blocking;
            var reason = blocking is null ? DigestRules.FrontMatterMissing.Id + ": " + DigestRules.FrontMatterMissing.FormatMessage() : blocking.Id + ": " + blocking.Message;
            return NotEmbeddedEntry(sourcePath, analysis.Document.FrontMatter?.Slug?.Value ?? string.Empty, reason, analysis.Document.Path)
                with { NamingSlug = RecoveredSlug(analysis.Document.FrontMatter) };
        }

        /// <summary>The slug recovered from YAML that does not parse, which names the property only; else empty.</summary>
        private static string RecoveredSlug(FrontMatter? fm) => fm?.RecoveredSlug ?? string.Empty;

        /// <summary>The entry of a digest that is not embedded, from the reason alone (e.g. a file the compiler could not read).</summary>
        public static CatalogEntry NotEmbeddedEntry(string sourcePath, string slug, string reason, string fullPath) =>
            new CatalogEntry(DigestResources.Key(sourcePath), slug, null, sourcePath, FullPath: fullPath,
                NotEmbedded: sourcePath + " is not embedded (" + reason + "); fix the digest and build again");

        /// <summary>
        /// Whether a digest embeds at all: the engine's <see cref="DigestAnalysis.Embeds"/>, independent of severities,
        /// so the generator (both modes), the build task and the analyzer's DK9005 always agree.
        /// </summary>
        public static bool Embeds(DigestAnalysis analysis) => analysis.Embeds;

        /// <summary>
        /// Resource mode: only the catalog entry of a digest, from an analysis whose document may keep only its front
        /// matter (<c>AnalysisCache</c>); null when the digest embeds nothing.
        /// </summary>
        public static CatalogEntry? EntryOf(DigestAnalysis analysis, string sourcePath)
        {
            if (!Embeds(analysis))
            {
                return null;
            }

            return EmbeddedEntry(analysis, sourcePath);
        }

        /// <summary>Resource mode's entry for the generator: the catalog entry, or the not-embedded one.</summary>
        public static CatalogEntry AnyEntryOf(DigestAnalysis analysis, string sourcePath) =>
            Embeds(analysis) ? EmbeddedEntry(analysis, sourcePath) : NotEmbeddedEntry(analysis, sourcePath);

        private static CatalogEntry EmbeddedEntry(DigestAnalysis analysis, string sourcePath)
        {
            var fm = analysis.Document.FrontMatter!;
            return new CatalogEntry(DigestResources.Key(sourcePath), fm.Slug?.Value ?? string.Empty, fm.Date?.Value, sourcePath, FullPath: analysis.Document.Path, NamingSlug: RecoveredSlug(fm));
        }

        public static DigestSpec FromDocument(DigestDocument document, string sourcePath)
        {
            var fm = document.FrontMatter;
            var tags = new List<string>();
            if (fm?.Tags is { } t)
            {
                foreach (var tag in t.Value)
                {
                    tags.Add(tag.Value);
                }
            }

            var papers = new List<PaperSpec>(document.Papers.Count);
            for (var i = 0; i < document.Papers.Count; i++)
            {
                papers.Add(FromPaper(document.Papers[i], i + 1));
            }

            return new DigestSpec
            {
                Key = DigestResources.Key(sourcePath),
                SourcePath = sourcePath,
                Title = fm?.Title?.Value ?? string.Empty,
                Date = fm?.Date?.Value,
                Template = fm?.Template?.Value ?? string.Empty,
                Draft = fm?.Draft?.Value ?? false,
                Slug = fm?.Slug?.Value ?? string.Empty,
                NamingSlug = RecoveredSlug(fm),
                Category = fm?.Category?.Value ?? string.Empty,
                Tags = tags.ToEquatableArray(),
                Description = fm?.Description?.Value ?? string.Empty,
                SocialImage = fm?.SocialImage?.Value ?? string.Empty,
                Papers = papers.ToEquatableArray(),
            };
        }

        private static PaperSpec FromPaper(Paper paper, int position)
        {
            var authors = new List<string>(paper.Authors.Count);
            foreach (var author in paper.Authors)
            {
                authors.Add(author.Value);
            }

            var categories = new List<string>(paper.Categories.Count);
            foreach (var category in paper.Categories)
            {
                categories.Add(category.Label.Value);
            }

            var tweets = new List<TweetSpec>(paper.Tweets.Count);
            foreach (var tweet in paper.Tweets)
            {
                tweets.Add(new TweetSpec
                {
                    AuthorName = tweet.AuthorName?.Value ?? string.Empty,
                    Handle = tweet.Handle?.Value ?? string.Empty,
                    StatusId = tweet.StatusId,
                    Url = tweet.StatusUrl?.Value ?? string.Empty,
                    Date = tweet.Date,
                    Text = tweet.Text,
                    Html = tweet.Html,
                    Language = tweet.Language,
                });
            }

            return new PaperSpec
            {
                Rank = paper.Rank?.Value ?? position,
                Title = paper.Title.Value,
                Authors = authors.ToEquatableArray(),
                Retweets = paper.Metrics?.Retweets?.Value ?? 0,
                Favorites = paper.Metrics?.Favorites?.Value ?? 0,
                MeasuredAt = paper.Metrics?.MeasuredAt,
                ArxivId = paper.ArxivId?.ToString(),
                AbsUrl = paper.Links?.Abs?.Url.Value ?? string.Empty,
                PdfUrl = paper.Links?.Pdf?.Url.Value ?? string.Empty,
                Categories = categories.ToEquatableArray(),
                Abstract = paper.Abstract?.Value ?? string.Empty,
                Tweets = tweets.ToEquatableArray(),
            };
        }

        /// <summary>
        /// The path as a program should see it: relative to the project directory with '/' separators (with
        /// <c>../</c> steps when the file lies beside the project, as the in-repo app's content does), so builds in
        /// different folders and on different machines embed the same data. A file on another root keeps its full path.
        /// </summary>
        public static string RelativePath(string path, string? projectDirectory)
        {
            var normalized = (path ?? string.Empty).Replace('\\', '/');
            if (string.IsNullOrEmpty(projectDirectory))
            {
                return normalized;
            }

            var fileParts = normalized.Split('/');
            var rootParts = projectDirectory!.Replace('\\', '/').TrimEnd('/').Split('/');
            var common = 0;
            while (common < rootParts.Length && common < fileParts.Length - 1
                && string.Equals(rootParts[common], fileParts[common], StringComparison.OrdinalIgnoreCase))
            {
                common++;
            }

            // Nothing shared but the root ("" on Unix, "C:" on Windows): a relative path would be meaningless.
            if (common <= 1)
            {
                return normalized;
            }

            var builder = new System.Text.StringBuilder();
            for (var i = common; i < rootParts.Length; i++)
            {
                builder.Append("../");
            }

            builder.Append(string.Join("/", fileParts, common, fileParts.Length - common));
            return builder.ToString();
        }
    }
}
