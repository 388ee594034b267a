using System.Diagnostics;
using System.Text;

namespace DigestKit.Tests;

internal sealed record CommandResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    public override string ToString() => $"$ {CommandLine}\nexit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>
/// Runs <c>dotnet …</c> (or an installed tool) for every test project that starts a child process (real builds,
/// the built CLI, package installs) as a user would from a shell, in an environment cleaned of what the
/// test host inherits from <c>dotnet test</c>, with no build servers or reused nodes left behind holding the
/// output pipes or the temporary folders.
/// </summary>
internal static class DotnetCommand
{
    /// <summary>Not a timing assertion: a guard so a hung command fails its test instead of the whole run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static CommandResult Dotnet(string workingDirectory, params string[] args) =>
        Run(DotnetHost(), workingDirectory, NoEnvironment, args);

    public static CommandResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Run(DotnetHost(), workingDirectory, environment, args);

    /// <summary><c>dotnet build</c> of a test's temporary consumer project: no build server, no reused nodes.</summary>
    public static CommandResult Build(string workingDirectory, string project, params string[] args) =>
        Dotnet(workingDirectory, ["build", project, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary", .. args]);

    /// <summary>Runs <paramref name="fileName"/>; an <paramref name="environment"/> value of null removes the variable.</summary>
    public static CommandResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // dotnet test runs the test host with MSBuild's own variables (MSBuildSDKsPath, MSBuildExtensionsPath, …):
        // a user's shell has none of them.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        start.Environment["NO_COLOR"] = "1";
        // No MSBuild nodes, MSBuild server or compiler server outliving the command: they would keep the output
        // pipes open (and the temporary folders busy) after the command ends.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var commandLine = Path.GetFileName(fileName) + " " + string.Join(' ', args);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{commandLine}' did not exit within {Timeout.TotalMinutes} minutes");
        }

        if (!Task.WhenAll(stdout, stderr).Wait(TimeSpan.FromMinutes(1)))
        {
            Assert.Fail($"'{commandLine}' exited but a process it started still holds its output open");
        }

        return new CommandResult(commandLine, process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var process = Environment.ProcessPath;
        return process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
    }
}
