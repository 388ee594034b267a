using System.Reflection;
using DigestKit.Tests;

namespace DigestKit.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs the packages (the DigestKit library and the DigestKit.Cli tool, what <c>dotnet pack Validator.sln</c>
/// produces) from the current sources into a temporary local feed, once per test run. The tool is three packages:
/// DigestKit.Cli, which users install and which only names the other two, DigestKit.Cli.linux-x64 (Native AOT; the one
/// slow step of the pack, done once here) and DigestKit.Cli.any (framework-dependent, every other platform). The build goes to a temporary
/// artifacts folder, so it neither reads nor disturbs the bin/obj folders the rest of the test run uses.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string LibraryId = "DigestKit";

    public const string ToolId = "DigestKit.Cli";

    /// <summary>The RID whose package is a native executable (the project's ToolPackageRuntimeIdentifiers).</summary>
    public const string NativeRid = "linux-x64";

    /// <summary>Whether this machine packs the native package: Native AOT compiles for its own OS and architecture only.</summary>
    public static bool PacksNative { get; } =
        OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;

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
        FrameworkDependentToolPackage = Path.Combine(FeedDirectory, $"{ToolId}.any.{Version}.nupkg");
        NativeToolPackage = Path.Combine(FeedDirectory, $"{ToolId}.{NativeRid}.{Version}.nupkg");
        var expected = new List<string> { LibraryPackage, ToolPackage, FrameworkDependentToolPackage };
        if (PacksNative)
        {
            expected.Add(NativeToolPackage);
        }

        Assert.True(
            Directory.GetFiles(FeedDirectory).Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)),
            "the feed should hold " + string.Join(", ", expected.Select(Path.GetFileName)) + " and has: " + string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName)));
    }

    /// <summary>The version both packages carry: Directory.Build.props' &lt;Version&gt;.</summary>
    public static string Version { get; } =
        typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageVersion").Value!;

    /// <summary>A temporary folder outside the repository holding the feed and whatever the tests create.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    public string LibraryPackage { get; }

    /// <summary>DigestKit.Cli: the package users install, pointing to the RID-specific ones.</summary>
    public string ToolPackage { get; }

    /// <summary>DigestKit.Cli.any: the framework-dependent build, for a RID without a package of its own.</summary>
    public string FrameworkDependentToolPackage { get; }

    /// <summary>DigestKit.Cli.linux-x64: the Native AOT executable (in the feed where <see cref="PacksNative"/>).</summary>
    public string NativeToolPackage { get; }

    /// <summary>
    /// Packs the packages once more, into a new folder with its own artifacts folder, and returns the folder. The native
    /// package is left out: one Native AOT compile per test run is enough time spent.
    /// </summary>
    public string PackAgain()
    {
        var feed = NewDirectory("feed-again");
        Pack(feed, NewDirectory("artifacts-again"), "-p:DigestKitSkipToolRids=" + NativeRid);
        return feed;
    }

    private static void Pack(string feed, string artifacts, params string[] properties)
    {
        foreach (var project in new[] { "src/DigestKit/DigestKit.csproj", "src/DigestKit.Cli/DigestKit.Cli.csproj" })
        {
            var pack = DotnetCommand.Dotnet(
                TestPaths.RepoRoot,
                new Dictionary<string, string?>(),
                ["pack", Path.Combine(TestPaths.RepoRoot, project), "-c", "Release", "-o", feed, "--artifacts-path", artifacts,
                "-nodeReuse:false", "-p:UseSharedCompilation=false", .. properties]);
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
