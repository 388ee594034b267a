using System.Globalization;
using DigestKit.Cli.Fixing;
using DigestKit.Cli.Input;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Commands;

/// <summary>
/// <c>digestkit fix</c>: plans every file's repairs in parallel (pure), then reports and writes them in file
/// order. Writes are atomic and keep the file's encoding (BOM or not) and line endings: only the repaired
/// characters change. With <c>--dry-run</c> the standard output is exactly a unified diff (usable with
/// <c>git apply</c>); the report goes to the standard error.
/// </summary>
internal static class FixCommand
{
    public static int Run(FixOptions options, TextWriter stdout, TextWriter stderr)
    {
        var discovery = FileDiscovery.Discover(options.Paths, options.Discovery);
        foreach (var note in discovery.Notes)
        {
            stderr.WriteLine("digestkit: " + note);
        }

        var files = discovery.Files;
        if (files.Count == 0)
        {
            return CommandInputs.NothingToCheck(discovery, options.Discovery, stderr);
        }

        var configuration = new Configuration.AnalyzerConfigFiles();
        var outcomes = new FileOutcome[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            outcomes[i] = PlanFile(files[i], configuration);
        });

        var report = options.DryRun ? stderr : stdout;
        var changedFiles = 0;
        var totalFixes = 0;
        var failures = 0;
        var written = new Dictionary<object, string>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Error is { } error)
            {
                stderr.WriteLine($"digestkit: {error}");
                failures++;
                continue;
            }

            var result = outcome.Result!;
            var source = outcome.Source!;
            foreach (var skipped in result.Skipped)
            {
                report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{DisplayText.Sanitize(source.DisplayPath)}: {skipped.Line}:{skipped.Column} {skipped.Id} '{DisplayText.Sanitize(skipped.OldText)}' -> '{DisplayText.Sanitize(skipped.NewText)}' not applied: the repaired text would have a diagnostic it does not have now"));
            }

            if (!result.Changed)
            {
                continue;
            }

            if (options.DryRun)
            {
                var path = GitPath(source.FullPath);
                stdout.Write(UnifiedDiff.Create("a/" + path, "b/" + path, result.OriginalText, result.FixedText));
            }
            else
            {
                try
                {
                    var identity = Identity(source.FullPath);
                    if (written.TryGetValue(identity, out var first))
                    {
                        // Another name (symbolic or hard link) of a file written in this run: planned on the old
                        // content, it would be refused as changed. Reported, not a failure.
                        stderr.WriteLine($"digestkit: '{DisplayText.Sanitize(source.DisplayPath)}' is the same file as '{DisplayText.Sanitize(first)}', already fixed");
                        continue;
                    }

                    AtomicFile.Replace(source.FullPath, source.Encoding.Encode(result.FixedText), outcome.Sha256!, FixTestHook.For(source.FullPath));
                    written[identity] = source.DisplayPath;

                    // A rename gives the file a new inode, which its other names (symbolic links) now resolve to.
                    written.TryAdd(Identity(source.FullPath), source.DisplayPath);
                }
                catch (FileChangedException ex)
                {
                    // Exit code 2 like a failed write: the file still has what fix found, and CI must not take it as fixed.
                    stderr.WriteLine($"digestkit: '{DisplayText.Sanitize(source.DisplayPath)}' skipped: {ex.Message}");
                    failures++;
                    continue;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"digestkit: cannot write '{source.DisplayPath}', left unchanged: {ex.Message}");
                    failures++;
                    continue;
                }
            }

            changedFiles++;
            totalFixes += result.Applied.Count;
            var verb = options.DryRun ? "would fix" : "fixed";
            report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DisplayText.Sanitize(source.DisplayPath)}: {verb} {CheckReport.Plural(result.Applied.Count, "problem")} ({result.DiagnosticsBefore} diagnostics -> {result.DiagnosticsAfter})"));
            foreach (var fix in result.Applied)
            {
                report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {fix.Line}:{fix.Column} {fix.Id} '{DisplayText.Sanitize(fix.OldText)}' -> '{DisplayText.Sanitize(fix.NewText)}'"));
            }
        }

        var summaryVerb = options.DryRun ? "Would fix" : "Fixed";
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summaryVerb} {CheckReport.Plural(totalFixes, "problem")} in {CheckReport.Plural(changedFiles, "file")}; {CheckReport.Plural(files.Count, "file")} examined."));
        report.Flush();
        stdout.Flush();
        foreach (var error in discovery.Errors)
        {
            stderr.WriteLine("digestkit: " + error);
        }

        if (failures > 0 || discovery.Errors.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        // Like the --check modes of formatters: a dry run that finds work to do fails, so CI can require it.
        return options.DryRun && changedFiles > 0 ? ExitCodes.Errors : ExitCodes.Success;
    }

    /// <summary>
    /// The path in a dry run's diff: relative to the current folder with '/' separators, which is what
    /// <c>git apply</c> (run from there, with its default -p1 after the a/ and b/ prefixes) resolves.
    /// </summary>
    internal static string GitPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static FileOutcome PlanFile(InputFile file, Configuration.AnalyzerConfigFiles configuration)
    {
        SourceFile source;
        byte[] sha256;
        try
        {
            var bytes = SourceFile.ReadBytes(file);
            sha256 = System.Security.Cryptography.SHA256.HashData(bytes);
            source = SourceFile.Decode(file, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(null, null, $"cannot read '{file.DisplayPath}': {ex.Message}");
        }

        if (!source.IsValidEncoding)
        {
            // Writing it back would turn the invalid bytes into U+FFFD: not a safe repair.
            return new FileOutcome(null, null, $"'{file.DisplayPath}' is not valid {source.Encoding.Name}; left unchanged");
        }

        // Each engine run is bounded as in check: a file past the bound has only its DK9001, so nothing to repair.
        var timeout = configuration.For(file.FullPath).Timeout;
        var plan = FixPlanner.Plan(file.DisplayPath, source.Text, (path, text) => AnalysisTimeLimit.Analyze(path, text, timeout));
        return new FileOutcome(source, plan, null) { Sha256 = sha256 };
    }

    /// <summary>Which file a path is: device and inode where known (so hard links match), else its resolved path.</summary>
    private static object Identity(string path)
    {
        var target = AtomicFile.ResolveTarget(path);
        return UnixFileStatus.TryGet(target) is { } status ? (status.Device, status.Inode) : target;
    }

    private sealed record FileOutcome(SourceFile? Source, FixResult? Result, string? Error)
    {
        /// <summary>The hash of the bytes the plan was made from, compared again just before the file is replaced.</summary>
        public byte[]? Sha256 { get; init; }
    }
}
