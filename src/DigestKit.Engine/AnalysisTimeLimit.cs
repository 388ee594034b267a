using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DigestKit.Engine
{
    /// <summary>
    /// The bound on one engine run over one file, for every host (the analyzer, the generator, the build task,
    /// <c>digestkit check</c>/<c>fix</c> and the language server): a pathological file costs one DK9001 instead of a
    /// hung build or editor. Its option, <c>digestkit.analysis_timeout_seconds</c>, is read from the file's
    /// .editorconfig sections, else from the global options (.globalconfig); 60 s by default; 0 or less: no bound.
    /// </summary>
    public static class AnalysisTimeLimit
    {
        /// <summary>The configuration key: seconds, invariant culture, fractions allowed.</summary>
        public const string OptionKey = "digestkit.analysis_timeout_seconds";

        public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The bound configured by <paramref name="value"/>: <see cref="Default"/> when it is missing or unreadable,
        /// <see cref="Timeout.InfiniteTimeSpan"/> (no bound) for 0 or less.
        /// </summary>
        public static TimeSpan Parse(string? value)
        {
            if (value is null || !double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds))
            {
                return Default;
            }

            return seconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue / 1000.0));
        }

        /// <summary>The bound for one file: its own options first, then the global ones (either may be null).</summary>
        public static TimeSpan Read(SeverityPolicy.TryGetValue? fileOptions, SeverityPolicy.TryGetValue? globalOptions)
        {
            string? value = null;
            if ((fileOptions != null && fileOptions(OptionKey, out value)) || (globalOptions != null && globalOptions(OptionKey, out value)))
            {
                return Parse(value);
            }

            return Default;
        }

        /// <summary>
        /// The engine's analysis of <paramref name="text"/> (<see cref="DigestEngine.Analyze"/>, or
        /// <paramref name="analyze"/>), or null when it did not finish within <paramref name="timeout"/>.
        /// </summary>
        public static DigestAnalysis? TryAnalyze(string path, string text, TimeSpan timeout, Func<string, string, DigestAnalysis>? analyze = null, CancellationToken cancellationToken = default)
        {
            analyze ??= DigestEngine.Analyze;
            if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
            {
                return analyze(path, text);
            }

            // A finite wait never runs the task inline on this thread, so the bound holds; the price is a second
            // thread-pool thread while a file is analyzed.
            var task = Task.Run(() => analyze(path, text), cancellationToken);
            if (!task.Wait((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds), cancellationToken))
            {
                // The engine cannot be interrupted: the abandoned run finishes (or not) on the thread pool, and its
                // exception, if any, is observed there so it never surfaces as an unobserved task exception.
                task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return null;
            }

            return task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// The engine's analysis of <paramref name="text"/>, or, when it did not finish within
        /// <paramref name="timeout"/>, <see cref="TimedOutAnalysis"/>.
        /// </summary>
        public static DigestAnalysis Analyze(string path, string text, TimeSpan timeout, Func<string, string, DigestAnalysis>? analyze = null, CancellationToken cancellationToken = default) =>
            TryAnalyze(path ?? string.Empty, text ?? string.Empty, timeout, analyze, cancellationToken) ?? TimedOutAnalysis(path, text, timeout);

        /// <summary>What a run past its bound yields: only <see cref="TimedOut"/>, and no front matter, so nothing embeds.</summary>
        public static DigestAnalysis TimedOutAnalysis(string? path, string? text, TimeSpan timeout) =>
            new DigestAnalysis(
                new DigestDocument(path ?? string.Empty, null, EquatableArray<Paper>.Empty, text?.Length ?? 0),
                new EquatableArray<DigestDiagnostic>(new[] { TimedOut(path ?? string.Empty, timeout) }));

        /// <summary>The DK9001 argument for a run past <paramref name="timeout"/>, e.g. "it took longer than 60 s (digestkit.analysis_timeout_seconds)".</summary>
        public static string TimedOutMessage(TimeSpan timeout) =>
            "it took longer than " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s (" + OptionKey + ")";

        /// <summary>DK9001 at the start of the file for a run past <paramref name="timeout"/>.</summary>
        public static DigestDiagnostic TimedOut(string path, TimeSpan timeout) =>
            DigestRules.InternalError.Create(path ?? string.Empty, SourceSpan.FileStart, TimedOutMessage(timeout));
    }
}
