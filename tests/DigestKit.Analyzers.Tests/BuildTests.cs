using System.Text.Json;
using System.Text.RegularExpressions;
using DigestKit.Tests;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// The analyzer in a real <c>dotnet build</c> of a consumer project, as CI runs it. The consumer is laid out like a
/// project using the DigestKit package: the runtime DigestKit.dll as a reference, the Roslyn assembly (generator
/// and analyzer) with the engine, YamlDotNet and Markdig as analyzers, and the repository's shared
/// buildTransitive props/targets imported around the project body. The assemblies built for these tests are copied
/// once into a temporary folder and shared by every consumer. Each build costs ~20 s, so there are three: broken,
/// fixed, and warnings raised to errors by .editorconfig.
/// </summary>
public sealed class BuildFixture : IDisposable
{
    public static readonly string[] AnalyzerAssemblies = { "DigestKit.Analyzers.dll", "DigestKit.Engine.dll", "YamlDotNet.dll", "Markdig.dll" };

    public BuildFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "digestkit-build-tests-" + Guid.NewGuid().ToString("N"));
        AnalyzerDir = Path.Combine(Root, "analyzer");
        Directory.CreateDirectory(AnalyzerDir);
        foreach (var name in AnalyzerAssemblies.Append("DigestKit.dll"))
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, name), Path.Combine(AnalyzerDir, name));
        }

        // Stop MSBuild's upward search for Directory.Build.* and central package files at the temporary root.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    public string Root { get; }

    public string AnalyzerDir { get; }

    /// <summary>
    /// A consumer project in a fresh folder with <paramref name="digest"/> as digests/2021-06-21---Hot-Papers.md, and
    /// <paramref name="content"/> (relative to the project) as its DigestKitContent.
    /// </summary>
    public string CreateConsumer(string name, string digest, string? editorConfig = null, string content = "digests/*.md")
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.Combine(dir, "digests"));
        var analyzers = string.Concat(AnalyzerAssemblies.Select(a => $"    <Analyzer Include=\"{Path.Combine(AnalyzerDir, a)}\" />\n"));
        var buildTransitive = Path.Combine(TestPaths.RepoRoot, "src", "DigestKit", "buildTransitive");
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(buildTransitive, "DigestKit.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <DigestKitContent>$(MSBuildProjectDirectory)/{content}</DigestKitContent>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Path.Combine(AnalyzerDir, "DigestKit.dll")}" />
            {analyzers}  </ItemGroup>
              <Import Project="{Path.Combine(buildTransitive, "DigestKit.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "public static class Program { }\n");
        File.WriteAllText(Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md"), digest);
        if (editorConfig != null)
        {
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), editorConfig);
        }

        return dir;
    }

    /// <summary>Runs <c>dotnet build</c> in <paramref name="dir"/> and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Build(string dir, params string[] arguments)
    {
        var result = DotnetCommand.Build(dir, "Consumer.csproj", arguments);
        return (result.ExitCode, result.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
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

public class BuildTests : IClassFixture<BuildFixture>
{
    private static readonly string Clean = File.ReadAllText(TestPaths.CleanSeed);
    private readonly BuildFixture _fixture;

    public BuildTests(BuildFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_broken_digest_fails_the_build_with_its_position_and_a_SARIF_log_then_passes_once_fixed()
    {
        // Missing 'template' (DK1004, error, on the opening '---') and a slug of another date (DK1008, warning, line 5).
        var broken = Clean.Replace("template: \"post\"\n", "").Replace("\"hot-papers-2021-06-21\"", "\"hot-papers-2021-06-12\"");
        var dir = _fixture.CreateConsumer("broken", broken);
        var sarif = Path.Combine(dir, "build.sarif");
        var (exitCode, output) = BuildFixture.Build(dir, "-p:ErrorLog=" + sarif);

        Assert.True(exitCode != 0, "the build passed:\n" + output);
        var digest = Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md");
        Assert.Matches(new Regex(Regex.Escape(digest) + @"\(1,1\): error DK1004: Front matter key 'template' is missing"), output);
        Assert.Matches(new Regex(Regex.Escape(digest) + @"\(5,7\): warning DK1008: Slug 'hot-papers-2021-06-12' does not match the title's date; write 'hot-papers-2021-06-21'"), output);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS8032", output); // "an instance of analyzer cannot be created"

        var results = SarifResults(sarif);
        Assert.Contains(results, r => r.RuleId == "DK1004" && r.Level == "error" && r.Uri.EndsWith("digests/2021-06-21---Hot-Papers.md", StringComparison.Ordinal) && r.Line == 1 && r.Column == 1);
        Assert.Contains(results, r => r.RuleId == "DK1008" && r.Level == "warning" && r.Line == 5 && r.Column == 7);

        // The same project once the digest is fixed.
        File.WriteAllText(digest, Clean);
        (exitCode, output) = BuildFixture.Build(dir, "--no-restore");
        Assert.True(exitCode == 0, "the fixed digest still fails:\n" + output);
        Assert.DoesNotMatch(new Regex(@": (error|warning) DK\d{4}"), output);
    }

    /// <summary>
    /// Literal mode (no build task): an edit that puts the file's timestamp back (touch -r, cp -p) still recompiles, because
    /// the digests' content hashes (obj/…/digestkit/content.hashes, rewritten only when one changes) are an input of the
    /// compile, so the assembly carries the new text.
    /// </summary>
    [Fact]
    public void An_edit_that_keeps_the_timestamp_is_compiled_in()
    {
        var dir = _fixture.CreateConsumer("kept-mtime", Clean);
        var (exitCode, output) = BuildFixture.Build(dir);
        Assert.True(exitCode == 0, output);
        var assembly = Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll");
        const string Edited = "World-GAN, edited under a kept timestamp:";
        Assert.False(Contains(File.ReadAllBytes(assembly), Edited));

        var digest = Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md");
        var mtime = File.GetLastWriteTimeUtc(digest);
        File.WriteAllText(digest, Clean.Replace("World-GAN:", Edited, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(digest, mtime);
        (exitCode, output) = BuildFixture.Build(dir, "--no-restore");
        Assert.True(exitCode == 0, output);
        Assert.True(Contains(File.ReadAllBytes(assembly), Edited), "the assembly still holds the old text:\n" + output);
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public void An_editorconfig_raising_a_warning_to_an_error_fails_the_build()
    {
        // An unknown key (DK1005) and a form feed (DK5005) are only warnings ...
        var digest = Clean.Replace("socialImage:", "author: \"me\"\nsocialImage:").Replace("This work introduces World-GAN", "This work\fintroduces World-GAN");
        var editorConfig = "root = true\n\n[*.md]\ndigestkit_diagnostic.DK1005.severity = error\ndotnet_analyzer_diagnostic.category-DigestKit.Encoding.severity = error\n";
        var dir = _fixture.CreateConsumer("editorconfig", digest, editorConfig);
        var (exitCode, output) = BuildFixture.Build(dir);

        // ... which the .editorconfig section for the digests makes errors, per ID and per category.
        Assert.True(exitCode != 0, "the build passed:\n" + output);
        var path = Regex.Escape(Path.Combine(dir, "digests", "2021-06-21---Hot-Papers.md"));
        Assert.Matches(new Regex(path + @"\(14,1\): error DK1005: Front matter key 'author' is not one of"), output);
        Assert.Matches(new Regex(path + @"\(28,10\): error DK5005: The text holds the control character U\+000C \(FORM FEED\) in the abstract of paper 1"), output);
    }

    private static List<(string RuleId, string Level, string Uri, int Line, int Column)> SarifResults(string path)
    {
        Assert.True(File.Exists(path), "no SARIF log at " + path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<(string, string, string, int, int)>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                // Results without a location (e.g. other analyzers' project-wide notes) are not about a digest.
                // SARIF 1.0 (the compiler's default) says locations[].resultFile, 2.1 locations[].physicalLocation.
                if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    continue;
                }

                string? uri = null;
                if (locations[0].TryGetProperty("resultFile", out var location) && location.TryGetProperty("uri", out var v1Uri))
                {
                    uri = v1Uri.GetString();
                }
                else if (locations[0].TryGetProperty("physicalLocation", out location) && location.TryGetProperty("artifactLocation", out var artifact))
                {
                    uri = artifact.GetProperty("uri").GetString();
                }

                if (uri is null || !location.TryGetProperty("region", out var region))
                {
                    continue;
                }

                results.Add((
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    uri,
                    region.GetProperty("startLine").GetInt32(),
                    region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 1));
            }
        }

        return results;
    }
}
