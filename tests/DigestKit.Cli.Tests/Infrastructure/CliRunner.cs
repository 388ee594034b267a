using DigestKit.Tests;

namespace DigestKit.Cli.Tests.Infrastructure;

internal sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>Runs the real built <c>digestkit</c> (<c>dotnet digestkit.dll …</c>) and captures what it prints.</summary>
internal static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] args) =>
        RunVia(null, [], workingDirectory, environment, args);

    /// <summary>
    /// Runs the CLI through another program (Unix): <c>timeout 60</c> so a hang fails fast, <c>sh -c 'exec "$@" &lt; file'</c>
    /// for the standard input, <c>setpriv</c> to drop root. The launcher gets its arguments, then <c>dotnet digestkit.dll</c>
    /// and <paramref name="args"/>.
    /// </summary>
    public static CliResult RunVia(string? launcher, string[] launcherArgs, string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        Assert.True(File.Exists(CliTestPaths.CliDll), $"the CLI is not built at {CliTestPaths.CliDll}");

        // The colour tests decide NO_COLOR themselves: unset unless the test sets it.
        var variables = new Dictionary<string, string?> { ["NO_COLOR"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var result = launcher is null
            ? DotnetCommand.Run(DotnetCommand.DotnetHost(), workingDirectory, variables, [CliTestPaths.CliDll, .. args])
            : DotnetCommand.Run(launcher, workingDirectory, variables, [.. launcherArgs, DotnetCommand.DotnetHost(), CliTestPaths.CliDll, .. args]);
        return new CliResult(result.ExitCode, result.StdOut, result.StdErr);
    }

    /// <summary>
    /// Runs the CLI killed after two minutes: a guard for the cases that used to hang forever (a FIFO), so a
    /// regression fails with exit code 124 instead of stalling the test run. Not a speed assertion.
    /// </summary>
    public static CliResult RunWithTimeout(string workingDirectory, params string[] args)
    {
        var result = RunVia("timeout", ["-k", "5", "120"], workingDirectory, null, args);
        Assert.True(result.ExitCode != 124, "digestkit did not finish within two minutes (hung?)\n" + result);
        return result;
    }

    /// <summary>Runs the CLI with its standard input read from <paramref name="stdinFile"/>.</summary>
    public static CliResult RunWithStdin(string workingDirectory, string stdinFile, params string[] args) =>
        RunVia("sh", ["-c", "f=$1; shift; exec \"$@\" < \"$f\"", "sh", stdinFile], workingDirectory, null, args);
}
