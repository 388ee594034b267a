using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigestKit.EndToEnd.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.EndToEnd.Tests;

/// <summary>What the packed .nupkg files hold: layout, dependencies, metadata, and the assembly references that
/// decide whether the analyzer loads in .NET Framework hosts (Visual Studio, msbuild.exe).</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageContentTests(PackedFeed feed)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";
    private const string TasksFolder = "tasks/netstandard2.0/";

    /// <summary>
    /// The highest assembly versions a .NET Framework host of Roslyn 4.8 (Visual Studio 17.8, msbuild.exe 17.8) binds:
    /// it loads its own copies and cannot load an analyzer that references newer ones.
    /// System.Memory 4.5.5 is assembly version 4.0.1.2 (System.Memory 4.6 would be 4.0.2.0, as Markdig 1.x needs).
    /// </summary>
    private static readonly Dictionary<string, Version> HostAssemblyCeilings = new()
    {
        ["System.Memory"] = new Version(4, 0, 1, 2),
        ["System.Collections.Immutable"] = new Version(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new Version(7, 0, 0, 0),
        ["System.Runtime.CompilerServices.Unsafe"] = new Version(6, 0, 0, 0),
        ["System.Buffers"] = new Version(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new Version(4, 1, 4, 0),
        ["System.Threading.Tasks.Extensions"] = new Version(4, 2, 0, 1),
        ["Microsoft.CodeAnalysis"] = new Version(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new Version(4, 8, 0, 0),
        // The code fixes are built against Workspaces 4.5 (Directory.Packages.props), below the analyzer's 4.8.
        ["Microsoft.CodeAnalysis.Workspaces"] = new Version(4, 5, 0, 0),
        // Workspaces 4.5 asks for System.Composition 6.0, which the registry lacks (NuGet resolves 9.0); Visual Studio
        // 17.x ships 7.0. The code fixes must not bind to anything newer, so they use no System.Composition type directly.
        ["System.Composition.AttributedModel"] = new Version(7, 0, 0, 0),
    };

    [Fact]
    public void The_library_package_holds_the_runtime_library_the_analyzer_assemblies_the_build_task_and_the_build_files()
    {
        var entries = PackageFiles(feed.LibraryPackage);
        var listing = string.Join("\n", entries);

        Assert.True(
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).SequenceEqual(["lib/netstandard2.0/DigestKit.dll", "lib/netstandard2.0/DigestKit.xml"]),
            "lib/ must hold the runtime types only:\n" + listing);
        Assert.True(
            entries.Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).SequenceEqual(
                new[] { "DigestKit.Analyzers.dll", "DigestKit.CodeFixes.dll", "DigestKit.Engine.dll", "Markdig.dll", "YamlDotNet.dll" }.Select(f => AnalyzerFolder + f)),
            "analyzers/dotnet/cs must hold the generator/analyzer, the code fixes and their three dependencies, and nothing the host provides:\n" + listing);
        Assert.True(
            entries.Where(e => e.StartsWith(TasksFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).SequenceEqual(
                new[] { "DigestKit.Engine.dll", "DigestKit.Tasks.dll", "Markdig.dll", "YamlDotNet.dll" }.Select(f => TasksFolder + f)),
            "tasks/netstandard2.0 must hold the build task and its three dependencies, and nothing MSBuild provides:\n" + listing);
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/", StringComparison.Ordinal) && !e.StartsWith(TasksFolder, StringComparison.Ordinal));
        Assert.Contains("buildTransitive/DigestKit.props", entries);
        Assert.Contains("buildTransitive/DigestKit.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && !e.StartsWith(AnalyzerFolder, StringComparison.Ordinal));
    }

    [Fact]
    public void The_library_package_depends_on_nothing_so_no_engine_assembly_reaches_a_consumers_references()
    {
        var metadata = Nuspec(feed.LibraryPackage);
        var dependencies = metadata.Descendants(metadata.Name.Namespace + "dependency").Select(d => (string?)d.Attribute("id")).ToList();
        Assert.True(dependencies.Count == 0, "the package depends on: " + string.Join(", ", dependencies));
    }

    [Fact]
    public void Both_packages_carry_the_metadata_users_expect_and_the_one_version()
    {
        foreach (var (package, id) in new[] { (feed.LibraryPackage, PackedFeed.LibraryId), (feed.ToolPackage, PackedFeed.ToolId) })
        {
            var metadata = Nuspec(package);
            string? Value(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;
            var xml = metadata.ToString();

            Assert.Equal(id, Value("id"));
            Assert.Equal(PackedFeed.Version, Value("version"));
            Assert.False(string.IsNullOrWhiteSpace(Value("description")), xml);
            Assert.False(string.IsNullOrWhiteSpace(Value("tags")), xml);
            Assert.False(string.IsNullOrWhiteSpace(Value("projectUrl")), xml);
            Assert.Equal("README.md", Value("readme"));
            Assert.Contains("README.md", PackageFiles(package));
            var license = metadata.Element(metadata.Name.Namespace + "license");
            Assert.True(license is not null && (string?)license.Attribute("type") == "expression" && license.Value == "MIT", xml);
            var repository = metadata.Element(metadata.Name.Namespace + "repository");
            Assert.True(repository is not null && (string?)repository.Attribute("type") == "git" && ((string?)repository.Attribute("url"))?.StartsWith("https://", StringComparison.Ordinal) == true, xml);
        }
    }

    [Fact]
    public void The_tool_package_is_a_dotnet_tool_pointing_to_the_native_package_and_the_framework_dependent_fallback()
    {
        // What users install: no code, the command's name and one package per RID; `any` is the fallback.
        var metadata = Nuspec(feed.ToolPackage);
        Assert.Equal(["DotnetTool"], PackageTypes(metadata));
        Assert.Equal(["README.md", "icon.png", "tools/any/any/DotnetToolSettings.xml"], PackageFiles(feed.ToolPackage));
        var pointer = ToolSettings(feed.ToolPackage, "tools/any/any/DotnetToolSettings.xml");
        Assert.Equal("digestkit", (string?)pointer.Descendants("Command").Single().Attribute("Name"));
        Assert.Equal(
            [(PackedFeed.NativeRid, $"{PackedFeed.ToolId}.{PackedFeed.NativeRid}"), ("any", $"{PackedFeed.ToolId}.any")],
            pointer.Descendants("RuntimeIdentifierPackage").Select(p => ((string?)p.Attribute("RuntimeIdentifier"), (string?)p.Attribute("Id"))));

        // The fallback: the portable assemblies, run by `dotnet`.
        Assert.Equal(["DotnetToolRidPackage"], PackageTypes(Nuspec(feed.FrameworkDependentToolPackage)));
        var fallback = ToolSettings(feed.FrameworkDependentToolPackage, "tools/net10.0/any/DotnetToolSettings.xml").Descendants("Command").Single();
        Assert.Equal(("digestkit", "digestkit.dll", "dotnet"), ((string?)fallback.Attribute("Name"), (string?)fallback.Attribute("EntryPoint"), (string?)fallback.Attribute("Runner")));
        Assert.Contains("tools/net10.0/any/digestkit.dll", PackageFiles(feed.FrameworkDependentToolPackage));

        if (!PackedFeed.PacksNative)
        {
            return;
        }

        // The native package: one ELF executable and its settings, no assembly and no debug symbols.
        Assert.Equal(["DotnetToolRidPackage"], PackageTypes(Nuspec(feed.NativeToolPackage)));
        var folder = $"tools/any/{PackedFeed.NativeRid}/";
        Assert.Equal(["README.md", "icon.png", folder + "DotnetToolSettings.xml", folder + "digestkit"], PackageFiles(feed.NativeToolPackage));
        var native = ToolSettings(feed.NativeToolPackage, folder + "DotnetToolSettings.xml").Descendants("Command").Single();
        Assert.Equal(("digestkit", "digestkit", "executable"), ((string?)native.Attribute("Name"), (string?)native.Attribute("EntryPoint"), (string?)native.Attribute("Runner")));
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], Entry(feed.NativeToolPackage, folder + "digestkit")[..4]);
    }

    private static List<string?> PackageTypes(XElement metadata) =>
        metadata.Descendants(metadata.Name.Namespace + "packageType").Select(t => (string?)t.Attribute("name")).ToList();

    private static XDocument ToolSettings(string package, string entry)
    {
        using var stream = new MemoryStream(Entry(package, entry));
        return XDocument.Load(stream);
    }

    [Fact]
    public void Every_analyzer_assembly_is_netstandard_and_references_nothing_newer_than_a_Roslyn_4_8_host_loads()
    {
        using var package = ZipFile.OpenRead(feed.LibraryPackage);
        var problems = new List<string>();
        var analyzers = package.Entries.Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(analyzers);
        foreach (var entry in analyzers)
        {
            var references = AssemblyReferences(entry);
            var name = entry.Name;
            if (!references.ContainsKey("netstandard"))
            {
                problems.Add($"{name} is not built for netstandard (it references {string.Join(", ", references.Keys)})");
            }

            foreach (var (reference, version) in references)
            {
                if (HostAssemblyCeilings.TryGetValue(reference, out var ceiling) && version > ceiling)
                {
                    problems.Add($"{name} references {reference} {version}, newer than {ceiling}");
                }
            }

            if (name == "DigestKit.Analyzers.dll" && !references.ContainsKey("Microsoft.CodeAnalysis"))
            {
                problems.Add("DigestKit.Analyzers.dll does not reference Microsoft.CodeAnalysis: this test no longer looks at the right assembly");
            }

            if (name == "DigestKit.CodeFixes.dll" && !references.ContainsKey("Microsoft.CodeAnalysis.Workspaces"))
            {
                problems.Add("DigestKit.CodeFixes.dll does not reference Microsoft.CodeAnalysis.Workspaces: this test no longer looks at the right assembly");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Both_packages_have_the_icon_the_changelog_section_as_release_notes_and_their_own_readme()
    {
        var changelog = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "CHANGELOG.md")).ReplaceLineEndings("\n");
        var section = Regex.Match(changelog, $@"(?ms)^## {Regex.Escape(PackedFeed.Version)}\s*$.*?(?=^## |\z)").Value.Trim();
        Assert.StartsWith($"## {PackedFeed.Version}\n", section, StringComparison.Ordinal);
        var readmes = new List<string>();
        foreach (var (package, project) in new[] { (feed.LibraryPackage, "DigestKit"), (feed.ToolPackage, "DigestKit.Cli") })
        {
            var metadata = Nuspec(package);
            Assert.Equal("icon.png", metadata.Element(metadata.Name.Namespace + "icon")?.Value);
            var icon = Entry(package, "icon.png");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], icon[..4]);
            Assert.Equal((128, 128), (BinaryPrimitives.ReadInt32BigEndian(icon.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(icon.AsSpan(20))));
            Assert.Equal(section, metadata.Element(metadata.Name.Namespace + "releaseNotes")?.Value.ReplaceLineEndings("\n"));

            // Written for the package's user: its own file, no repository scripts, no links that only work in the repository.
            var readme = Encoding.UTF8.GetString(Entry(package, "README.md"));
            Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", project, "README.md")), readme);
            Assert.StartsWith($"# {project}\n", readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain("test.sh", readme, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\]\((?!https?://)", readme);
            readmes.Add(readme);
        }

        Assert.NotEqual(readmes[0], readmes[1]);
    }

    [Fact]
    public void The_assemblies_carry_their_symbols_with_repository_relative_paths_and_source_link()
    {
        var checkedAssemblies = new List<string>();
        foreach (var (package, assembly) in new[] { (feed.LibraryPackage, "lib/netstandard2.0/DigestKit.dll"), (feed.LibraryPackage, "analyzers/dotnet/cs/DigestKit.Engine.dll"), (feed.FrameworkDependentToolPackage, "tools/net10.0/any/digestkit.dll") })
        {
            using var pe = new PEReader(new MemoryStream(Entry(package, assembly)));
            var embedded = pe.ReadDebugDirectory().Where(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
            Assert.True(embedded.Count == 1, assembly + " has no embedded PDB");
            using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
            var pdb = provider.GetMetadataReader();
            var documents = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToList();
            Assert.NotEmpty(documents);

            // ContinuousIntegrationBuild maps the clone's folder to /_/ (and an intermediate folder outside it to /_1/):
            // no local path in a package.
            Assert.All(documents, d => Assert.Matches("^/_[0-9]*/", d));
            Assert.Contains(documents, d => d.StartsWith("/_/src/", StringComparison.Ordinal));
            var sourceLink = pdb.CustomDebugInformation
                .Select(h => pdb.GetCustomDebugInformation(h))
                .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind)
                .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
                .SingleOrDefault();
            Assert.True(sourceLink is not null, assembly + " has no SourceLink");
            Assert.Matches(@"""/_/\*"": ?""https://raw\.githubusercontent\.com/[^""]+/[0-9a-f]{40}/\*""", sourceLink);
            checkedAssemblies.Add(assembly);
        }

        var metadata = Nuspec(feed.LibraryPackage);
        Assert.Matches("^[0-9a-f]{40}$", (string?)metadata.Element(metadata.Name.Namespace + "repository")?.Attribute("commit") ?? string.Empty);
    }

    [Fact]
    public void The_tool_rolls_forward_to_a_later_major_runtime()
    {
        using var json = JsonDocument.Parse(Entry(feed.FrameworkDependentToolPackage, "tools/net10.0/any/digestkit.runtimeconfig.json"));
        Assert.Equal("Major", json.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString());
    }

    [Fact]
    public void Packing_the_same_sources_again_elsewhere_gives_byte_identical_packages()
    {
        var again = feed.PackAgain();
        // The native package is not packed again (PackedFeed.PackAgain): one Native AOT compile per run.
        foreach (var package in new[] { feed.LibraryPackage, feed.ToolPackage, feed.FrameworkDependentToolPackage })
        {
            var other = Path.Combine(again, Path.GetFileName(package));
            var (first, second) = (File.ReadAllBytes(package), File.ReadAllBytes(other));
            if (!first.AsSpan().SequenceEqual(second))
            {
                using var a = ZipFile.OpenRead(package);
                using var b = ZipFile.OpenRead(other);
                var differing = a.Entries.Select(e => e.FullName)
                    .Where(name => b.GetEntry(name) is not { } entry || entry.LastWriteTime != a.GetEntry(name)!.LastWriteTime || !Read(entry).SequenceEqual(Read(a.GetEntry(name)!)))
                    .ToList();
                Assert.Fail($"{Path.GetFileName(package)} differs between two packs; entries: {string.Join(", ", differing)}");
            }
        }
    }

    /// <summary>The SourceLink custom debug information kind of portable PDBs.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Entry(string package, string name)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{Path.GetFileName(package)} has no {name}: " + string.Join(", ", zip.Entries.Select(e => e.FullName)));
        return Read(entry);
    }

    private static Dictionary<string, Version> AssemblyReferences(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .ToDictionary(reference => reader.GetString(reference.Name), reference => reference.Version);
    }

    private static List<string> PackageFiles(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName)
            .Where(e => !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal) && e != "[Content_Types].xml" && !e.EndsWith(".nuspec", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return metadata;
    }
}
