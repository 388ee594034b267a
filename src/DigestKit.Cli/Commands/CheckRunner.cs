using DigestKit.Cli.Input;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Commands;

/// <summary>
/// What <c>check</c> found: the report, the files that could not be read (exit code 2), and the texts the report's
/// excerpts read back (<see cref="CheckedTexts.ReadAhead"/> with the diagnostics to be written).
/// </summary>
internal sealed record CheckRun(CheckReport Report, IReadOnlyList<string> ReadErrors, CheckedTexts Texts);

/// <summary>
/// Runs the engine over every file in parallel (each worker reads, decodes and analyzes one file at a time, and the
/// results land in the files' order), then the cross-file rules: every defect in every file, no stopping at the
/// first. Of each file only its diagnostics, its <see cref="CrossFileEntry"/> (what the cross-file rules read) and
/// a fingerprint of its bytes are kept, so memory does not grow with the texts: the formats' source excerpts read
/// the files with diagnostics back (<see cref="CheckedTexts"/>), and say so when one changed in between.
/// </summary>
internal static class CheckRunner
{
    private sealed record Checked(EquatableArray<DigestDiagnostic> Diagnostics, CrossFileEntry Entry, IReadOnlyList<DigestDiagnostic>? Repaired);

    /// <param name="analyze">For tests: a different engine entry point (e.g. one that hangs), under the same bound.</param>
    public static CheckRun Run(IReadOnlyList<InputFile> files, Timings? timings = null, Progress? progress = null, Func<string, string, DigestAnalysis>? analyze = null)
    {
        // .editorconfig / .globalconfig as the build reads them: severities, and the engine's time bound per file.
        var overrides = new Configuration.SeverityOverrides();
        var fingerprints = new ContentFingerprint[files.Count];
        var readErrors = new string?[files.Count];
        var results = BoundedParallel.Run(files.Count, Environment.ProcessorCount, (i, startClock) =>
        {
            var file = files[i];
            SourceFile source;
            try
            {
                using var bytes = SourceFile.ReadRented(file);
                fingerprints[i] = ContentFingerprint.Of(bytes.Span);
                source = SourceFile.Decode(file, bytes.Span);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                readErrors[i] = $"cannot read '{file.DisplayPath}': {ex.Message}";
                return null;
            }

            // The engine runs on this thread, under the file's bound (.editorconfig / .globalconfig).
            startClock(overrides.Configuration.For(file.FullPath).Timeout);
            var analysis = (analyze ?? DigestEngine.Analyze)(file.DisplayPath, source.Text);

            // "N can be repaired" counts what fix would apply: only a file with candidates is planned, and not one
            // fix refuses to rewrite (invalid bytes would become U+FFFD).
            var repaired = source.IsValidEncoding && analysis.Diagnostics.Any(DigestRepairs.IsCandidate)
                ? DigestRepairs.Plan(file.DisplayPath, source.Text, analysis).Repaired
                : null;
            progress?.Advance();
            return new Checked(analysis.Diagnostics, CrossFileEntry.From(analysis.Document), repaired);
        }, i =>
        {
            progress?.Advance();
            var timedOut = AnalysisTimeLimit.TimedOutAnalysis(files[i].DisplayPath, null, overrides.Configuration.For(files[i].FullPath).Timeout);
            return new Checked(timedOut.Diagnostics, CrossFileEntry.From(timedOut.Document), null);
        });

        timings?.Mark("read and analyze");
        var entries = new List<CrossFileEntry>(files.Count);
        var diagnostics = new List<DigestDiagnostic>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkedFiles = new List<string>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (results[i] is not { } result)
            {
                continue;
            }

            index.TryAdd(files[i].DisplayPath, i);
            checkedFiles.Add(files[i].DisplayPath);
            entries.Add(result.Entry);
            diagnostics.AddRange(result.Diagnostics);
        }

        timings?.Mark("collect");
        diagnostics.AddRange(DigestEngine.AnalyzeAcrossFiles(entries));
        timings?.Mark("cross-file rules");

        // Severities configured in .editorconfig / .globalconfig, as the build applies them (the engine reports defaults).
        var configured = new List<DigestDiagnostic>(diagnostics.Count);
        var repairable = new HashSet<DigestDiagnostic>();
        var willRepair = new HashSet<DigestDiagnostic>(results.SelectMany(r => r?.Repaired ?? []));
        foreach (var d in diagnostics)
        {
            if (!index.TryGetValue(d.Path, out var i))
            {
                configured.Add(d);
            }
            else if (overrides.Apply(d, files[i].FullPath) is { } kept)
            {
                configured.Add(kept);
                if (willRepair.Contains(d))
                {
                    repairable.Add(kept);
                }
            }
        }

        var texts = new CheckedTexts(files, index, fingerprints);
        var report = new CheckReport(checkedFiles, configured, texts.Text, repairable.Contains, texts.Changed);
        timings?.Mark("configure, sort");
        return new CheckRun(report, readErrors.Where(e => e is not null).Select(e => e!).ToArray(), texts);
    }
}
