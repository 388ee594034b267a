using DigestKit.Cli.Fixing;

namespace DigestKit.Cli.Tests.Infrastructure;

/// <summary>Applies a one-file unified diff to a text, checking every context and removed line on the way.</summary>
internal static class TestPatch
{
    /// <summary>A minimal patch: proves the hunks' line numbers and contents are consistent.</summary>
    public static string Apply(string old, string diff)
    {
        var source = UnifiedDiff.SplitLines(old).Select(l => l.TrimEnd('\n')).ToList();
        var result = new List<string>();
        var position = 0;
        var lines = diff.Split('\n');
        for (var i = 2; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var oldStart = int.Parse(line.Split(' ')[1].TrimStart('-').Split(',')[0]);
                while (position < oldStart - 1)
                {
                    result.Add(source[position++]);
                }
            }
            else if (line.StartsWith(' '))
            {
                Assert.Equal(source[position], line[1..]);
                result.Add(source[position++]);
            }
            else if (line.StartsWith('-'))
            {
                Assert.Equal(source[position++], line[1..]);
            }
            else if (line.StartsWith('+'))
            {
                result.Add(line[1..]);
            }
        }

        while (position < source.Count)
        {
            result.Add(source[position++]);
        }

        return string.Concat(result.Select(l => l + "\n"));
    }
}
