using System;
using System.Collections.Generic;
using System.Threading;
using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// The names a program can look up in the digests a compilation embeds: slugs (with each one's generated
    /// property), arXiv IDs, authors and categories, keyed as the runtime's lookups key them (ordinal slugs,
    /// <see cref="IndexKeys"/> for the rest). Read from the same AdditionalFiles, verdicts and naming as the
    /// generator, through the verdicts <see cref="AnalysisCache"/> keeps, so it usually runs no engine at all.
    /// </summary>
    internal sealed class ContentNames
    {
        private readonly Dictionary<string, string?> _slugs = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _papers = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _authors = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _categories = new Dictionary<string, string>(StringComparer.Ordinal);

        public int DigestCount { get; private set; }

        public static ContentNames Read(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var names = new ContentNames();
            var provider = options.AnalyzerConfigOptionsProvider;
            provider.GlobalOptions.TryGetValue(DigestGenerator.ProjectDirectoryProperty, out var projectDirectory);
            var entries = new List<CatalogEntry>();
            var files = new List<Microsoft.CodeAnalysis.AdditionalText>(options.AdditionalFiles);
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!DigestFiles.IsDigest(file, provider) || file.GetText(cancellationToken) is not { } text)
                {
                    continue;
                }

                var checksum = AnalysisCache.Checksum(text);
                DigestAnalysis analysis;
                try
                {
                    var timeout = AnalysisTimeLimit.Read(provider.GetOptions(file).TryGetValue, provider.GlobalOptions.TryGetValue);
                    analysis = AnalysisCache.Shared.FindOrAnalyze(file.Path, checksum, text.ToString(), timeout, cancellationToken: cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    continue; // The digest analyzer reports DK9001 for it; it embeds nothing.
                }

                var entry = DigestSpecBuilder.EntryOf(analysis, DigestSpecBuilder.RelativePath(file.Path, projectDirectory?.Trim()));
                if (entry is null)
                {
                    continue;
                }

                entries.Add(entry);
                foreach (var paper in analysis.Document.Papers)
                {
                    if (paper.ArxivId?.ToString() is { } id)
                    {
                        Add(names._papers, IndexKeys.ArxivId(id), id);
                    }

                    foreach (var author in paper.Authors)
                    {
                        Add(names._authors, IndexKeys.Author(author.Value), author.Value.Trim());
                    }

                    foreach (var category in paper.Categories)
                    {
                        Add(names._categories, IndexKeys.Category(category.Label.Value), category.Label.Value.Trim());
                    }
                }
            }

            // Each slug's property, named exactly as the generator names it; the first digest of a slug is the one Find returns.
            var ordered = DigestEmitter.Order(entries);
            var properties = DigestEmitter.Names(new CatalogSpec(new EmitOptions(string.Empty, true, true), new EquatableArray<CatalogEntry>(ordered.ToArray())));
            foreach (var entry in ordered)
            {
                if (!names._slugs.ContainsKey(entry.Slug))
                {
                    names._slugs.Add(entry.Slug, properties.Find(entry.Key)?.Name);
                }
            }

            names.DigestCount = ordered.Count;
            return names;
        }

        public bool HasSlug(string slug) => _slugs.ContainsKey(slug);

        public bool HasPaper(string arxivId) => _papers.ContainsKey(IndexKeys.ArxivId(arxivId));

        public bool HasAuthor(string name) => _authors.ContainsKey(IndexKeys.Author(name));

        public bool HasCategory(string category) => _categories.ContainsKey(IndexKeys.Category(category));

        /// <summary>The generated property of the digest with <paramref name="slug"/>, if any.</summary>
        public string? PropertyOf(string slug) => _slugs.TryGetValue(slug, out var property) ? property : null;

        public string? NearestSlug(string slug) => Nearest(_slugs.Keys, slug);

        public string? NearestPaper(string arxivId) => Spelling(_papers, Nearest(_papers.Keys, IndexKeys.ArxivId(arxivId)));

        public string? NearestAuthor(string name) => Spelling(_authors, Nearest(_authors.Keys, IndexKeys.Author(name)));

        public string? NearestCategory(string category) => Spelling(_categories, Nearest(_categories.Keys, IndexKeys.Category(category)));

        /// <summary>The candidate nearest to <paramref name="value"/> by edit distance (ties: ordinal order), or null when there is none.</summary>
        public static string? Nearest(IEnumerable<string> candidates, string value)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            var row = new int[value.Length + 1];
            foreach (var candidate in candidates)
            {
                // Cannot beat the best: the length difference alone is a lower bound.
                if (Math.Abs(candidate.Length - value.Length) > bestDistance)
                {
                    continue;
                }

                var distance = Distance(candidate, value, row);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>Levenshtein distance (insert, delete, substitute; ordinal characters), in one row.</summary>
        private static int Distance(string a, string b, int[] row)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                row[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                var diagonal = row[0];
                row[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }

            return row[b.Length];
        }

        private static string? Spelling(Dictionary<string, string> map, string? key) => key is null ? null : map[key];

        private static void Add(Dictionary<string, string> map, string key, string spelling)
        {
            if (key.Length != 0 && !map.ContainsKey(key))
            {
                map.Add(key, spelling);
            }
        }
    }
}
