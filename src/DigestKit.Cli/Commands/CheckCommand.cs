using System.Text;
using DigestKit.Cli.Fixing;
using DigestKit.Cli.Input;
using DigestKit.Cli.Output;

namespace DigestKit.Cli.Commands;

internal static class CheckCommand
{
    public static int Run(CheckOptions options, TextWriter stderr)
    {
        var files = InputFiles.Expand(options.Paths);
        var run = CheckRunner.Run(files);
        var report = run.Report;

        var useColor = options.OutputPath is null && options.Format == OutputFormat.Human && options.Color switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            _ => Terminal.SupportsColor(),
        };

        if (options.OutputPath is null)
        {
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            WriteReport(buffered, report, options.Format, useColor);
        }
        else
        {
            var memory = new MemoryStream();
            WriteReport(memory, report, options.Format, false);
            try
            {
                AtomicFile.Write(Path.GetFullPath(options.OutputPath), memory.ToArray());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"cannot write the report to '{options.OutputPath}': {ex.Message}");
            }
        }

        foreach (var error in run.ReadErrors)
        {
            stderr.WriteLine("digestkit: " + error);
        }

        if (run.ReadErrors.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        return report.Errors > 0 || (options.WarningsAsErrors && report.Warnings > 0) ? ExitCodes.Errors : ExitCodes.Success;
    }

    public static void WriteReport(Stream stream, CheckReport report, OutputFormat format, bool color)
    {
        switch (format)
        {
            case OutputFormat.Sarif:
                SarifFormatter.Write(stream, report);
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
    /// <summary>Colour only for a terminal that wants it: see https://no-color.org and TERM=dumb.</summary>
    public static bool SupportsColor()
    {
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
