using System.Reflection;

namespace DigestKit.Cli.Tests.Infrastructure;

/// <summary>Where this project's test data and golden files live (in the source tree, not the output folder).</summary>
internal static class CliTestPaths
{
    public static string ProjectDir { get; } = Metadata("TestProjectDir");

    public static string TestDataDir => Path.Combine(ProjectDir, "TestData");

    public static string CheckDataDir => Path.Combine(TestDataDir, "check");

    public static string GoldenDir => Path.Combine(ProjectDir, "Golden");

    /// <summary>The built <c>digestkit.dll</c> of the CLI project (same configuration as the tests).</summary>
    public static string CliDll { get; } = Metadata("CliDll");

    private static string Metadata(string key) =>
        typeof(CliTestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException("missing assembly metadata " + key);
}
