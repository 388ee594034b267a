using System.Diagnostics;
using System.Text.RegularExpressions;
using DigestKit.EndToEnd.Tests.Infrastructure;
using DigestKit.Tests;
using Xunit.Abstractions;

namespace DigestKit.EndToEnd.Tests;

/// <summary>
/// What a new user does, offline but for the registry: a console project outside the repository, the DigestKit
/// package from the feed, a digest in content/, typed data at run time, the code that looks a digest up by an unknown
/// slug warned at its line and column, a positioned DK error when the digest breaks, and the digestkit tool agreeing. Each test has its own global packages folder, so a DigestKit of the same version
/// cached by an earlier run (or by another test) is never what gets used.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class NewUserTests(PackedFeed feed, ITestOutputHelper output)
{
    private const string AppName = "PaperReader";

    [Fact]
    public void A_console_project_with_the_package_embeds_content_and_fails_its_build_on_a_broken_digest()
    {
        var clock = Stopwatch.StartNew();
        var user = feed.NewDirectory("user");
        var environment = IsolatedPackages();
        WriteNuGetConfig(user);
        var app = Path.Combine(user, AppName);

        Succeed(DotnetCommand.Dotnet(user, environment, "new", "console", "-n", AppName, "-o", app));
        Succeed(DotnetCommand.Dotnet(app, environment, "add", "package", PackedFeed.LibraryId));
        Assert.Contains($"Include=\"{PackedFeed.LibraryId}\" Version=\"{PackedFeed.Version}\"", File.ReadAllText(Path.Combine(app, AppName + ".csproj")));

        var digest = Path.Combine(app, "content", "2021-06-21---hot-papers.md");
        Directory.CreateDirectory(Path.GetDirectoryName(digest)!);
        File.Copy(TestPaths.CleanSeed, digest);
        File.WriteAllText(
            Path.Combine(app, "Program.cs"),
            $$"""
            // The generated Digests class is in the project's root namespace; Digest, Paper, Tweet come from the package.
            DigestKit.Digest digest = {{AppName}}.Digests.All.Single();
            Console.WriteLine(digest.Papers[0].Title);
            """);

        var build = Succeed(DotnetCommand.Dotnet(app, environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false"));
        Assert.DoesNotMatch(new Regex(@": warning ", RegexOptions.Multiline), build.StdOut);
        var bin = Path.GetDirectoryName(Directory.GetFiles(Path.Combine(app, "bin"), AppName + ".dll", SearchOption.AllDirectories).Single())!;
        Assert.True(File.Exists(Path.Combine(bin, "DigestKit.dll")), "the runtime library is not beside the app");
        foreach (var analyzerOnly in new[] { "DigestKit.Engine.dll", "DigestKit.Analyzers.dll", "YamlDotNet.dll", "Markdig.dll" })
        {
            Assert.False(File.Exists(Path.Combine(bin, analyzerOnly)), analyzerOnly + " leaked into the app's references/output");
        }

        // The package's build tasks ran (tasks/netstandard2.0): the digest's data is in the pack resource, not C#.
        using (var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Path.Combine(bin, AppName + ".dll"))))
        {
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var resources = metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
            Assert.True(
                resources.SequenceEqual(["DigestKit.Digests.dkpack"]),
                "expected the digest in the one DigestKit pack resource, found: " + string.Join(", ", resources));
        }

        var run = Succeed(DotnetCommand.Dotnet(app, environment, "run", "--no-build"));
        Assert.Equal(FirstPaperTitle(TestPaths.CleanSeed), run.StdOut.Trim());

        // The packed usage analyzer checks the C# code against the content: an unknown slug is a DK7001 warning at
        // Program.cs(line,col), with the nearest slug; the real slug on the next line gets nothing.
        var program = Path.Combine(app, "Program.cs");
        var original = File.ReadAllText(program);
        var lookups = $$"""
            var missing = {{AppName}}.Digests.Find("no-such-slug");
            var known = {{AppName}}.Digests.Find("hot-papers-2021-06-21");
            Console.WriteLine(missing is null && known is not null);
            """;
        File.WriteAllText(program, lookups);
        var checkedBuild = Succeed(DotnetCommand.Dotnet(app, environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false"));
        var usage = new Regex(@"^(?<path>[^\r\n]*?)\((?<line>\d+),(?<column>\d+)\): warning (?<id>DK7\d{3}): (?<message>[^\r\n]*?) \(https://", RegexOptions.Multiline)
            .Matches(checkedBuild.StdOut).Select(m => (Path: Path.GetFullPath(m.Groups["path"].Value.Trim()), Line: int.Parse(m.Groups["line"].Value),
                Column: int.Parse(m.Groups["column"].Value), Id: m.Groups["id"].Value, Message: m.Groups["message"].Value))
            .Distinct().ToList();
        var literal = lookups.IndexOf("\"no-such-slug\"", StringComparison.Ordinal);
        Assert.True(
            usage.SequenceEqual([(Path.GetFullPath(program), 1, literal + 1, "DK7001",
                "No embedded digest has the slug 'no-such-slug'; did you mean 'hot-papers-2021-06-21'?")]),
            "expected one DK7001 at Program.cs(1," + (literal + 1) + "):\n" + checkedBuild);
        Assert.Equal("True", Succeed(DotnetCommand.Dotnet(app, environment, "run", "--no-build")).StdOut.Trim());
        File.WriteAllText(program, original);

        var position = BreakRetweetsCount(digest);
        var broken = DotnetCommand.Dotnet(app, environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(broken.ExitCode != 0, "the build of a broken digest succeeded:\n" + broken);
        var error = new Regex(@"^(?<path>.*)\((?<line>\d+),(?<column>\d+)\): error (?<id>DK\d{4}): ", RegexOptions.Multiline).Match(broken.StdOut);
        Assert.True(error.Success, "no positioned DK error in the build output:\n" + broken);
        Assert.Equal(Path.GetFullPath(digest), Path.GetFullPath(error.Groups["path"].Value));
        Assert.Equal(position, (int.Parse(error.Groups["line"].Value), int.Parse(error.Groups["column"].Value)));

        // The problem matcher the README gives for CI reads the same error from the real build output.
        using (var matcher = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".github", "digestkit-matcher.json"))))
        {
            var pattern = matcher.RootElement.GetProperty("problemMatcher")[0].GetProperty("pattern")[0];
            var regex = new Regex(pattern.GetProperty("regexp").GetString()!);
            int Group(string name) => pattern.GetProperty(name).GetInt32();
            var matched = broken.StdOut.Split('\n').Select(l => regex.Match(l.TrimEnd('\r'))).Where(m => m.Success).ToList();
            Assert.True(matched.Count > 0, "the problem matcher matches no line of the build output:\n" + broken);
            Assert.Contains(matched, m =>
                Path.GetFullPath(m.Groups[Group("file")].Value) == Path.GetFullPath(digest)
                && (int.Parse(m.Groups[Group("line")].Value), int.Parse(m.Groups[Group("column")].Value)) == position
                && m.Groups[Group("severity")].Value == "error"
                && m.Groups[Group("code")].Value == error.Groups["id"].Value
                && !m.Groups[Group("message")].Value.EndsWith(']'));
        }

        output.WriteLine($"new console project, package, build, run, broken build: {clock.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public void The_tool_installed_from_the_feed_checks_digests_with_exit_codes()
    {
        var clock = Stopwatch.StartNew();
        var user = feed.NewDirectory("tool-user");
        var tools = Path.Combine(user, "tools");
        var environment = IsolatedPackages();

        // As the README says, from a folder with no nuget.config of its own: the feed comes from --add-source.
        Succeed(DotnetCommand.Dotnet(
            user, environment, "tool", "install", PackedFeed.ToolId, "--version", PackedFeed.Version, "--tool-path", tools, "--add-source", feed.FeedDirectory));
        var digestkit = Path.Combine(tools, OperatingSystem.IsWindows() ? "digestkit.exe" : "digestkit");
        Assert.True(File.Exists(digestkit), "the tool's command is not digestkit: " + string.Join(", ", Directory.GetFiles(tools)));

        File.Copy(TestPaths.CleanSeed, Path.Combine(user, "good.md"));
        var broken = Path.Combine(user, "broken.md");
        File.Copy(TestPaths.CleanSeed, broken);
        var (line, column) = BreakRetweetsCount(broken);

        var clean = DotnetCommand.Run(digestkit, user, environment, "check", "good.md");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        var failed = DotnetCommand.Run(digestkit, user, environment, "check", "broken.md");
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.True(
            Regex.IsMatch(failed.StdOut, $@"^broken\.md:{line}:{column}: error DK\d{{4}}: ", RegexOptions.Multiline),
            $"no error at broken.md:{line}:{column}:\n{failed}");

        output.WriteLine($"tool install and checks: {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// The README's advice to library authors: with <c>PrivateAssets="analyzers;build;buildtransitive"</c>, a library's
    /// consumers get the runtime types but not the generator, so their own content/*.md (not digests) builds; without
    /// it, the generator flows to them and fails their build on it.
    /// </summary>
    [Fact]
    public void A_library_referencing_DigestKit_with_PrivateAssets_leaves_its_consumers_markdown_alone()
    {
        var user = feed.NewDirectory("library-user");
        var environment = IsolatedPackages();
        WriteNuGetConfig(user);
        var library = Path.Combine(user, "PaperLib");
        var app = Path.Combine(user, "PaperApp");

        Succeed(DotnetCommand.Dotnet(user, environment, "new", "classlib", "-n", "PaperLib", "-o", library));
        Succeed(DotnetCommand.Dotnet(library, environment, "add", "package", PackedFeed.LibraryId));
        var libraryProject = Path.Combine(library, "PaperLib.csproj");
        var plain = $"<PackageReference Include=\"{PackedFeed.LibraryId}\" Version=\"{PackedFeed.Version}\" />";
        var privateAssets = $"<PackageReference Include=\"{PackedFeed.LibraryId}\" Version=\"{PackedFeed.Version}\" PrivateAssets=\"analyzers;build;buildtransitive\" />";
        Assert.Contains(plain, File.ReadAllText(libraryProject));
        File.WriteAllText(libraryProject, File.ReadAllText(libraryProject).Replace(plain, privateAssets));
        Directory.CreateDirectory(Path.Combine(library, "content"));
        File.Copy(TestPaths.CleanSeed, Path.Combine(library, "content", "2021-06-21---hot-papers.md"));
        File.Delete(Path.Combine(library, "Class1.cs"));
        File.WriteAllText(Path.Combine(library, "Papers.cs"), "namespace PaperLib;\n\npublic static class Papers\n{\n    public static DigestKit.Digest First => System.Linq.Enumerable.First(Digests.All);\n}\n");

        Succeed(DotnetCommand.Dotnet(user, environment, "new", "console", "-n", "PaperApp", "-o", app));
        Succeed(DotnetCommand.Dotnet(app, environment, "add", "reference", libraryProject));
        Directory.CreateDirectory(Path.Combine(app, "content"));
        File.WriteAllText(Path.Combine(app, "content", "notes.md"), "# Notes\n\nThe app's own documentation, not a digest.\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(PaperLib.Papers.First.Papers[0].Title);\n");

        Succeed(DotnetCommand.Dotnet(app, environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false"));
        var run = Succeed(DotnetCommand.Dotnet(app, environment, "run", "--no-build"));
        Assert.Equal(FirstPaperTitle(TestPaths.CleanSeed), run.StdOut.Trim());

        File.WriteAllText(libraryProject, File.ReadAllText(libraryProject).Replace(privateAssets, plain));
        var leaked = DotnetCommand.Dotnet(app, environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(leaked.ExitCode != 0 && leaked.StdOut.Contains("notes.md", StringComparison.Ordinal) && leaked.StdOut.Contains("error DK", StringComparison.Ordinal),
            "without PrivateAssets the consumer's notes.md was expected to fail its build as a digest:\n" + leaked);
    }

    private Dictionary<string, string?> IsolatedPackages() =>
        new() { ["NUGET_PACKAGES"] = feed.NewDirectory("nuget-packages") };

    /// <summary>The local feed for DigestKit packages (and only there), nuget.org for everything else.</summary>
    private void WriteNuGetConfig(string directory) =>
        File.WriteAllText(
            Path.Combine(directory, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="DigestKit" />
                  <package pattern="DigestKit.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    /// <summary>Replaces the first paper's retweets count with a word; returns where the word starts (1-based).</summary>
    private static (int Line, int Column) BreakRetweetsCount(string path)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.StartsWith("- retweets: ", StringComparison.Ordinal));
        Assert.True(index >= 0, "no metrics line in " + path);
        var count = Regex.Match(lines[index], @"(?<=^- retweets: )\d+");
        Assert.True(count.Success, lines[index]);
        lines[index] = lines[index][..count.Index] + "lots" + lines[index][(count.Index + count.Length)..];
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return (index + 1, count.Index + 1);
    }

    private static string FirstPaperTitle(string path) =>
        File.ReadLines(path).First(l => l.StartsWith("# 1. ", StringComparison.Ordinal))["# 1. ".Length..].Trim();

    private CommandResult Succeed(CommandResult result)
    {
        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
