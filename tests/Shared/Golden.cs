using System.Text;

namespace DigestKit.Tests;

/// <summary>
/// Golden files, for every test project: the expected text is checked in. Set DIGESTKIT_REGENERATE_GOLDEN=1 to
/// rewrite them from the current output (then review the diff in git). A mismatch fails with the differing lines.
/// </summary>
internal static class Golden
{
    public const string RegenerateVariable = "DIGESTKIT_REGENERATE_GOLDEN";

    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    /// <summary>Compares <paramref name="actual"/> with <paramref name="directory"/>/<paramref name="name"/> (or writes it when regenerating).</summary>
    public static void AssertMatches(string directory, string name, string actual)
    {
        var path = Path.Combine(directory, name);
        if (Regenerating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"Golden file {path} does not exist. Run the tests with {RegenerateVariable}=1 to create it, then review it.\nActual output:\n{actual}");
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"Output differs from golden file {path} (rerun with {RegenerateVariable}=1 to accept):\n{LineDiff(expected, actual)}");
        }
    }

    /// <summary>The differing lines with their numbers, "-" expected and "+" actual, at most 20.</summary>
    public static string LineDiff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var output = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < 20; i++)
        {
            var left = i < e.Length ? e[i] : null;
            var right = i < a.Length ? a[i] : null;
            if (left == right)
            {
                continue;
            }

            shown++;
            output.AppendLine($"line {i + 1}:");
            if (left is not null) output.AppendLine("- " + Clip(left, right));
            if (right is not null) output.AppendLine("+ " + Clip(right, left));
        }

        return output.ToString();
    }

    /// <summary>Long lines (a paper's data is one line) shown from a little before the first difference.</summary>
    private static string Clip(string line, string? other)
    {
        if (line.Length <= 200)
        {
            return line;
        }

        var first = 0;
        while (other is not null && first < line.Length && first < other.Length && line[first] == other[first])
        {
            first++;
        }

        var start = Math.Max(0, first - 60);
        return (start > 0 ? "…" : "") + line.Substring(start, Math.Min(200, line.Length - start)) + "…";
    }
}
