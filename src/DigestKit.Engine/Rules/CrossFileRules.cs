using System;
using System.Collections.Generic;
using System.Text;

using DigestKit.Engine.Text;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// Rules across several digests: DK6001 duplicate slugs, DK6002 the same arXiv paper with a different title or
    /// author list. Documents are taken in path order whatever order they arrive in (the analyzer collects them
    /// concurrently), so "the first file" is always the same one.
    /// </summary>
    public static class CrossFileRules
    {
        public static DigestRuleOwner Owner { get; } = new DigestRuleOwner("cross-file", DigestRuleOwnerKind.CrossFileRule, new[]
        {
            DigestRules.DuplicateSlug, DigestRules.InconsistentPaper,
        });

        public static IEnumerable<DigestDiagnostic> Check(IReadOnlyList<DigestDocument> documents)
        {
            var diagnostics = new List<DigestDiagnostic>();
            if (documents is null || documents.Count == 0)
            {
                return diagnostics;
            }

            var ordered = new List<DigestDocument>(documents.Count);
            foreach (var document in documents)
            {
                if (document != null)
                {
                    ordered.Add(document);
                }
            }

            ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            CheckSlugs(ordered, diagnostics);
            CheckPapers(ordered, diagnostics);
            return diagnostics;
        }

        private static void CheckSlugs(List<DigestDocument> documents, List<DigestDiagnostic> diagnostics)
        {
            var firstBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                if (document.FrontMatter?.Slug is not { } slug || string.IsNullOrEmpty(slug.Value))
                {
                    continue;
                }

                if (firstBySlug.TryGetValue(slug.Value, out var firstPath))
                {
                    diagnostics.Add(DigestRules.DuplicateSlug.Create(document.Path, slug.Span, slug.Value, firstPath));
                }
                else
                {
                    firstBySlug.Add(slug.Value, document.Path);
                }
            }
        }

        private static void CheckPapers(List<DigestDocument> documents, List<DigestDiagnostic> diagnostics)
        {
            // Only the first occurrence of each identifier is kept; titles and author lists are compared (and
            // normalized) only when a later digest lists the same paper, which keeps the common case a lookup.
            var first = new Dictionary<string, (string Path, Paper Paper)>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                foreach (var paper in document.Papers)
                {
                    if (paper.ArxivId is not { } id || string.IsNullOrEmpty(id.Id))
                    {
                        continue;
                    }

                    if (!first.TryGetValue(id.Id, out var seen))
                    {
                        first.Add(id.Id, (document.Path, paper));
                        continue;
                    }

                    if (string.Equals(seen.Path, document.Path, StringComparison.Ordinal))
                    {
                        continue; // A paper listed twice in one digest is not a disagreement between digests.
                    }

                    if (!string.Equals(TitleKey(seen.Paper), TitleKey(paper), StringComparison.Ordinal))
                    {
                        diagnostics.Add(DigestRules.InconsistentPaper.Create(document.Path, paper.Title.Span, id.Id, "title", seen.Path));
                    }

                    if (paper.AuthorLineSpan is { } authorLine && !string.Equals(AuthorKey(seen.Paper), AuthorKey(paper), StringComparison.Ordinal))
                    {
                        diagnostics.Add(DigestRules.InconsistentPaper.Create(document.Path, authorLine, id.Id, "author list", seen.Path));
                    }
                }
            }
        }

        private static string TitleKey(Paper paper) => WhiteSpace.Collapse(paper.NormalizedTitle ?? paper.Title.Value);

        private static string AuthorKey(Paper paper)
        {
            var builder = new StringBuilder();
            foreach (var author in paper.Authors)
            {
                builder.Append(WhiteSpace.Collapse(author.Value)).Append('\u001F');
            }

            return builder.ToString();
        }
    }
}
