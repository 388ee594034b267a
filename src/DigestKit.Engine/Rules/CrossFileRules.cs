using System;
using System.Collections.Generic;

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
            var entries = new List<CrossFileEntry>(documents?.Count ?? 0);
            if (documents != null)
            {
                foreach (var document in documents)
                {
                    if (document != null)
                    {
                        entries.Add(CrossFileEntry.From(document));
                    }
                }
            }

            return CheckEntries(entries);
        }

        /// <summary>The same rules over the compact index a host kept of each file (<see cref="CrossFileEntry.From"/>).</summary>
        public static IEnumerable<DigestDiagnostic> CheckEntries(IReadOnlyList<CrossFileEntry> entries)
        {
            var diagnostics = new List<DigestDiagnostic>();
            if (entries is null || entries.Count == 0)
            {
                return diagnostics;
            }

            var ordered = new List<CrossFileEntry>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry != null)
                {
                    ordered.Add(entry);
                }
            }

            ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            CheckSlugs(ordered, diagnostics);
            CheckPapers(ordered, diagnostics);
            return diagnostics;
        }

        private static void CheckSlugs(List<CrossFileEntry> entries, List<DigestDiagnostic> diagnostics)
        {
            var firstBySlug = new Dictionary<string, (string Path, SourceSpan Span)>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (entry.Slug is not { } slug)
                {
                    continue;
                }

                if (firstBySlug.TryGetValue(slug.Value, out var first))
                {
                    diagnostics.Add(DigestRules.DuplicateSlug.Create(entry.Path, slug.Span, slug.Value, first.Path) with
                    {
                        Related = new DigestRelatedLocation(first.Path, first.Span, $"slug '{slug.Value}' first used here"),
                    });
                }
                else
                {
                    firstBySlug.Add(slug.Value, (entry.Path, slug.Span));
                }
            }
        }

        private static void CheckPapers(List<CrossFileEntry> entries, List<DigestDiagnostic> diagnostics)
        {
            // Only the first occurrence of each identifier is kept; the entries carry the keys of every title and
            // author list (computed where each file was analyzed), so a later listing costs one lookup.
            var first = new Dictionary<string, (string Path, CrossFilePaper Paper)>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                foreach (var paper in entry.Papers)
                {
                    if (!first.TryGetValue(paper.Id, out var seen))
                    {
                        first.Add(paper.Id, (entry.Path, paper));
                        continue;
                    }

                    if (string.Equals(seen.Path, entry.Path, StringComparison.Ordinal))
                    {
                        continue; // A paper listed twice in one digest is not a disagreement between digests.
                    }

                    if (seen.Paper.TitleKey != paper.TitleKey)
                    {
                        diagnostics.Add(DigestRules.InconsistentPaper.Create(entry.Path, paper.TitleSpan, paper.Id, "title", seen.Path) with
                        {
                            Related = new DigestRelatedLocation(seen.Path, seen.Paper.TitleSpan, $"arXiv paper '{paper.Id}' first listed here"),
                        });
                    }

                    if (paper.AuthorLineSpan is { } authorLine && seen.Paper.AuthorKey != paper.AuthorKey)
                    {
                        diagnostics.Add(DigestRules.InconsistentPaper.Create(entry.Path, authorLine, paper.Id, "author list", seen.Path) with
                        {
                            Related = new DigestRelatedLocation(seen.Path, seen.Paper.AuthorLineSpan ?? seen.Paper.TitleSpan, $"arXiv paper '{paper.Id}' first listed here"),
                        });
                    }
                }
            }
        }
    }
}
