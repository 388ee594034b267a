using System.Text.RegularExpressions;
using DigestKit.Tests;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// One verdict: a matrix of .editorconfig section globs, nested .editorconfig files (with and without
/// <c>root = true</c>) and a .globalconfig, over ~40 digests in one consumer project, through a real
/// <c>dotnet build</c> and through <c>digestkit check</c>. Every digest has one DK1005 (an unknown front matter key,
/// a warning by default); each case folder has its own root .editorconfig whose section raises it to an error for
/// the digests it matches. The case c12 digests also hold a form feed (DK5005), raised by the .globalconfig.
/// The sections are matched as the compiler matches them: <c>[**/drafts/*.md]</c> needs a folder before drafts/. Both
/// hosts must give every digest the same severity for each (error, warning, or none) and the same exit code; the
/// expected verdicts are spelled out too, so a change that breaks both hosts alike fails as well.
/// </summary>
public sealed class ConfigurationMatrixTests : IClassFixture<BuildFixture>
{
    private static readonly string Clean = File.ReadAllText(TestPaths.CleanSeed);

    /// <summary>Case folder, its .editorconfig (null: none), and each digest with its expected DK1005 verdict.</summary>
    private static readonly (string Folder, string? EditorConfig, (string File, string Verdict)[] Digests)[] Cases =
    [
        ("c01", "[*.md]", [("a.md", "error"), ("sub/b.md", "error")]),
        ("c02", "[**/drafts/*.md]", [("drafts/a.md", "warning"), ("x/drafts/b.md", "error"), ("x/drafts/y/c.md", "warning"), ("posts/d.md", "warning")]),
        ("c03", "[**.md]", [("a.md", "error"), ("x/y/b.md", "error")]),
        ("c04", "[drafts/**]", [("drafts/a.md", "error"), ("drafts/x/b.md", "error"), ("x/drafts/c.md", "warning")]),
        ("c05", "[{a,b}/*.md]", [("a/one.md", "error"), ("b/two.md", "error"), ("c/three.md", "warning"), ("a/x/four.md", "warning")]),
        ("c06", "[*.{md,markdown}]", [("a.md", "error")]),
        ("c07", "[content/[dp]*/*.md]", [("content/drafts/a.md", "error"), ("content/posts/b.md", "error"), ("content/x/c.md", "warning")]),
        ("c08", "[**/x?.md]", [("x1.md", "warning"), ("sub/xy.md", "error"), ("sub/x.md", "warning"), ("xyz.md", "warning")]),
        ("c09", "[post{1..3}.md]", [("post1.md", "error"), ("post3.md", "error"), ("post4.md", "warning"), ("post0.md", "warning")]),
        ("c10", "[[!a]*.md]", [("a1.md", "warning"), ("b1.md", "error")]),
        ("c11", "[*.md]", [("a.md", "error"), ("inner/b.md", "none"), ("rooted/c.md", "warning")]),
        ("c12", "[b.md]", [("a.md", "warning"), ("b.md", "error"), ("c.md", "warning")]),
        ("c13", null, [("a.md", "warning")]),
    ];

    private readonly BuildFixture _fixture;

    public ConfigurationMatrixTests(BuildFixture fixture) => _fixture = fixture;

    [Fact]
    public void Check_and_the_build_give_every_digest_the_same_severities()
    {
        var dir = _fixture.CreateConsumer("matrix", Clean, content: "content/**/*.md");
        var content = Path.Combine(dir, "content");
        var day = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, section, digests) in Cases)
        {
            if (section != null)
            {
                Write(content, folder + "/.editorconfig", $"root = true\n\n{section}\ndigestkit_diagnostic.DK1005.severity = error\n");
            }

            foreach (var (file, verdict) in digests)
            {
                // Distinct dates, so the digests' slugs differ and no cross-file rule relates them.
                var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var next = day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                day = day.AddDays(1);
                var text = Clean.Replace("2021-06-22T", next + "T").Replace("2021-06-21", date).Replace("socialImage:", "author: \"me\"\nsocialImage:");
                if (folder == "c12")
                {
                    text = text.Replace("This work introduces World-GAN", "This work\fintroduces World-GAN");
                }

                Write(content, folder + "/" + file, text);
                expected[$"{folder}/{file} DK1005"] = verdict;
                if (folder == "c12")
                {
                    // dotnet_diagnostic.ID.severity from a global config is applied by the compiler over what the
                    // analyzer reports (c.md: warning in its section); b.md's section says none, so the analyzer
                    // never reports it.
                    expected[$"{folder}/{file} DK5005"] = file == "b.md" ? "none" : "error";
                }
            }
        }

        // Nested files in c11: one without root (closer wins: none), one with root = true (the parent's section is not read).
        Write(content, "c11/inner/.editorconfig", "[*.md]\ndigestkit_diagnostic.DK1005.severity = none\n");
        Write(content, "c11/rooted/.editorconfig", "root = true\n\n[nothing.md]\ndigestkit_diagnostic.DK1005.severity = error\n");
        // c12: b.md's section turns DK5005 off, c.md's lowers it to a warning; the .globalconfig raises it to an error.
        File.AppendAllText(Path.Combine(content, "c12", ".editorconfig"),
            "digestkit_diagnostic.DK5005.severity = none\n\n[c.md]\ndigestkit_diagnostic.DK5005.severity = warning\n");
        File.WriteAllText(Path.Combine(dir, ".globalconfig"), "is_global = true\n\ndotnet_diagnostic.DK5005.severity = error\n");

        var (buildExit, buildOutput) = BuildFixture.Build(dir);
        var check = DotnetCommand.Dotnet(dir, CliDll, "check", "--format", "msbuild", "content");

        var fromBuild = Verdicts(buildOutput, content, new Regex(@"^\s*(?<path>/[^(\r\n]+)\(\d+,\d+\): (?<level>error|warning) (?<id>DK1005|DK5005):", RegexOptions.Multiline));
        var fromCheck = Verdicts(check.StdOut, content, new Regex(@"^(?<path>[^(\r\n]+)\(\d+,\d+,\d+,\d+\): (?<level>error|warning|info) (?<id>DK1005|DK5005):", RegexOptions.Multiline), dir);
        Assert.True(fromBuild.Count > 0, "the build reported nothing:\n" + buildOutput);
        // No compiler complaint about the configuration files (a file passed twice, conflicting global configs).
        Assert.DoesNotMatch(new Regex(@": (error|warning) (CS|MSB)\d{4}"), buildOutput);
        var disagreements = new List<string>();
        var unexpected = new List<string>();
        foreach (var (key, verdict) in expected)
        {
            var build = fromBuild.GetValueOrDefault(key, "none");
            var cli = fromCheck.GetValueOrDefault(key, "none");
            if (build != cli)
            {
                disagreements.Add($"{key}: the build says {build}, check says {cli}");
            }
            else if (build != verdict)
            {
                unexpected.Add($"{key}: expected {verdict}, both say {build}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements) + "\n" + buildOutput + "\n" + check);
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));

        Assert.Equal(fromBuild.Count, fromCheck.Count);
        Assert.NotEqual(0, buildExit);
        Assert.Equal(1, check.ExitCode);
    }

    private static string CliDll { get; } = typeof(ConfigurationMatrixTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false).Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CliDll").Value!;

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>"cNN/file DKxxxx" -> the most severe level reported for it.</summary>
    private static Dictionary<string, string> Verdicts(string output, string content, Regex line, string? relativeTo = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in line.Matches(output))
        {
            var path = m.Groups["path"].Value.Trim();
            var full = relativeTo is null ? path : Path.GetFullPath(Path.Combine(relativeTo, path));
            var key = Path.GetRelativePath(content, full).Replace('\\', '/') + " " + m.Groups["id"].Value;
            var level = m.Groups["level"].Value;
            if (!result.TryGetValue(key, out var seen) || seen != "error")
            {
                result[key] = level;
            }
        }

        return result;
    }
}
