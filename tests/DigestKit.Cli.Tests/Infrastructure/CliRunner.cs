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

    public static CliResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        Assert.True(File.Exists(CliTestPaths.CliDll), $"the CLI is not built at {CliTestPaths.CliDll}");

        // The colour tests decide NO_COLOR themselves: unset unless the test sets it.
        var variables = new Dictionary<string, string?> { ["NO_COLOR"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var result = DotnetCommand.Run(DotnetCommand.DotnetHost(), workingDirectory, variables, [CliTestPaths.CliDll, .. args]);
        return new CliResult(result.ExitCode, result.StdOut, result.StdErr);
    }
}
