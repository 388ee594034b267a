using System.ComponentModel;
using System.Text.Json;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;
using Xunit.Abstractions;

namespace DigestKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real report through Microsoft's SARIF Multitool, which runs GitHub code scanning's ingestion rules
/// (<c>--rule-kind Gh</c>) and the SARIF authoring rules (<c>--rule-kind Sarif</c>). The tool comes from npm: .ci/run
/// installs it and names it in DIGESTKIT_SARIF_MULTITOOL; elsewhere the test installs it into the temp folder
/// once. Without npm the test can only pass locally; under CI=true it fails instead.
/// </summary>
public sealed class SarifMultitoolTests(ITestOutputHelper output)
{
    private const string MultitoolVersion = "5.7.0";

    [Fact]
    public void Check_sarif_has_no_errors_under_the_GitHub_rules_and_no_warnings_under_the_SARIF_rules()
    {
        var tool = FindMultitool(out var problem);
        if (tool is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "the SARIF Multitool is required under CI=true: " + problem);
            output.WriteLine("not run: " + problem);
            return;
        }

        using var repo = new TempDirectory();
        Directory.CreateDirectory(repo.Combine(".git"));
        foreach (var file in Directory.GetFiles(CliTestPaths.CheckDataDir))
        {
            repo.CopyIn(file, Path.Combine("content", Path.GetFileName(file)));
        }

        // A copy in a subfolder adds the cross-file results (related locations) and a path to escape.
        repo.CopyIn(Path.Combine(CliTestPaths.CheckDataDir, "clean.md"), Path.Combine("content", "sub dir", "copy.md"));
        var report = repo.Combine("report.sarif");
        var check = CliRunner.Run(repo.Combine("content"), "check", "--format", "sarif", "-o", report, ".");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("\"relatedLocations\"", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Contains("\"fixes\"", File.ReadAllText(report), StringComparison.Ordinal);

        foreach (var (kind, failing) in new[] { ("Gh", new[] { "error" }), ("Sarif", new[] { "error", "warning" }) })
        {
            var log = repo.Combine($"validate-{kind}.sarif");
            var run = DotnetCommand.Run(tool, repo.Path, new Dictionary<string, string?>(), "validate", "--rule-kind", kind, "-o", log, report);
            Assert.True(File.Exists(log), run.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(log));
            var findings = json.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(r => r.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(r => (Level: r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    Text: r.GetProperty("ruleId").GetString() + ": " + (r.GetProperty("message").TryGetProperty("text", out var t) ? t.GetString() : string.Join(", ", r.GetProperty("message").GetProperty("arguments").EnumerateArray()))))
                .ToList();
            output.WriteLine($"--rule-kind {kind}: {findings.Count} findings");
            var bad = findings.Where(f => failing.Contains(f.Level)).Select(f => $"{f.Level} {f.Text}").ToList();
            Assert.True(bad.Count == 0, $"--rule-kind {kind}:\n" + string.Join('\n', bad) + "\n" + run);
        }
    }

    private static string? FindMultitool(out string problem)
    {
        problem = string.Empty;
        var configured = Environment.GetEnvironmentVariable("DIGESTKIT_SARIF_MULTITOOL");
        if (!string.IsNullOrEmpty(configured))
        {
            if (File.Exists(configured))
            {
                return configured;
            }

            problem = $"DIGESTKIT_SARIF_MULTITOOL names '{configured}', which does not exist";
            return null;
        }

        var prefix = Path.Combine(Path.GetTempPath(), "digestkit-tools", "sarif-multitool-" + MultitoolVersion);
        var tool = Path.Combine(prefix, "node_modules", ".bin", "sarif-multitool");
        if (File.Exists(tool))
        {
            return tool;
        }

        try
        {
            var install = DotnetCommand.Run("npm", Path.GetTempPath(), new Dictionary<string, string?>(),
                "install", "--prefix", prefix, "--no-audit", "--no-fund", "@microsoft/sarif-multitool@" + MultitoolVersion);
            if (install.ExitCode == 0 && File.Exists(tool))
            {
                return tool;
            }

            problem = "npm could not install @microsoft/sarif-multitool:\n" + install;
        }
        catch (Win32Exception ex)
        {
            problem = "npm is not available: " + ex.Message;
        }

        return null;
    }
}
