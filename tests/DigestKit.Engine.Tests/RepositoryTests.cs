using DigestKit.Tests;

namespace DigestKit.Engine.Tests;

/// <summary>The repository stands alone: its tests read their data from tests/Data, never from beside the clone.</summary>
public class RepositoryTests
{
    /// <summary>The folder beside the clone the project started from, spelled in two parts so this file does not name it itself.</summary>
    private const string Beside = ".." + "/shared";

    [Fact]
    public void The_test_data_is_inside_the_repository()
    {
        var root = Path.GetFullPath(TestPaths.RepoRoot);
        Assert.StartsWith(root, Path.GetFullPath(TestPaths.DataDir), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(TestPaths.SeedsDir).Length);
        Assert.Equal(30, Directory.GetFiles(TestPaths.CorpusDir, "*.md").Length);
    }

    [Fact]
    public void No_test_build_or_ci_file_reads_beside_the_repository()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.EndsWith(nameof(RepositoryTests) + ".cs", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "bench"), "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".py", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Concat(new[] { Path.Combine(TestPaths.RepoRoot, "test.sh"), Path.Combine(TestPaths.RepoRoot, ".ci", "run") });
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains(Beside, StringComparison.Ordinal), file + " reads " + Beside);
        }
    }
}
