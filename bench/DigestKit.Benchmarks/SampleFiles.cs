namespace DigestKit.Benchmarks;

/// <summary>The real posts in the repository's test data: tests/Data/seeds and tests/Data/corpus-sample.</summary>
public static class SampleFiles
{
    public static string SharedDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Data", "corpus-sample");
                if (Directory.Exists(candidate))
                {
                    return Path.Combine(dir.FullName, "tests", "Data");
                }
            }

            throw new DirectoryNotFoundException("tests/Data (with seeds/ and corpus-sample/) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<(string Path, string Text)> Load() =>
        Directory.GetFiles(Path.Combine(SharedDir, "seeds"))
            .Concat(Directory.GetFiles(Path.Combine(SharedDir, "corpus-sample"), "*.md"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToArray();
}
