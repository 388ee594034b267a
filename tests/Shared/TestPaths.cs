using System.Reflection;

namespace DigestKit.Tests;

/// <summary>Where the repository and ../shared (seeds, corpus sample) are, for every test project.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string SharedDir { get; } = Metadata("SharedDir");

    public static string SeedsDir => Path.Combine(SharedDir, "seeds");

    public static string CorpusDir => Path.Combine(SharedDir, "corpus-sample");

    /// <summary>The two seeds then the 30 corpus posts, sorted by name.</summary>
    public static IReadOnlyList<string> AllSampleFiles { get; } =
        Directory.GetFiles(Path.Combine(Metadata("SharedDir"), "seeds")).OrderBy(f => f, StringComparer.Ordinal)
            .Concat(Directory.GetFiles(Path.Combine(Metadata("SharedDir"), "corpus-sample"), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            .ToArray();

    public static string Seed(string name) => Path.Combine(SeedsDir, name);

    /// <summary>The seed whose non-ASCII text was decoded as Mac OS Roman.</summary>
    public static string MisEncodedSeed => Seed("003_ca00b3699e1837a6.txt");

    public static string CleanSeed => Seed("000_e0008e284d47e868.txt");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException("missing assembly metadata " + key);
}
