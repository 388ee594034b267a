using System.Globalization;
using DigestKit.Cli.Configuration;
using DigestKit.Engine;

namespace DigestKit.Cli.Lsp;

/// <summary>
/// The bound on one engine run, as the analyzer applies it in a build (DigestAnalyzer.TimeoutOptionKey): the
/// .editorconfig key <c>digestkit.analysis_timeout_seconds</c>, 60 s by default, 0 or less for none. A file
/// past the bound gets one DK9001 instead of a server that stops answering.
/// </summary>
internal static class AnalysisTimeout
{
    public const string OptionKey = "digestkit.analysis_timeout_seconds";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

    public static TimeSpan For(EditorConfig editorConfig, string fullPath)
    {
        if (!string.IsNullOrEmpty(fullPath)
            && editorConfig.PropertiesFor(fullPath).TryGetValue(OptionKey, out var value)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue / 1000.0));
        }

        return Default;
    }

    public static DigestAnalysis Run(string path, string text, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return DigestEngine.Analyze(path, text);
        }

        // A finite wait never runs the task inline, so the bound holds; the engine cannot be interrupted, so an
        // abandoned run finishes on the thread pool and its fault, if any, is observed there.
        var task = Task.Run(() => DigestEngine.Analyze(path, text));
        if (task.Wait(timeout))
        {
            return task.Result;
        }

        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var seconds = timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var diagnostic = DigestRules.InternalError.Create(path, new LineMap(string.Empty).Span(0, 0), $"it took longer than {seconds} s ({OptionKey})");
        return new DigestAnalysis(new DigestDocument(path, null, EquatableArray<Paper>.Empty, text.Length), new EquatableArray<DigestDiagnostic>([diagnostic]));
    }
}
