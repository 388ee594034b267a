using System.Reflection;
using DigestKit.Tests;

namespace DigestKit.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs the two packages (the DigestKit library and the DigestKit.Cli tool, what <c>dotnet pack Validator.sln</c>
/// produces) from the current sources into a temporary local feed, once per test run. The build goes to a temporary
/// artifacts folder, so it neither reads nor disturbs the bin/obj folders the rest of the test run uses.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string LibraryId = "DigestKit";

    public const string ToolId = "DigestKit.Cli";

    public PackedFeed()
    {
        Root = Directory.CreateTempSubdirectory("digestkit-e2e-").FullName;
        Assert.False(
            IsUnder(Root, TestPaths.RepoRoot),
            $"the temporary folder {Root} is inside the repository: its Directory.Build.props would apply");
        FeedDirectory = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Pack(FeedDirectory, Path.Combine(Root, "artifacts"));

        LibraryPackage = Path.Combine(FeedDirectory, $"{LibraryId}.{Version}.nupkg");
        ToolPackage = Path.Combine(FeedDirectory, $"{ToolId}.{Version}.nupkg");
        Assert.True(File.Exists(LibraryPackage), "missing " + LibraryPackage + "; the feed has: " + string.Join(", ", Directory.GetFiles(FeedDirectory)));
        Assert.True(File.Exists(ToolPackage), "missing " + ToolPackage + "; the feed has: " + string.Join(", ", Directory.GetFiles(FeedDirectory)));
    }

    /// <summary>The version both packages carry: Directory.Build.props' &lt;Version&gt;.</summary>
    public static string Version { get; } =
        typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageVersion").Value!;

    /// <summary>A temporary folder outside the repository holding the feed and whatever the tests create.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    public string LibraryPackage { get; }

    public string ToolPackage { get; }

    /// <summary>Packs both packages once more, into a new folder with its own artifacts folder, and returns the folder.</summary>
    public string PackAgain()
    {
        var feed = NewDirectory("feed-again");
        Pack(feed, NewDirectory("artifacts-again"));
        return feed;
    }

    private static void Pack(string feed, string artifacts)
    {
        foreach (var project in new[] { "src/DigestKit/DigestKit.csproj", "src/DigestKit.Cli/DigestKit.Cli.csproj" })
        {
            var pack = DotnetCommand.Dotnet(
                TestPaths.RepoRoot,
                new Dictionary<string, string?>(),
                "pack", Path.Combine(TestPaths.RepoRoot, project), "-c", "Release", "-o", feed, "--artifacts-path", artifacts,
                "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }
    }

    /// <summary>A new empty folder under <see cref="Root"/>.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing the run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsUnder(string path, string directory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(path));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    /// <summary>Every test that needs the packages: they share one pack and run one after the other.</summary>
    public const string Name = "packed feed";
}
