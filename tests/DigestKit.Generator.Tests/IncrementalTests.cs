using System.Collections;
using System.Reflection;
using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Names = DigestKit.Analyzers.Generator.DigestGenerator.TrackingNames;

namespace DigestKit.Generator.Tests;

/// <summary>Editing one digest re-runs only its steps; pipeline outputs hold no Roslyn objects.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] FileSteps = [Names.Files, Names.Models, Names.Sources, Names.Entries, Names.Outputs];

    private static MemoryText[] Three() =>
    [
        GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md"),
        GeneratorHarness.SampleFile(TestPaths.MisEncodedSeed, "2021-05-07---Hot-Papers.md"),
        GeneratorHarness.SampleFile(Path.Combine(TestPaths.CorpusDir, "2020-06-29---Hot-Papers.md")),
    ];

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(Func<string, string> edit, bool resources = false)
    {
        var harness = new GeneratorHarness();
        if (resources)
        {
            harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        }

        var texts = Three();
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver(texts).RunGenerators(compilation);
        var first = driver.GetRunResult();
        var edited = new MemoryText(texts[0].Path, edit(texts[0].GetText().ToString()));
        driver = driver.ReplaceAdditionalText(texts[0], edited).RunGenerators(compilation.Clone());
        return (first, driver.GetRunResult());
    }

    private static string PathOf(object value) => value switch
    {
        DigestFile f => f.Path,
        DigestModel m => m.SourcePath,
        DigestSource s => s.Entry.SourcePath,
        CatalogEntry e => e.SourcePath,
        DigestOutput o => o.Source.Entry.SourcePath,
        _ => throw new InvalidOperationException("unexpected " + value.GetType()),
    };

    private static Dictionary<string, IncrementalStepRunReason> Reasons(GeneratorDriverRunResult run, string step) =>
        run.Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Where(o => o.Value is not null)
            .ToDictionary(o => Path.GetFileName(PathOf(o.Value)), o => o.Reason);

    [Fact]
    public void Editing_one_digest_reruns_only_that_digests_steps()
    {
        var (_, second) = RunTwice(text => text.Replace("World-GAN: a Generative Model for Minecraft Worlds", "World-GAN, retitled"));

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(second, Names.Files)["2021-06-21---Hot-Papers.md"]);
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(second, Names.Models)["2021-06-21---Hot-Papers.md"]);
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(second, Names.Sources)["2021-06-21---Hot-Papers.md"]);
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(second, Names.Outputs)["2021-06-21---Hot-Papers.md"]);
        foreach (var step in FileSteps)
        {
            var reasons = Reasons(second, step);
            Assert.Equal(3, reasons.Count);
            Assert.Equal(IncrementalStepRunReason.Cached, reasons["2021-05-07---Hot-Papers.md"]);
            Assert.Equal(IncrementalStepRunReason.Cached, reasons["2020-06-29---Hot-Papers.md"]);
        }

        // A title is not part of Digests' catalog (slug, date, path): the catalog stays as it was.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(second, Names.Entries)["2021-06-21---Hot-Papers.md"]);
        Assert.All(second.Results.Single().TrackedSteps[Names.Catalog].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        var source = GeneratorHarness.GeneratedSource(second, "2021_06_21_Hot_Papers_" + Identifiers.DigestKey("content/2021-06-21---Hot-Papers.md")[^8..] + ".g.cs");
        Assert.Contains("World-GAN, retitled", source);
    }

    [Fact]
    public void In_resource_mode_a_digest_model_is_its_catalog_entry_so_an_edited_title_regenerates_nothing()
    {
        var (_, second) = RunTwice(text => text.Replace("World-GAN: a Generative Model for Minecraft Worlds", "World-GAN, retitled"), resources: true);

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(second, Names.Files)["2021-06-21---Hot-Papers.md"]);
        // The data is the build task's: the generator keeps slug, date and path, which did not change.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(second, Names.Models)["2021-06-21---Hot-Papers.md"]);
        foreach (var step in FileSteps)
        {
            var reasons = Reasons(second, step);
            Assert.Equal(3, reasons.Count);
            Assert.Equal(IncrementalStepRunReason.Cached, reasons["2021-05-07---Hot-Papers.md"]);
            Assert.Equal(IncrementalStepRunReason.Cached, reasons["2020-06-29---Hot-Papers.md"]);
        }

        Assert.All(second.Results.Single().TrackedSteps[Names.Catalog].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void In_resource_mode_a_new_driver_takes_the_engine_verdict_kept_for_the_same_text_instead_of_running_it_again()
    {
        // A build starts a new generator driver; the verdict kept in the process (shared with the analyzer) is used
        // for an unchanged text. Proven by keeping a verdict the engine would not give (an error, for a clean
        // digest) under a path no other test uses: the digest is then left out of the catalog.
        var text = GeneratorHarness.SampleFile(TestPaths.CleanSeed, "cache-probe-" + Guid.NewGuid().ToString("N") + ".md");
        var checksum = DigestKit.Analyzers.AnalysisCache.Checksum(text.GetText());
        var clean = DigestKit.Engine.DigestEngine.Analyze(text.Path, text.GetText().ToString());
        Assert.False(clean.HasErrors);

        var harness = new GeneratorHarness();
        harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        var (run, _) = harness.Generate([text]);
        Assert.Contains("hot-papers-2021-06-21", GeneratorHarness.GeneratedSource(run, "Digests.g.cs"));
        Assert.NotNull(DigestKit.Analyzers.AnalysisCache.Shared.Find(text.Path, checksum));

        var error = DigestKit.Engine.DigestRules.InternalError.Create(text.Path, clean.Diagnostics.Count > 0 ? clean.Diagnostics[0].Span : default, "kept");
        DigestKit.Analyzers.AnalysisCache.Shared.Add(text.Path, checksum, clean with { Diagnostics = new DigestKit.Engine.EquatableArray<DigestKit.Engine.DigestDiagnostic>([error]) });
        (run, _) = new GeneratorHarness { GlobalOptions = { ["build_property.DigestKitEmbedsResources"] = "true" } }.Generate([text]);
        Assert.DoesNotContain("hot-papers-2021-06-21", GeneratorHarness.GeneratedSource(run, "Digests.g.cs"));
    }

    [Fact]
    public void Adding_trailing_blank_lines_changes_the_text_but_not_the_model_so_nothing_is_regenerated()
    {
        var (_, second) = RunTwice(text => text + "\n\n\n");

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(second, Names.Files)["2021-06-21---Hot-Papers.md"]);
        // The engine ran again, and produced an equal model: no spans, no text length in it.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(second, Names.Models)["2021-06-21---Hot-Papers.md"]);
        foreach (var step in new[] { Names.Sources, Names.Entries, Names.Outputs })
        {
            Assert.All(Reasons(second, step).Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        Assert.All(second.Results.Single().TrackedSteps[Names.Catalog].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Adding_the_newest_digest_writes_its_file_and_the_catalog_and_leaves_every_other_digests_file_as_it_was(bool resources)
    {
        var harness = new GeneratorHarness();
        if (resources)
        {
            harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        }

        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver(Three()).RunGenerators(compilation);
        var newest = GeneratorHarness.SampleFile(Path.Combine(TestPaths.CorpusDir, "2021-08-23---Hot-Papers.md"));
        driver = driver.AddAdditionalTexts([newest]).RunGenerators(compilation.Clone());
        var second = driver.GetRunResult();

        // The newest digest goes last in All: no other digest's index or name moved.
        var outputs = Reasons(second, Names.Outputs);
        Assert.Equal(IncrementalStepRunReason.New, outputs["2021-08-23---Hot-Papers.md"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, outputs["2021-06-21---Hot-Papers.md"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, outputs["2021-05-07---Hot-Papers.md"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, outputs["2020-06-29---Hot-Papers.md"]);
        Assert.All(second.Results.Single().TrackedSteps[Names.Names].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Equal(5, second.Results.Single().GeneratedSources.Length);
        Assert.Contains("HotPapers20210823 => __all[3];", GeneratorHarness.GeneratedSource(second, DigestEmitter.DigestHintName(Identifiers.DigestKey("content/2021-08-23---Hot-Papers.md"))));
    }

    [Fact]
    public void No_pipeline_output_holds_a_Roslyn_object()
    {
        var (first, second) = RunTwice(text => text.Replace("Maren Awiszus", "M. Awiszus"));
        var names = typeof(DigestGenerator.TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(9, names.Count);
        foreach (var run in new[] { first, second })
        {
            var steps = run.Results.Single().TrackedSteps;
            // Every named step ran and is checked.
            Assert.All(names, n => Assert.True(steps.ContainsKey(n), "step not tracked: " + n));
            foreach (var name in names)
            {
                foreach (var output in steps[name].SelectMany(s => s.Outputs))
                {
                    AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(SourceText), typeof(Location), typeof(AdditionalText), typeof(AnalyzerConfigOptions),
        typeof(AnalyzerConfigOptionsProvider), typeof(ParseOptions), typeof(SyntaxToken), typeof(SyntaxTrivia),
    ];

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is DateTime or decimal || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type}");
        Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true && !type.IsGenericType,
            $"{path} holds a Roslyn type {type}");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen);
            }
        }
    }
}
