using System.Text;
using DigestKit.Cli.Fixing;
using DigestKit.Cli.Input;
using DigestKit.Cli.Output;

namespace DigestKit.Cli.Commands;

internal static class CheckCommand
{
    public static int Run(CheckOptions options, TextWriter stderr)
    {
        var timings = Timings.FromEnvironment();
        var discovery = FileDiscovery.Discover(options.Paths.Where(p => p != "-").ToArray(), options.Discovery);
        var files = discovery.Files;
        if (options.Paths.Contains("-"))
        {
            files = [.. files, CommandInputs.ReadStandardInput(options.StdinPath)];
        }

        timings?.Mark("list files");
        if (!options.Quiet)
        {
            foreach (var note in discovery.Notes)
            {
                stderr.WriteLine("digestkit: " + note);
            }
        }

        if (files.Count == 0)
        {
            return CommandInputs.NothingToCheck(discovery, options.Discovery, stderr);
        }

        CheckRun run;
        using (var progress = Progress.Start(files.Count, options.Quiet, stderr))
        {
            run = CheckRunner.Run(files, timings, progress);
        }

        var report = run.Report;
        if (options.Quiet)
        {
            report = report.Quiet(d => d.Severity == Engine.DigestSeverity.Error || (options.WarningsAsErrors && d.Severity == Engine.DigestSeverity.Warning));
        }

        run.Texts.ReadAhead(report.Diagnostics);

        var useColor = options.OutputPath is null && options.Format == OutputFormat.Human && options.Color switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            _ => Terminal.SupportsColor(),
        };

        var sarif = SarifOptions.ForCurrentDirectory() with { ToolErrors = run.ReadErrors };
        if (options.OutputPath is null)
        {
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            WriteReport(buffered, report, options.Format, useColor, sarif);
        }
        else
        {
            var memory = new MemoryStream();
            WriteReport(memory, report, options.Format, false, sarif);
            try
            {
                AtomicFile.Write(Path.GetFullPath(options.OutputPath), memory.ToArray());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"cannot write the report to '{options.OutputPath}': {ex.Message}");
            }
        }

        timings?.Mark("write report");
        timings?.Report(stderr);
        foreach (var error in discovery.Errors.Concat(run.ReadErrors))
        {
            stderr.WriteLine("digestkit: " + error);
        }

        if (run.ReadErrors.Count > 0 || discovery.Errors.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        return report.Errors > 0 || (options.WarningsAsErrors && report.Warnings > 0) ? ExitCodes.Errors : ExitCodes.Success;
    }

    public static void WriteReport(Stream stream, CheckReport report, OutputFormat format, bool color, SarifOptions? sarif = null)
    {
        switch (format)
        {
            case OutputFormat.Sarif:
                SarifFormatter.Write(stream, report, sarif ?? SarifOptions.ForCurrentDirectory());
                break;
            case OutputFormat.Json:
                JsonFormatter.Write(stream, report);
                break;
            default:
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                {
                    if (format == OutputFormat.MsBuild)
                    {
                        MsBuildFormatter.Write(writer, report);
                    }
                    else if (format == OutputFormat.GitHub)
                    {
                        var paths = sarif ?? SarifOptions.ForCurrentDirectory();
                        GitHubFormatter.Write(writer, report, paths.RootDirectory, paths.WorkingDirectory);
                    }
                    else
                    {
                        HumanFormatter.Write(writer, report, color);
                    }
                }

                break;
        }

        stream.Flush();
    }
}

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Errors = 1;
    public const int UsageOrIo = 2;
}

internal static class Terminal
{
    /// <summary>
    /// Colour only for a terminal that wants it. FORCE_COLOR (the convention of Node tools and CI systems that
    /// render ANSI logs) wins over the rest: set to anything but 0 or false it turns colour on even when the
    /// output is redirected, set to 0 or false it turns it off. Then NO_COLOR (https://no-color.org), a
    /// redirected output and TERM=dumb turn it off.
    /// </summary>
    public static bool SupportsColor()
    {
        if (Environment.GetEnvironmentVariable("FORCE_COLOR") is { } force)
        {
            return force is not ("0" or "false");
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
        {
            return false;
        }

        if (Console.IsOutputRedirected)
        {
            return false;
        }

        return !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
    }
}

/// <summary>
/// Where a run's time goes, printed to the standard error when DIGESTKIT_TIMINGS=1 (for bench/cli-check.sh and
/// for anyone asking why a check is slow). Measured from process start, so runtime start-up shows too.
/// </summary>
internal sealed class Timings
{
    private readonly List<(string Phase, TimeSpan At)> _marks = [];

    public static Timings? FromEnvironment() =>
        Environment.GetEnvironmentVariable("DIGESTKIT_TIMINGS") == "1" ? new Timings() : null;

    public void Mark(string phase) =>
        _marks.Add((phase, DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime));

    public void Report(TextWriter writer)
    {
        var previous = TimeSpan.Zero;
        foreach (var (phase, at) in _marks)
        {
            writer.WriteLine(FormattableString.Invariant($"digestkit: {phase,-22} {(at - previous).TotalMilliseconds,7:F0} ms (at {at.TotalMilliseconds:F0} ms)"));
            previous = at;
        }

        // The collector's share: how many collections of each generation, and how long the program was paused.
        writer.WriteLine(FormattableString.Invariant(
            $"digestkit: gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated"));
    }
}
