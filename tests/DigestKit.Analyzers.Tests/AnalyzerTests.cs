using System.Collections.Concurrent;
using DigestKit.Engine;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Analyzers.Tests;

/// <summary>The analyzer under CompilationWithAnalyzers, as the compiler runs it.</summary>
public class AnalyzerTests
{
    private static readonly string Clean = File.ReadAllText(TestPaths.CleanSeed);

    /// <summary>The clean seed with an unknown key (DK1005, warning) on line 14 and a slug disagreeing with the title (DK1008).</summary>
    internal static readonly string Broken = Clean
        .Replace("socialImage:", "author: \"me\"\nsocialImage:")
        .Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"hot-papers-2021-06-12\"");

    [Fact]
    public void Every_engine_diagnostic_is_reported_at_its_line_and_column()
    {
        var result = AnalyzerHarness.Run(("/repo/digests/broken.md", Broken));
        result.AssertNoAnalyzerFailure();
        var expected = DigestEngine.Analyze("/repo/digests/broken.md", Broken).Diagnostics;
        Assert.Equal(new[] { "DK1008", "DK1005" }, expected.Select(d => d.Id).ToArray());

        var reported = result.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(expected.Count, reported.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var engine = expected[i];
            var roslyn = reported[i];
            var lines = roslyn.Location.GetLineSpan();
            Assert.Equal(engine.Id, roslyn.Id);
            Assert.Equal("/repo/digests/broken.md", lines.Path);
            Assert.Equal((engine.Span.Line - 1, engine.Span.Column - 1), (lines.StartLinePosition.Line, lines.StartLinePosition.Character));
            Assert.Equal((engine.Span.EndLine - 1, engine.Span.EndColumn - 1), (lines.EndLinePosition.Line, lines.EndLinePosition.Character));
            Assert.Equal((engine.Span.Start, engine.Span.Length), (roslyn.Location.SourceSpan.Start, roslyn.Location.SourceSpan.Length));
            Assert.Equal(engine.Message, roslyn.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(DigestRules.Find(engine.Id)!.HelpLink, roslyn.Descriptor.HelpLinkUri);
        }

        // The unknown key: line 14 (0-based 13), column 1, six characters.
        var unknown = reported.Single(d => d.Id == "DK1005");
        Assert.Equal(DiagnosticSeverity.Warning, unknown.Severity);
        Assert.Equal(new LinePosition(13, 0), unknown.Location.GetLineSpan().StartLinePosition);
        Assert.Equal("author", Broken.Substring(unknown.Location.SourceSpan.Start, unknown.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_clean_digest_reports_nothing()
    {
        var result = AnalyzerHarness.Run(("/repo/digests/clean.md", Clean));
        result.AssertNoAnalyzerFailure();
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Only_files_the_predicate_accepts_are_analyzed()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText("/repo/notes.txt", Broken),
            new InMemoryAdditionalText("/repo/digest.txt", Broken),
            new InMemoryAdditionalText("/repo/README.md", Broken),
            new InMemoryAdditionalText("/repo/skipped.md", Broken),
        };
        var options = new TestOptionsProvider(perFile: new()
        {
            ["/repo/digest.txt"] = new() { [DigestFiles.MetadataKey] = "true" },
            ["/repo/skipped.md"] = new() { [DigestFiles.MetadataKey] = "false" },
        });
        var result = AnalyzerHarness.Run(files, options);
        result.AssertNoAnalyzerFailure();
        Assert.Equal(new[] { "/repo/README.md", "/repo/digest.txt" }, result.Diagnostics.Select(d => d.Location.GetLineSpan().Path).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Cross_file_rules_run_at_the_end_of_the_compilation()
    {
        var result = AnalyzerHarness.Run(("/repo/b.md", Clean), ("/repo/a.md", Clean));
        result.AssertNoAnalyzerFailure();
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("DK6001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/repo/b.md", d.Location.GetLineSpan().Path);
        Assert.Equal("\"hot-papers-2021-06-21\"", Clean.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains("/repo/a.md", d.GetMessage());
    }

    [Theory]
    [InlineData("dotnet_diagnostic.DK1005.severity", "error", DiagnosticSeverity.Error)]
    [InlineData("digestkit_diagnostic.DK1005.severity", "error", DiagnosticSeverity.Error)]
    [InlineData("digestkit_diagnostic.dk1005.severity", "suggestion", DiagnosticSeverity.Info)]
    [InlineData("dotnet_analyzer_diagnostic.category-DigestKit.FrontMatter.severity", "error", DiagnosticSeverity.Error)]
    [InlineData("dotnet_analyzer_diagnostic.severity", "silent", DiagnosticSeverity.Hidden)]
    [InlineData("digestkit_diagnostic.DK1005.severity", "default", DiagnosticSeverity.Warning)]
    public void The_digest_files_editorconfig_sections_set_the_severity(string key, string value, DiagnosticSeverity expected)
    {
        var options = new TestOptionsProvider(perFile: new() { ["/repo/broken.md"] = new() { [key] = value } });
        var result = AnalyzerHarness.Run(new[] { new InMemoryAdditionalText("/repo/broken.md", Broken) }, options);
        result.AssertNoAnalyzerFailure();
        Assert.Equal(expected, result.Diagnostics.Single(d => d.Id == "DK1005").Severity);
    }

    [Fact]
    public void None_removes_the_diagnostic_and_a_more_specific_key_wins()
    {
        var options = new TestOptionsProvider(perFile: new()
        {
            ["/repo/broken.md"] = new()
            {
                ["digestkit_diagnostic.DK1005.severity"] = "none",
                ["dotnet_analyzer_diagnostic.category-DigestKit.FrontMatter.severity"] = "error",
            },
        });
        var result = AnalyzerHarness.Run(new[] { new InMemoryAdditionalText("/repo/broken.md", Broken) }, options);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "DK1005");
        Assert.Equal(DiagnosticSeverity.Error, result.Diagnostics.Single(d => d.Id == "DK1008").Severity);
    }

    [Fact]
    public void Compiler_level_settings_still_apply_on_top()
    {
        // What MSBuild's WarningsAsErrors / NoWarn and a .globalconfig become: compilation-wide options.
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["DK1005"] = ReportDiagnostic.Error, ["DK1008"] = ReportDiagnostic.Suppress });
        var result = AnalyzerHarness.Run(new[] { new InMemoryAdditionalText("/repo/broken.md", Broken) }, compilationOptions: compilationOptions);
        Assert.Equal(DiagnosticSeverity.Error, result.Diagnostics.Single(d => d.Id == "DK1005").Severity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "DK1008");
    }

    [Fact]
    public void Unchanged_files_reuse_their_results_across_compilations_and_an_edited_file_is_checked_again()
    {
        var runs = new ConcurrentDictionary<string, int>();
        DigestAnalysis Analyze(string path, string text)
        {
            runs.AddOrUpdate(path, 1, (_, n) => n + 1);
            return DigestEngine.Analyze(path, text);
        }

        var cache = new AnalysisCache();
        var analyzer = new DigestAnalyzer(Analyze, null, cache);
        var renamed = Clean.Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"hot-papers-2021-06-22\"").Replace("# 1. World-GAN:", "# 1. World-GAN (v2):");
        var files = new List<(string Path, string Text)> { ("/repo/a.md", Clean), ("/repo/b.md", Clean), ("/repo/c.md", renamed), ("/repo/d.md", Broken) };
        static string Describe(AnalyzerHarness.Result r) =>
            string.Join("\n", r.Diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan()).OrderBy(x => x, StringComparer.Ordinal));
        AnalyzerHarness.Result Run(DigestAnalyzer a) =>
            AnalyzerHarness.Run(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), analyzer: a);

        var first = Run(analyzer);
        first.AssertNoAnalyzerFailure();
        // Cross-file rules see the kept form of each document: a duplicate slug (DK6001) and a paper whose title
        // differs between digests (DK6002), exactly as without a cache.
        Assert.Contains(first.Diagnostics, d => d.Id == "DK6001");
        Assert.Contains(first.Diagnostics, d => d.Id == "DK6002");
        Assert.Equal(Describe(Run(new DigestAnalyzer(DigestEngine.Analyze, null))), Describe(first));
        Assert.All(runs.Values, n => Assert.Equal(1, n));

        var second = Run(analyzer);
        Assert.Equal(Describe(first), Describe(second));
        Assert.All(runs.Values, n => Assert.Equal(1, n));

        // Edit one file: it alone is checked again, and its new verdict is reported.
        files[3] = ("/repo/d.md", Clean.Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"hot-papers-2021-06-23\""));
        var third = Run(analyzer);
        Assert.Equal(2, runs["/repo/d.md"]);
        Assert.Equal(new[] { 1, 1, 1 }, new[] { "/repo/a.md", "/repo/b.md", "/repo/c.md" }.Select(p => runs[p]));
        Assert.DoesNotContain(third.In("/repo/d.md"), d => d.Id == "DK1005");
        Assert.Equal(Describe(Run(new DigestAnalyzer(DigestEngine.Analyze, null))), Describe(third));
        Assert.Equal(4, cache.Count); // one entry per path, whatever the number of edits
    }

    [Fact]
    public void A_file_the_engine_fails_on_gets_DK9001_and_the_others_are_still_reported()
    {
        DigestAnalysis Analyze(string path, string text) =>
            path.EndsWith("bad.md", StringComparison.Ordinal) ? throw new InvalidOperationException("boom") : DigestEngine.Analyze(path, text);

        var analyzer = new DigestAnalyzer(Analyze, TimeSpan.Zero);
        var files = new AdditionalText[] { new InMemoryAdditionalText("/repo/a.md", Broken), new InMemoryAdditionalText("/repo/bad.md", Broken), new InMemoryAdditionalText("/repo/z.md", Broken.Replace("2021-06-12", "2021-06-13")) };
        var result = AnalyzerHarness.Run(files, analyzer: analyzer);
        result.AssertNoAnalyzerFailure();

        var failed = Assert.Single(result.In("/repo/bad.md"));
        Assert.Equal("DK9001", failed.Id);
        Assert.Contains("boom", failed.GetMessage());
        Assert.Equal(new LinePosition(0, 0), failed.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(new[] { "DK1005", "DK1008" }, result.In("/repo/a.md").Select(d => d.Id).OrderBy(i => i).ToArray());
        Assert.Equal(new[] { "DK1005", "DK1008" }, result.In("/repo/z.md").Select(d => d.Id).OrderBy(i => i).ToArray());
    }

    [Fact]
    public void A_file_the_engine_hangs_on_gets_DK9001_after_the_time_limit_and_the_others_are_still_reported()
    {
        using var release = new ManualResetEventSlim();
        DigestAnalysis Analyze(string path, string text)
        {
            if (path.EndsWith("slow.md", StringComparison.Ordinal))
            {
                release.Wait();
            }

            return DigestEngine.Analyze(path, text);
        }

        try
        {
            // Generous for the healthy file, which must merely start within it on a busy machine.
            var analyzer = new DigestAnalyzer(Analyze, TimeSpan.FromSeconds(5));
            var files = new AdditionalText[] { new InMemoryAdditionalText("/repo/a.md", Broken), new InMemoryAdditionalText("/repo/slow.md", Broken) };
            var result = AnalyzerHarness.Run(files, analyzer: analyzer);
            result.AssertNoAnalyzerFailure();

            var timedOut = Assert.Single(result.In("/repo/slow.md"));
            Assert.Equal("DK9001", timedOut.Id);
            Assert.Contains("longer than 5 s", timedOut.GetMessage());
            Assert.Equal(new[] { "DK1005", "DK1008" }, result.In("/repo/a.md").Select(d => d.Id).OrderBy(i => i).ToArray());
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void The_time_limit_is_read_from_the_options()
    {
        using var release = new ManualResetEventSlim();
        var analyzer = new DigestAnalyzer((path, text) => { release.Wait(); return DigestEngine.Analyze(path, text); }, null);
        var options = new TestOptionsProvider(global: new() { [AnalysisTimeLimit.OptionKey] = "0.5" });
        try
        {
            var result = AnalyzerHarness.Run(new[] { new InMemoryAdditionalText("/repo/slow.md", Clean) }, options, analyzer);
            Assert.Contains("longer than 0.5 s", Assert.Single(result.Diagnostics).GetMessage());
        }
        finally
        {
            release.Set();
        }
    }
}

/// <summary>DK9005: a digest that is not embedded fails the build even when the diagnostic that blocks it was lowered.</summary>
public class NotEmbeddedTests
{
    private const string NoFrontMatter = "# 1. A paper with no front matter\n";

    [Fact]
    public void A_standing_blocking_error_is_said_once_without_DK9005()
    {
        var result = AnalyzerHarness.Run(("/repo/broken.md", NoFrontMatter));
        result.AssertNoAnalyzerFailure();
        Assert.Contains(result.Diagnostics, d => d.Id == DigestRules.FrontMatterMissing.Id && d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DigestRules.NotEmbedded.Id);
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("none")]
    public void A_lowered_blocking_error_gets_DK9005_which_no_configuration_lowers(string severity)
    {
        var options = new TestOptionsProvider(perFile: new()
        {
            ["/repo/broken.md"] = new()
            {
                ["digestkit_diagnostic." + DigestRules.FrontMatterMissing.Id + ".severity"] = severity,
                ["digestkit_diagnostic." + DigestRules.NotEmbedded.Id + ".severity"] = "none",
                ["dotnet_analyzer_diagnostic.severity"] = "none",
            },
        });
        var result = AnalyzerHarness.Run([new InMemoryAdditionalText("/repo/broken.md", NoFrontMatter)], options);
        result.AssertNoAnalyzerFailure();
        var notEmbedded = Assert.Single(result.Diagnostics, d => d.Id == DigestRules.NotEmbedded.Id);
        Assert.Equal(DiagnosticSeverity.Error, notEmbedded.Severity);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, notEmbedded.Descriptor.CustomTags);
        Assert.Equal(DigestRules.NotEmbedded.FormatMessage(DigestRules.FrontMatterMissing.Id, severity), notEmbedded.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), notEmbedded.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void A_blocking_error_turned_off_for_the_file_gets_DK9005_whatever_the_compiler_raises_it_to()
    {
        // WarningsAsErrors names the ID, the digest's .editorconfig section turns it off: the analyzer never reports
        // it (none is the analyzer's to decide, as SeverityPolicy.InBuild has it for check and the language server),
        // so nothing fails the build but DK9005.
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [DigestRules.FrontMatterMissing.Id] = ReportDiagnostic.Error });
        var options = new TestOptionsProvider(perFile: new()
        {
            ["/repo/broken.md"] = new() { ["digestkit_diagnostic." + DigestRules.FrontMatterMissing.Id + ".severity"] = "none" },
        });
        var result = AnalyzerHarness.Run([new InMemoryAdditionalText("/repo/broken.md", NoFrontMatter)], options, compilationOptions: compilationOptions);
        result.AssertNoAnalyzerFailure();
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DigestRules.FrontMatterMissing.Id);
        var notEmbedded = Assert.Single(result.Diagnostics, d => d.Id == DigestRules.NotEmbedded.Id);
        Assert.Equal(DiagnosticSeverity.Error, notEmbedded.Severity);
        Assert.Equal(DigestRules.NotEmbedded.FormatMessage(DigestRules.FrontMatterMissing.Id, "none"), notEmbedded.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NoWarn_on_the_blocking_error_gets_DK9005_too_and_a_lowered_non_blocking_error_does_not()
    {
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [DigestRules.FrontMatterMissing.Id] = ReportDiagnostic.Suppress, [DigestRules.NotEmbedded.Id] = ReportDiagnostic.Suppress });
        var result = AnalyzerHarness.Run(
            [new InMemoryAdditionalText("/repo/broken.md", NoFrontMatter), new InMemoryAdditionalText("/repo/lowered.md", "---\ntitle: Lowered\n---\n")],
            new TestOptionsProvider(perFile: new() { ["/repo/lowered.md"] = new() { ["dotnet_analyzer_diagnostic.severity"] = "warning" } }),
            compilationOptions: compilationOptions);
        result.AssertNoAnalyzerFailure();
        Assert.Equal(["/repo/broken.md"], result.Diagnostics.Where(d => d.Id == DigestRules.NotEmbedded.Id).Select(d => d.Location.GetLineSpan().Path));
    }
}
