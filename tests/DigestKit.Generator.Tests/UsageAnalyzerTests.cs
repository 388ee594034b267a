using System.Collections.Immutable;
using DigestKit.Analyzers;
using DigestKit.CodeFixes;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The C# code that uses the content, checked against the content (DK7001–DK7004): the generator runs over the two
/// seeds, the usage analyzer over the user's code in the same compilation, as in a build.
/// </summary>
public sealed class UsageAnalyzerTests
{
    private static readonly MemoryText[] Seeds =
    [
        GeneratorHarness.SampleFile(TestPaths.CleanSeed, "2021-06-21---Hot-Papers.md"),
        GeneratorHarness.SampleFile(TestPaths.MisEncodedSeed, "2021-05-07---Hot-Papers.md"),
    ];

    private static string Program(string body) =>
        "namespace TestApp\n{\n    internal static class Program\n    {\n        private const string Known = \"hot-papers-2021-06-21\";\n"
        + "        private const string Unknown = \"hot-papers-1999-01-01\";\n\n        public static object? Run(int year)\n        {\n"
        + "            " + body + "\n        }\n    }\n}\n";

    private static async Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string userCode, bool resourceMode = false)
    {
        var harness = new GeneratorHarness { UserCode = userCode };
        if (resourceMode)
        {
            harness.GlobalOptions["build_property.DigestKitEmbedsResources"] = "true";
        }

        var (_, output) = harness.Generate(Seeds);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var options = new AnalyzerOptions([.. Seeds], new TestOptionsProvider(harness.GlobalOptions));
        var diagnostics = await output.WithAnalyzers([new DigestUsageAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        return (output, diagnostics);
    }

    /// <summary>The span of the <paramref name="occurrence"/>-th <paramref name="text"/> in the user's code.</summary>
    private static TextSpan SpanOf(string code, string text, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = code.IndexOf(text, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, text);
        return new TextSpan(at, text.Length);
    }

    [Fact]
    public async Task An_unknown_slug_literal_is_reported_at_its_exact_span_with_the_nearest_slug_and_its_property()
    {
        var code = Program("return Digests.Find(\"hot-papers-2021-06-2\");");
        var (_, diagnostics) = await AnalyzeAsync(code);
        var d = Assert.Single(diagnostics);
        Assert.Equal("DK7001", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(SpanOf(code, "\"hot-papers-2021-06-2\""), d.Location.SourceSpan);
        Assert.Equal("No embedded digest has the slug 'hot-papers-2021-06-2'; did you mean 'hot-papers-2021-06-21'?", d.GetMessage());
        Assert.Equal("Digests.HotPapers20210621", d.Properties[DigestUsageAnalyzer.ReplacementKey]);
        Assert.Equal(SpanOf(code, "Digests.Find(\"hot-papers-2021-06-2\")"), Assert.Single(d.AdditionalLocations).SourceSpan);
    }

    [Theory]
    [InlineData("return Digests.Find(\"hot-papers-2021-06-21\");")]
    [InlineData("return Digests.Find(Known);")]
    [InlineData("return Digests.Find($\"hot-papers-{year}-06-21\");")] // not a constant: not checked (documented)
    [InlineData("return Digests.Find(year.ToString());")]
    [InlineData("return Digests.FindPaper(\"2106.10155v3\");")] // any version of an embedded paper
    [InlineData("return Digests.FindPaper(\"arXiv:2106.10155\");")]
    [InlineData("return Digests.ByAuthor(\"MAREN AWISZUS\");")]
    [InlineData("return Digests.InCategory(\"cs.lg\");")]
    [InlineData("return Digests.Index.FindAuthor(\"Bodo Rosenhahn\");")]
    public async Task Known_names_and_non_constant_arguments_get_no_diagnostic(string body)
    {
        var (_, diagnostics) = await AnalyzeAsync(Program(body));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_const_string_is_checked_and_reported_where_it_is_passed()
    {
        var code = Program("return Digests.Find(Unknown);");
        var d = Assert.Single((await AnalyzeAsync(code)).Diagnostics);
        Assert.Equal("DK7001", d.Id);
        Assert.Equal(SpanOf(code, "Unknown", 2), d.Location.SourceSpan);
        Assert.Contains("'hot-papers-1999-01-01'", d.GetMessage());
    }

    [Fact]
    public async Task A_constant_interpolated_string_is_checked()
    {
        var code = Program("const string s = $\"{Unknown}-x\"; return Digests.Find(s);");
        var d = Assert.Single((await AnalyzeAsync(code)).Diagnostics);
        Assert.Equal("No embedded digest has the slug 'hot-papers-1999-01-01-x'; did you mean 'hot-papers-2021-05-07'?", d.GetMessage());
    }

    [Theory]
    [InlineData("return Digests.FindPaper(\"2106.10156\");", "DK7002", "\"2106.10156\"", "No embedded digest has the arXiv paper '2106.10156'; did you mean '2106.10155'?")]
    [InlineData("return Digests.Index.FindPaper(\"2106.10156\");", "DK7002", "\"2106.10156\"", "No embedded digest has the arXiv paper '2106.10156'; did you mean '2106.10155'?")]
    [InlineData("return Digests.ByAuthor(\"Maren Awiszuss\");", "DK7003", "\"Maren Awiszuss\"", "No embedded paper has the author 'Maren Awiszuss'; did you mean 'Maren Awiszus'?")]
    [InlineData("return Digests.InCategory(\"cs.LX\");", "DK7004", "\"cs.LX\"", "No embedded paper is in the category 'cs.LX'; did you mean 'cs.LG'?")]
    public async Task Unknown_papers_authors_and_categories_are_reported_with_the_nearest_name(string body, string id, string literal, string message)
    {
        var code = Program(body);
        var d = Assert.Single((await AnalyzeAsync(code)).Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(SpanOf(code, literal), d.Location.SourceSpan);
        Assert.Equal(message, d.GetMessage());
        Assert.False(d.Properties.ContainsKey(DigestUsageAnalyzer.ReplacementKey));
    }

    [Fact]
    public async Task Resource_mode_is_checked_the_same_way()
    {
        var code = Program("return Digests.Find(\"hot-papers-2021-06-2\") ?? (object?)Digests.FindPaper(\"2106.10155\");");
        var d = Assert.Single((await AnalyzeAsync(code, resourceMode: true)).Diagnostics);
        Assert.Equal("DK7001", d.Id);
        Assert.Equal("Digests.HotPapers20210621", d.Properties[DigestUsageAnalyzer.ReplacementKey]);
    }

    [Fact]
    public async Task A_user_class_of_the_same_name_is_not_checked()
    {
        var code = "namespace Other { internal static class Digests { public static object? Find(string s) => null; }\n"
            + "internal static class Use { public static object? Run() => Digests.Find(\"nope\"); } }\n" + Program("return null;");
        Assert.Empty((await AnalyzeAsync(code)).Diagnostics);
    }

    /// <summary>The code fix as an IDE applies it, its output pinned in Golden/usage-fix.cs.txt.</summary>
    [Fact]
    public async Task The_code_fix_replaces_the_lookup_with_the_generated_property_or_the_nearest_name()
    {
        var code = Program("var a = Digests.Find(\"hot-papers-2021-06-2\");\n            var b = global::TestApp.Digests.Find(Unknown);\n"
            + "            var c = Digests.ByAuthor(\"Maren Awiszuss\");\n            return a ?? b ?? (object)c;");
        var (_, diagnostics) = await AnalyzeAsync(code);
        Assert.Equal(["DK7001", "DK7001", "DK7003"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));

        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("TestApp", LanguageNames.CSharp);
        var document = workspace.AddDocument(project.Id, "Program.cs", SourceText.From(code));
        var provider = new DigestUsageCodeFixProvider();
        var titles = new List<string>();
        // Apply each diagnostic's first fix, last in the file first, so the earlier spans stay valid.
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            titles.AddRange(actions.Select(a => a.Title));
            var apply = Assert.Single((await actions[0].GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
            document = apply.ChangedSolution.GetDocument(document.Id)!;
        }

        Assert.Equal(
            ["Change to 'Maren Awiszus'", "Use global::TestApp.Digests.HotPapers20210507", "Use Digests.HotPapers20210621", "Change to 'hot-papers-2021-06-21'"],
            titles);
        var fixedCode = (await document.GetTextAsync()).ToString();
        GoldenFileTests.AssertGolden("usage-fix.cs.txt", fixedCode);

        // The fixed code compiles and has nothing left to report.
        Assert.Empty((await AnalyzeAsync(fixedCode)).Diagnostics);
    }
}
