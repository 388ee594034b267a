namespace DigestKit.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test that needs an editor or runtime installed on the machine (nvim, node). Without it the test is skipped on a
/// developer's machine but runs, and fails saying what is missing, under CI=true: .ci/run installs it, so a missing
/// one there is a broken CI set-up, not a reason to pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresExecutableFactAttribute : FactAttribute
{
    public RequiresExecutableFactAttribute(string executable)
    {
        if (InstalledTool.Resolve(executable, Environment.GetEnvironmentVariable("PATH")) is null && !IsCi)
        {
            Skip = $"'{executable}' is not on PATH (under CI=true this test fails instead)";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails the test, naming the tool, when it is missing (reached only under CI=true).</summary>
    public static string Require(string executable) =>
        InstalledTool.Resolve(executable, Environment.GetEnvironmentVariable("PATH"))
        ?? throw new Xunit.Sdk.XunitException($"'{executable}' is not on PATH; .ci/run installs it (CI=true)");
}
