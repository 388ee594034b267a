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
        var written = Blobs(blobs);
        Assert.Equal(3, written.Length);
        // The digest whose errors were lowered to warnings is embedded too (nothing blocks it): every blob has data.
        Assert.All(written, f => Assert.True(new FileInfo(f).Length > 0, f));
        var packFile = Path.Combine(blobs, DigestResources.PackFileName);
        Assert.Equal(written.Select(KeyOf).Order(StringComparer.Ordinal), PackedKeys(packFile));

        var assembly = Assembly.LoadFile(Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll"));
        Assert.Equal([DigestResources.PackResourceName], assembly.GetManifestResourceNames());
        var digestsType = assembly.GetType("Consumer.Digests")!;
        Assert.DoesNotContain(digestsType.GetNestedTypes(BindingFlags.NonPublic), t => t.Name.StartsWith("__Digest_", StringComparison.Ordinal));
        Assert.Null(digestsType.GetMethod("__Create", BindingFlags.NonPublic | BindingFlags.Static));

        var all = GeneratorHarness.All(digestsType);
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21", ""], all.Select(d => d.Slug));
        ReadBackTests.AssertSame(DigestEngine.Analyze(TestPaths.MisEncodedSeed, File.ReadAllText(TestPaths.MisEncodedSeed)).Document, all[0]);
        ReadBackTests.AssertSame(DigestEngine.Analyze(TestPaths.CleanSeed, File.ReadAllText(TestPaths.CleanSeed)).Document, all[1]);
        // The lowered digest: the fields in error are empty or at their default, the rest is there.
        Assert.Equal(("Lowered", "A paper with its lines missing", 0, 0L), (all[2].Title, Assert.Single(all[2].Papers).Title, all[2].Papers[0].Authors.Count, all[2].Papers[0].Score));
        Assert.Same(all[1], GeneratorHarness.Find(digestsType, "hot-papers-2021-06-21"));
        // The build task's index section: a paper found by ID in the real pack, its digest not decoded by the lookup.
        var found = ((DigestCollection)all).Index.FindPaper("2106.10155v1");
        Assert.Equal((1, 10359L), (Assert.Single(found!.Appearances).Rank, found.Appearances[0].Score));
        Assert.Equal("hot-papers-2021-06-21", found.Appearances[0].Digest.Slug);

        // Edit one digest and put its timestamp back (touch -r, cp -p): its content stamp says it changed, so its blob
        // is rewritten and repacked, and the other blobs are left alone.
        var before = written.ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var edited = Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md");
        var mtime = File.GetLastWriteTimeUtc(edited);
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("# 1. World-GAN:", "# 1. World-GAN (edited):", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(edited, mtime);
        build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var rewritten = Blobs(blobs);
        var editedKey = KeyOf(Assert.Single(written, f => Path.GetFileName(f).StartsWith("2021_06_21", StringComparison.Ordinal)));
        Assert.Equal(written.Select(KeyOf), rewritten.Select(KeyOf));
        foreach (var blob in rewritten)
        {
            var unchanged = before.TryGetValue(blob, out var time) && time == File.GetLastWriteTimeUtc(blob);
            Assert.True(unchanged == (KeyOf(blob) != editedKey), Path.GetFileName(blob) + (unchanged ? " was not rewritten" : " was rewritten"));
        }

        Assert.Equal("World-GAN (edited): a Generative Model for Minecraft Worlds", Packed(packFile, editedKey).Papers[0].Title);

        // Remove a digest: the pack no longer holds it (nothing stale is embedded).
        File.Delete(Path.Combine(dir, "digests", "2021-05-07---Hot-Papers.md"));
        build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(Blobs(blobs).Select(KeyOf).Where(k => !k.StartsWith("2021_05_07", StringComparison.Ordinal)), PackedKeys(packFile));
        Assert.Equal(2, PackedKeys(packFile).Length);
    }

    /// <summary>
    /// Two digests' contents swapped with their timestamps kept (cp -p): timestamps alone would keep both stale blobs,
    /// and the two entries would share a slug. The content hashes rewrite both, and each key holds its new content.
    /// </summary>
    [Fact]
    public void Swapping_two_digests_with_their_timestamps_kept_embeds_both_new_contents()
    {
        var dir = CreateConsumer();
        var build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);

        var a = Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md");
        var b = Path.Combine(dir, "digests", "2021-05-07---Hot-Papers.md");
        var (textA, textB, timeA, timeB) = (File.ReadAllBytes(a), File.ReadAllBytes(b), File.GetLastWriteTimeUtc(a), File.GetLastWriteTimeUtc(b));
        File.WriteAllBytes(a, textB);
        File.WriteAllBytes(b, textA);
        File.SetLastWriteTimeUtc(a, timeA);
        File.SetLastWriteTimeUtc(b, timeB);
        build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);

        var packFile = Path.Combine(dir, "obj", "Debug", "net10.0", "digestkit", DigestResources.PackFileName);
        Assert.Equal("hot-papers-2021-05-07", Packed(packFile, DigestResources.Key("digests/2021-06-21---Hot-Papers.md")).Slug);
        Assert.Equal("hot-papers-2021-06-21", Packed(packFile, DigestResources.Key("digests/2021-05-07---Hot-Papers.md")).Slug);
        var digestsType = Assembly.LoadFile(Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll")).GetType("Consumer.Digests")!;
        var slugs = GeneratorHarness.All(digestsType).Select(d => d.Slug).ToArray();
        Assert.Equal(["hot-papers-2021-05-07", "hot-papers-2021-06-21", ""], slugs);
        Assert.Equal("digests/2021-06-21---Hot-Papers.md", GeneratorHarness.Find(digestsType, "hot-papers-2021-05-07")!.SourcePath);
    }

    /// <summary>
    /// The build's verdicts on what it cannot embed, in one failing build then a green one: a digest with no front
    /// matter whose DK1001 was lowered gets DK9005, which the configuration does not lower, and user code reading its
    /// property compiles (no CS0117); file names with a line break or a backslash get DK9007 and nothing else; a
    /// README.md left out by DigestKitExclude gets nothing; a name with a space, '#', ';', '%', a quote and non-ASCII
    /// letters builds and is embedded. Then a DigestKitContent that matches nothing warns DK9006.
    /// </summary>
    [Fact]
    public void What_cannot_be_embedded_fails_with_dk_errors_only_and_odd_names_build()
    {
        var dir = CreateConsumer();
        var digests = Path.Combine(dir, "digests");
        File.WriteAllText(Path.Combine(digests, "README.md"), "# About these digests\n");
        File.WriteAllText(Path.Combine(digests, "broken.md"), "# 1. A paper with no front matter\n");
        File.Copy(TestPaths.CleanSeed, Path.Combine(digests, "new\nline.md"));
        File.Copy(TestPaths.CleanSeed, Path.Combine(digests, "back\\slash.md"));
        const string OddName = "odd name #1; 100% o'k ünïcödé.md";
        File.WriteAllText(Path.Combine(digests, OddName), File.ReadAllText(TestPaths.CleanSeed).Replace("hot-papers-2021-06-21", "hot-papers-odd", StringComparison.Ordinal));
        var program = Path.Combine(dir, "Program.cs");
        File.WriteAllText(program, "namespace Consumer { public static class Program { public static void Main() { System.Console.WriteLine(Digests.Broken.Title); } } }\n");

        var build = Build(dir);
        Assert.NotEqual(0, build.ExitCode);
        var errors = new System.Text.RegularExpressions.Regex(@"^(?<file>.*?)(\(\d+,\d+\))? ?: error (?<id>[A-Z]+\d+): ", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Matches(build.Output).Select(m => (Path.GetFileName(m.Groups["file"].Value.Trim()), m.Groups["id"].Value)).Distinct().Order().ToArray();
        Assert.True(
            errors.SequenceEqual([("broken.md", DigestRules.NotEmbedded.Id), ("new[LF]line.md", DigestRules.UnusableFileName.Id), ("slash.md", DigestRules.UnusableFileName.Id)]),
            string.Join(", ", errors) + "\n" + build.Output);
        Assert.Contains("error " + DigestRules.NotEmbedded.Id + ": " + DigestRules.NotEmbedded.FormatMessage(DigestRules.FrontMatterMissing.Id, "warning"), build.Output, StringComparison.Ordinal);
        Assert.Contains("cannot be built: its name holds a line break", build.Output, StringComparison.Ordinal);
        Assert.Contains("back/slash.md' cannot be built: no such file, or its name holds a backslash", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md", build.Output, StringComparison.Ordinal);

        // Mend it: the rest builds green, README.md still left out, the odd name embedded.
        File.Delete(Path.Combine(digests, "broken.md"));
        File.Delete(Path.Combine(digests, "new\nline.md"));
        File.Delete(Path.Combine(digests, "back\\slash.md"));
        File.WriteAllText(program, "namespace Consumer { public static class Program { public static void Main() { } } }\n");
        build = Build(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var digestsType = Assembly.LoadFile(Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll")).GetType("Consumer.Digests")!;
        Assert.Equal("digests/" + OddName, GeneratorHarness.Find(digestsType, "hot-papers-odd")!.SourcePath);
        Assert.Equal(4, GeneratorHarness.All(digestsType).Count);

        build = Build(dir, "-p:DigestKitContent=" + Path.Combine(dir, "nothing-here", "*.md"));
        Assert.Contains("warning " + DigestRules.ContentMatchesNothing.Id + ": " + DigestRules.ContentMatchesNothing.FormatMessage(Path.Combine(dir, "nothing-here", "*.md")), build.Output, StringComparison.Ordinal);
    }

    /// <summary>The digests' blobs (<c>KEY.dk2</c>), in ordinal order.</summary>
    private static string[] Blobs(string directory) =>
        Directory.GetFiles(directory, "*.dk2").Order(StringComparer.Ordinal).ToArray();

    private static string KeyOf(string blob) => Path.GetFileName(blob).Split('.')[0];

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
                <DigestKitExclude>digests/README.md</DigestKitExclude>
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
        // Missing front matter keys and an incomplete paper: errors (DK1004, DK2005…) that do not block embedding,
        // lowered to warnings so the build succeeds; the digest is embedded with those fields empty.
        File.WriteAllText(Path.Combine(dir, "digests", "lowered.md"), "---\ntitle: Lowered\n---\n# 1. A paper with its lines missing\n");
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.md]\ndotnet_analyzer_diagnostic.severity = warning\n");
        return dir;
    }

    private static (int ExitCode, string Output) Build(string dir, params string[] arguments)
    {
        var result = DotnetCommand.Build(dir, "Consumer.csproj", arguments);
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
