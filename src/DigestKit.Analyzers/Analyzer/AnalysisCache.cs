using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using DigestKit.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// The engine's verdict on each digest file, kept across compilations in one process: the compiler server (a
    /// developer's builds) and the IDE keep the analyzer assembly loaded, but analyzers are not incremental and a
    /// command-line build starts a new generator driver, so without it every compilation ran the engine twice on
    /// every digest (generator 3.4 s and analyzer 1.7 s for 3,000 digests after a one-file edit, ReportAnalyzer).
    /// The generator (in resource mode, where it needs only the verdict and the front matter) and the analyzer
    /// share it, so one compilation runs the engine once per changed file. An entry is
    /// used only for the same path with the same text (the text's checksum and length), so an edited file is always
    /// checked again. Bounded: one entry per path, and all are dropped when there are more than
    /// <see cref="Capacity"/> paths. An entry holds the diagnostics and only what the cross-file rules and the usage analyzer read
    /// of the document (front matter, and each paper's identifier, title, authors and categories), a few KB a digest. Results of a run
    /// that failed or timed out are never kept.
    /// </summary>
    internal sealed class AnalysisCache
    {
        public const int Capacity = 20_000;

        public static readonly AnalysisCache Shared = new AnalysisCache();

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        public int Count => _entries.Count;

        /// <summary>The identity of a text for this cache: its checksum (as the compiler computed it) and length.</summary>
        public static string Checksum(SourceText text) =>
            Convert.ToBase64String(text.GetChecksum().ToArray()) + ":" + text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The kept analysis of <paramref name="path"/> if its text has <paramref name="checksum"/>.</summary>
        public DigestAnalysis? Find(string path, string checksum) =>
            checksum.Length != 0 && _entries.TryGetValue(path, out var entry) && string.Equals(entry.Checksum, checksum, StringComparison.Ordinal)
                ? entry.Analysis
                : null;

        /// <summary>
        /// The kept analysis of <paramref name="path"/>, else the engine's run over <paramref name="text"/> within
        /// <paramref name="timeout"/> (null: the default), kept when it finished; a run past the bound yields the
        /// engine's DK9001 stand-in, never kept, so the next compilation tries again.
        /// </summary>
        public DigestAnalysis FindOrAnalyze(string path, string checksum, string text, TimeSpan? timeout = null,
            Func<string, string, DigestAnalysis>? analyze = null, System.Threading.CancellationToken cancellationToken = default)
        {
            if (Find(path, checksum) is { } kept)
            {
                return kept;
            }

            var bound = timeout ?? AnalysisTimeLimit.Default;
            return AnalysisTimeLimit.TryAnalyze(path, text, bound, analyze, cancellationToken) is { } analysis
                ? Add(path, checksum, analysis)
                : AnalysisTimeLimit.TimedOutAnalysis(path, text, bound);
        }

        /// <summary>Keeps <paramref name="analysis"/> of the text with <paramref name="checksum"/>; returns the form it is kept in.</summary>
        public DigestAnalysis Add(string path, string checksum, DigestAnalysis analysis)
        {
            var kept = new DigestAnalysis(ForCrossFileRules(analysis.Document), analysis.Diagnostics);
            if (checksum.Length == 0)
            {
                return kept;
            }

            if (_entries.Count >= Capacity && !_entries.ContainsKey(path))
            {
                _entries.Clear();
            }

            _entries[path] = new Entry(checksum, kept);
            return kept;
        }

        /// <summary>
        /// The document with what <see cref="Engine.Rules.CrossFileRules"/> and <see cref="DigestUsageAnalyzer"/> read
        /// and nothing else: the abstracts, tweets, metrics and links, most of a digest's text, are dropped.
        /// </summary>
        public static DigestDocument ForCrossFileRules(DigestDocument document)
        {
            var papers = new Paper[document.Papers.Count];
            for (var i = 0; i < papers.Length; i++)
            {
                papers[i] = document.Papers[i] with
                {
                    Metrics = null,
                    Links = null,
                    Abstract = null,
                    Tweets = EquatableArray<EmbeddedTweet>.Empty,
                };
            }

            return document with { Papers = new EquatableArray<Paper>(papers) };
        }

        private sealed class Entry
        {
            public Entry(string checksum, DigestAnalysis analysis)
            {
                Checksum = checksum;
                Analysis = analysis;
            }

            public string Checksum { get; }

            public DigestAnalysis Analysis { get; }
        }
    }
}
