using System;
using System.Collections.Generic;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// The parse half of the generator: the engine's verdict on one file, mapped to the generation model. The
    /// engine does all the reading (the same parser and rules as the analyzer and the CLI); this keeps the values
    /// and drops the spans. A file with an error-level diagnostic, or no front matter, embeds nothing: the
    /// analyzer reports why, and nothing half-read reaches a program.
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
            return new DigestModel(sourcePath, Embeds(analysis) ? FromDocument(analysis.Document, sourcePath) : null, FullPath: path);
        }

        /// <summary>
        /// Whether a digest embeds at all: no error-level diagnostic and a front matter. The one verdict shared by the
        /// generator (both modes) and the build task.
        /// </summary>
        public static bool Embeds(DigestAnalysis analysis) => !analysis.HasErrors && analysis.Document.FrontMatter is not null;

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

            var fm = analysis.Document.FrontMatter!;
            return new CatalogEntry(DigestResources.Key(sourcePath), fm.Slug?.Value ?? string.Empty, fm.Date?.Value, sourcePath, FullPath: analysis.Document.Path);
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

            return new DigestSpec(
                DigestResources.Key(sourcePath),
                sourcePath,
                fm?.Title?.Value ?? string.Empty,
                fm?.Date?.Value,
                fm?.Template?.Value ?? string.Empty,
                fm?.Draft?.Value ?? false,
                fm?.Slug?.Value ?? string.Empty,
                fm?.Category?.Value ?? string.Empty,
                tags.ToEquatableArray(),
                fm?.Description?.Value ?? string.Empty,
                fm?.SocialImage?.Value ?? string.Empty,
                papers.ToEquatableArray());
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
                tweets.Add(new TweetSpec(
                    tweet.AuthorName?.Value ?? string.Empty,
                    tweet.Handle?.Value ?? string.Empty,
                    tweet.StatusId,
                    tweet.StatusUrl?.Value ?? string.Empty,
                    tweet.Date,
                    tweet.Text,
                    tweet.Html,
                    tweet.Language));
            }

            return new PaperSpec(
                paper.Rank?.Value ?? position,
                paper.Title.Value,
                authors.ToEquatableArray(),
                paper.Metrics?.Retweets?.Value ?? 0,
                paper.Metrics?.Favorites?.Value ?? 0,
                paper.Metrics?.MeasuredAt,
                paper.ArxivId?.ToString(),
                paper.Links?.Abs?.Url.Value ?? string.Empty,
                paper.Links?.Pdf?.Url.Value ?? string.Empty,
                categories.ToEquatableArray(),
                paper.Abstract?.Value ?? string.Empty,
                tweets.ToEquatableArray());
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
