using DigestKit.Cli.Input;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Commands;

/// <summary>What <c>check</c> found: the report, and the files that could not be read (exit code 2).</summary>
internal sealed record CheckRun(CheckReport Report, IReadOnlyList<string> ReadErrors);

/// <summary>
/// Runs the engine over every file in parallel, then the cross-file rules over all the documents: every defect
/// in every file, no stopping at the first. Only the texts of files with diagnostics stay in memory (for the
/// source excerpts); a cross-file diagnostic on another file re-reads it.
/// </summary>
internal static class CheckRunner
{
    public static CheckRun Run(IReadOnlyList<InputFile> files)
    {
        var analyses = new DigestAnalysis?[files.Count];
        var texts = new string?[files.Count];
        var readErrors = new string?[files.Count];
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

            var analysis = DigestEngine.Analyze(file.DisplayPath, source.Text);
            analyses[i] = analysis;
            if (analysis.Diagnostics.Count > 0)
            {
                texts[i] = source.Text;
            }
        });

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

        foreach (var d in DigestEngine.AnalyzeAcrossFiles(documents))
        {
            diagnostics.Add(d);
        }

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

        var report = new CheckReport(checkedFiles, diagnostics, SourceText);
        return new CheckRun(report, readErrors.Where(e => e is not null).Select(e => e!).ToArray());
    }
}
