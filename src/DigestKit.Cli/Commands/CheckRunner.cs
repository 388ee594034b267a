using DigestKit.Cli.Input;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Commands;

/// <summary>What <c>check</c> found: the report, and the files that could not be read (exit code 2).</summary>
internal sealed record CheckRun(CheckReport Report, IReadOnlyList<string> ReadErrors);

/// <summary>
/// Runs the engine over every file in parallel, then the cross-file rules over all the documents: every defect
/// in every file, no stopping at the first. Texts stay in memory for the source excerpts (up to a budget for
/// files without diagnostics); a cross-file diagnostic on a file beyond the budget reads it back.
/// </summary>
internal static class CheckRunner
{
    /// <summary>Characters of diagnostic-free files kept in memory in case a cross-file rule reports on them.</summary>
    private const long RetainedTextBudget = 256L * 1024 * 1024;

    /// <param name="analyze">For tests: a different engine entry point (e.g. one that hangs), under the same bound.</param>
    public static CheckRun Run(IReadOnlyList<InputFile> files, Timings? timings = null, Progress? progress = null, Func<string, string, DigestAnalysis>? analyze = null)
    {
        // .editorconfig / .globalconfig as the build reads them: severities, and the engine's time bound per file.
        var overrides = new Configuration.SeverityOverrides();
        var analyses = new DigestAnalysis?[files.Count];
        var texts = new string?[files.Count];
        var readErrors = new string?[files.Count];
        long retained = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var file = files[i];
            SourceFile source;
            try
            {
                source = SourceFile.Read(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                readErrors[i] = $"cannot read '{file.DisplayPath}': {ex.Message}";
                return;
            }

            var analysis = AnalysisTimeLimit.Analyze(file.DisplayPath, source.Text, overrides.Configuration.For(file.FullPath).Timeout, analyze);
            analyses[i] = analysis;
            progress?.Advance();

            // Keep the text for source excerpts: always when the file has diagnostics, and for the others while
            // the total stays moderate, since a cross-file rule may still report on them (reading 3,000 files
            // back costs ~0.4 s; keeping 84 MB of text costs far less).
            if (analysis.Diagnostics.Count > 0 || Interlocked.Add(ref retained, source.Text.Length) <= RetainedTextBudget)
            {
                texts[i] = source.Text;
            }
        });

        timings?.Mark("read and analyze");
        var documents = new List<DigestDocument>(files.Count);
        var diagnostics = new List<DigestDiagnostic>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkedFiles = new List<string>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (analyses[i] is not { } analysis)
            {
                continue;
            }

            index.TryAdd(files[i].DisplayPath, i);
            checkedFiles.Add(files[i].DisplayPath);
            documents.Add(analysis.Document);
            foreach (var d in analysis.Diagnostics)
            {
                diagnostics.Add(d);
            }
        }

        timings?.Mark("collect");
        var needText = new HashSet<int>();
        foreach (var d in DigestEngine.AnalyzeAcrossFiles(documents))
        {
            diagnostics.Add(d);
            if (index.TryGetValue(d.Path, out var i) && texts[i] is null)
            {
                needText.Add(i);
            }
        }

        timings?.Mark("cross-file rules");

        // Files that only have cross-file diagnostics were not kept in memory: read them back, in parallel too
        // (a folder of copies has a duplicate slug in every file).
        Parallel.ForEach(needText, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                texts[i] = SourceFile.Read(files[i]).Text;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The excerpt is left out; the diagnostic itself is still reported.
            }
        });

        string? SourceText(string path)
        {
            if (!index.TryGetValue(path, out var i))
            {
                return null;
            }

            if (texts[i] is { } text)
            {
                return text;
            }

            try
            {
                return texts[i] = SourceFile.Read(files[i]).Text;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        // Severities configured in .editorconfig / .globalconfig, as the build applies them (the engine reports defaults).
        var configured = new List<DigestDiagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            if (!index.TryGetValue(d.Path, out var i))
            {
                configured.Add(d);
            }
            else if (overrides.Apply(d, files[i].FullPath) is { } kept)
            {
                configured.Add(kept);
            }
        }

        var report = new CheckReport(checkedFiles, configured, SourceText);
        timings?.Mark("re-read, sort");
        return new CheckRun(report, readErrors.Where(e => e is not null).Select(e => e!).ToArray());
    }
}
