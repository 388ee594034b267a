using DigestKit.Cli.Fixing;

namespace DigestKit.Cli.Tests.Infrastructure;

/// <summary>
/// Golden files: the expected output is checked in under Golden/. Set DIGESTKIT_REGENERATE_GOLDEN=1 to rewrite
/// them from the current output (then review the diff in git). A mismatch fails with a unified diff.
/// </summary>
internal static class Golden
{
    public const string RegenerateVariable = "DIGESTKIT_REGENERATE_GOLDEN";

    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(CliTestPaths.GoldenDir, name);
        if (Regenerating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"Golden file {path} does not exist. Run the tests with {RegenerateVariable}=1 to create it, then review it.\nActual output:\n{actual}");
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var diff = UnifiedDiff.Create("expected/" + name, "actual/" + name, expected, actual);
            Assert.Fail($"Output differs from golden file {path} (rerun with {RegenerateVariable}=1 to accept):\n{diff}");
        }
    }
}
