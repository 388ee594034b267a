using System.Diagnostics;
using System.Text.Json;
using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The shared props/targets, evaluated by MSBuild for a throwaway consumer project (evaluation only, no build):
/// the default content glob, a project override, a command-line override, and the compiler-visible names.
/// </summary>
public sealed class PropsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("digestkit-props-").FullName;

    public PropsTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "content", "2021"));
        Directory.CreateDirectory(Path.Combine(_dir, "other"));
        File.WriteAllText(Path.Combine(_dir, "content", "2021", "a.md"), "");
        File.WriteAllText(Path.Combine(_dir, "content", "b.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "other", "c.md"), "");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Consumer(string body = "")
    {
        var build = Path.Combine(TestPaths.RepoRoot, "src", "DigestKit", "buildTransitive");
        var project = Path.Combine(_dir, "Consumer.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}/DigestKit.props" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework>{body}</PropertyGroup>
              <Import Project="{build}/DigestKit.targets" />
            </Project>
            """);
        return project;
    }

    private static JsonElement Evaluate(string project, params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(project)! };
        foreach (var arg in new[] { "msbuild", project, "-getItem:AdditionalFiles", "-getItem:CompilerVisibleProperty", "-getItem:CompilerVisibleItemMetadata" }
                     .Concat(properties.Select(p => "-p:" + p)))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output + error);
        return JsonDocument.Parse(output).RootElement.GetProperty("Items").Clone();
    }

    private static List<string> Digests(JsonElement items) =>
        [.. items.GetProperty("AdditionalFiles").EnumerateArray()
            .Where(i => i.GetProperty("DigestKitDigest").GetString() == "true")
            .Select(i => Path.GetFileName(i.GetProperty("Identity").GetString()!))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void By_default_content_md_files_under_the_project_are_digests_and_the_options_are_compiler_visible()
    {
        var items = Evaluate(Consumer());
        Assert.Equal(["a.md"], Digests(items));
        var visible = items.GetProperty("CompilerVisibleProperty").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()).ToList();
        Assert.Contains("DigestKitNamespace", visible);
        Assert.Contains("RootNamespace", visible);
        Assert.Contains("MSBuildProjectDirectory", visible);
        var metadata = Assert.Single(items.GetProperty("CompilerVisibleItemMetadata").EnumerateArray(), i => i.GetProperty("Identity").GetString() == "AdditionalFiles");
        Assert.Equal("DigestKitDigest", metadata.GetProperty("MetadataName").GetString());
    }

    [Fact]
    public void DigestKitContent_on_the_command_line_wins()
    {
        var project = Consumer("<DigestKitContent>content/**/*.txt</DigestKitContent>");
        Assert.Equal(["c.md"], Digests(Evaluate(project, "DigestKitContent=" + Path.Combine(_dir, "other") + "/*.md")));
    }

    [Fact]
    public void DigestKitContent_set_in_the_project_body_wins_over_the_default()
    {
        Assert.Equal(["b.txt"], Digests(Evaluate(Consumer("<DigestKitContent>content/**/*.txt</DigestKitContent>"))));
    }
}
