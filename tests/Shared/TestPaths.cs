using System.Reflection;

namespace DigestKit.Tests;

/// <summary>
/// Where the repository and its test data (tests/Data: the two seeds, the 30-post corpus sample) are, for every
/// test project. The data is a copy of the posts the project started from, so a clone tests with nothing beside it.
/// </summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string DataDir { get; } = Metadata("TestDataDir");

    /// <summary>The folder holding seeds/ and corpus-sample/ (its old name, from when they sat beside the clone).</summary>
    public static string SharedDir => DataDir;

    public static string SeedsDir => Path.Combine(SharedDir, "seeds");

    public static string CorpusDir => Path.Combine(SharedDir, "corpus-sample");

    /// <summary>The two seeds then the 30 corpus posts, sorted by name.</summary>
    public static IReadOnlyList<string> AllSampleFiles { get; } =
        Directory.GetFiles(Path.Combine(Metadata("TestDataDir"), "seeds")).OrderBy(f => f, StringComparer.Ordinal)
            .Concat(Directory.GetFiles(Path.Combine(Metadata("TestDataDir"), "corpus-sample"), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            .ToArray();

    public static string Seed(string name) => Path.Combine(SeedsDir, name);

    /// <summary>The seed whose non-ASCII text was decoded as Mac OS Roman.</summary>
    public static string MisEncodedSeed => Seed("003_ca00b3699e1837a6.txt");

    public static string CleanSeed => Seed("000_e0008e284d47e868.txt");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException("missing assembly metadata " + key);
}
