using System.Reflection;
using DigestKit.Analyzers.Generator;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>
/// Resource mode in a real <c>dotnet build</c>: a consumer importing the shared props/targets with the build tasks
/// (src/DigestKit.Tasks) gets every valid digest's data in one pack resource, reads every value back from it, and
/// embeds nothing of a digest with an error. Rebuilding after editing one digest rewrites that digest's blob only
/// and repacks; removing one repacks without it. One consumer, three builds: the cost of proving the tasks and the
/// generator agree.
/// </summary>
public sealed class ResourceModeBuildTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string[] AnalyzerAssemblies = ["DigestKit.Analyzers.dll", "DigestKit.Engine.dll", "YamlDotNet.dll", "Markdig.dll"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "digestkit-resource-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_consumer_built_with_the_tasks_reads_every_value_back_from_the_pack_and_edits_repack_only_what_changed()
    {
        var dir = CreateConsumer();
        var build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);

        var blobs = Path.Combine(dir, "obj", "Debug", "net10.0", "digestkit");
        var written = Directory.GetFiles(blobs, "*.dk2").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, written.Length);
        // The broken digest's blob is empty: nothing of it is embedded.
        Assert.Equal([0L], written.Where(f => Path.GetFileName(f).StartsWith("broken_", StringComparison.Ordinal)).Select(f => new FileInfo(f).Length));
        Assert.All(written.Where(f => !Path.GetFileName(f).StartsWith("broken_", StringComparison.Ordinal)), f => Assert.True(new FileInfo(f).Length > 1000, f));
        var packFile = Path.Combine(blobs, DigestResources.PackFileName);
        Assert.Equal(
            written.Where(f => new FileInfo(f).Length > 0).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            PackedKeys(packFile));

        var assembly = Assembly.LoadFile(Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll"));
        Assert.Equal([DigestResources.PackResourceName], assembly.GetManifestResourceNames());
        var digestsType = assembly.GetType("Consumer.Digests")!;
        Assert.DoesNotContain(digestsType.GetNestedTypes(BindingFlags.NonPublic), t => t.Name.StartsWith("__Digest_", StringComparison.Ordinal));
        Assert.Null(digestsType.GetMethod("__Create", BindingFlags.NonPublic | BindingFlags.Static));

        var all = GeneratorHarness.All(digestsType);
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21"], all.Select(d => d.Slug));
        ReadBackTests.AssertSame(DigestEngine.Analyze(TestPaths.MisEncodedSeed, File.ReadAllText(TestPaths.MisEncodedSeed)).Document, all[0]);
        ReadBackTests.AssertSame(DigestEngine.Analyze(TestPaths.CleanSeed, File.ReadAllText(TestPaths.CleanSeed)).Document, all[1]);
        Assert.Same(all[1], GeneratorHarness.Find(digestsType, "hot-papers-2021-06-21"));
        // The build task's index section: a paper found by ID in the real pack, its digest not decoded by the lookup.
        var found = ((DigestCollection)all).Index.FindPaper("2106.10155v1");
        Assert.Equal((1, 10359L), (Assert.Single(found!.Appearances).Rank, found.Appearances[0].Score));
        Assert.Equal("hot-papers-2021-06-21", found.Appearances[0].Digest.Slug);

        // Edit one digest: its blob is rewritten and repacked, the other blobs are left alone.
        var before = written.Select(File.GetLastWriteTimeUtc).ToArray();
        var edited = Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md");
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("# 1. World-GAN:", "# 1. World-GAN (edited):", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(edited, before.Max().AddSeconds(5));
        build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var cleanBlob = Array.FindIndex(written, f => Path.GetFileName(f).StartsWith("2021_06_21", StringComparison.Ordinal));
        Assert.True(cleanBlob >= 0, string.Join(", ", written));
        for (var i = 0; i < written.Length; i++)
        {
            var changed = File.GetLastWriteTimeUtc(written[i]) != before[i];
            Assert.True(changed == (i == cleanBlob), Path.GetFileName(written[i]) + (changed ? " was rewritten" : " was not rewritten"));
        }

        Assert.Equal("World-GAN (edited): a Generative Model for Minecraft Worlds", Packed(packFile, Path.GetFileNameWithoutExtension(written[cleanBlob])).Papers[0].Title);

        // Remove a digest: the pack no longer holds it (nothing stale is embedded).
        File.Delete(Path.Combine(dir, "digests", "2021-05-07---Hot-Papers.md"));
        build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal([Path.GetFileNameWithoutExtension(written[cleanBlob])], PackedKeys(packFile));
    }

    /// <summary>The keys of a pack, in its order (binary: magic, count, index offset and length, six int32s per digest, then the keys).</summary>
    private static string[] PackedKeys(string packFile)
    {
        var pack = File.ReadAllBytes(packFile);
        Assert.Equal("DKP5"u8.ToArray(), pack[..4]);
        var keys = new string[BitConverter.ToInt32(pack, 4)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = System.Text.Encoding.UTF8.GetString(pack, BitConverter.ToInt32(pack, 16 + (i * 24)), BitConverter.ToInt32(pack, 20 + (i * 24)));
        }

        return keys;
    }

    private static Digest Packed(string packFile, string key)
    {
        var slot = Array.IndexOf(PackedKeys(packFile), key);
        Assert.True(slot >= 0, key + " is not in the pack");
        var pack = DigestKit.Data.DigestPack.Read(DigestKit.Data.DigestData.Pin(File.ReadAllBytes(packFile)));
        var bytes = System.Text.Encoding.UTF8.GetBytes(key);
        unsafe
        {
            fixed (byte* p = bytes)
            {
                Assert.True(pack.TryFind(slot, p, bytes.Length, out var range));
                return pack.Decode(range);
            }
        }
    }

    private string CreateConsumer()
    {
        var dir = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(Path.Combine(dir, "digests"));
        // Stop MSBuild's upward search for Directory.Build.* and central package files at the temporary root.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />");

        var bin = AppContext.BaseDirectory;
        var analyzers = string.Concat(AnalyzerAssemblies.Select(a => $"    <Analyzer Include=\"{Path.Combine(bin, a)}\" />\n"));
        var buildTransitive = Path.Combine(TestPaths.RepoRoot, "src", "DigestKit", "buildTransitive");
        var task = Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Tasks", "bin", Configuration, "netstandard2.0", "DigestKit.Tasks.dll");
        Assert.True(File.Exists(task), "the build task is not built: " + task);
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(buildTransitive, "DigestKit.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Consumer</RootNamespace>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <DigestKitContent>$(MSBuildProjectDirectory)/digests/*.md</DigestKitContent>
                <DigestKitTasksAssembly>{task}</DigestKitTasksAssembly>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Path.Combine(bin, "DigestKit.dll")}" />
            {analyzers}  </ItemGroup>
              <Import Project="{Path.Combine(buildTransitive, "DigestKit.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "namespace Consumer { public static class Program { public static void Main() { } } }\n");
        File.Copy(TestPaths.CleanSeed, Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md"));
        File.Copy(TestPaths.MisEncodedSeed, Path.Combine(dir, "digests", "2021-05-07---Hot-Papers.md"));
        // No front matter and an incomplete paper: errors (DK1001, DK2005…), lowered to warnings so the build
        // succeeds; the engine's verdict is unchanged, so nothing of it is embedded.
        File.WriteAllText(Path.Combine(dir, "digests", "broken.md"), "# 1. A paper with no front matter\n");
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.md]\ndotnet_analyzer_diagnostic.severity = warning\n");
        return dir;
    }

    private static (int ExitCode, string Output) Build(string dir)
    {
        var result = DotnetCommand.Build(dir, "Consumer.csproj");
        return (result.ExitCode, result.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
