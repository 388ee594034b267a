using System.Collections.Immutable;
using System.Reflection;
using DigestKit.CodeFixes;
using DigestKit.Engine;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.CodeFixes.Tests;

/// <summary>
/// The code fixes applied the way an IDE applies them: a workspace holding the digest as an AdditionalDocument,
/// a Roslyn diagnostic with the analyzer's ID and location, the provider's registered action, its operation.
/// </summary>
public sealed class DigestCodeFixProviderTests
{
    private const string DigestPath = "/digests/digest.md";

    /// <summary>The CLI tests' digests: the code fixes must repair them exactly as <c>digestkit fix</c> does.</summary>
    private static string CheckDataDir => Path.Combine(TestPaths.RepoRoot, "tests", "DigestKit.Cli.Tests", "TestData", "check");

    private static (AdhocWorkspace Workspace, TextDocument Document) CreateWorkspace(string text)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Digests", LanguageNames.CSharp);
        var id = DocumentId.CreateNewId(project.Id, "digest.md");
        var solution = project.Solution.AddAdditionalDocument(id, "digest.md", SourceText.From(text), filePath: DigestPath);
        Assert.True(workspace.TryApplyChanges(solution));
        return (workspace, workspace.CurrentSolution.GetAdditionalDocument(id)!);
    }

    /// <summary>What the analyzer reports for an engine diagnostic: same ID, same location, nothing else.</summary>
    private static Diagnostic ToRoslyn(DigestDiagnostic d)
    {
        var descriptor = new DiagnosticDescriptor(d.Id, d.Id, "{0}", "DigestKit", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        var location = Location.Create(DigestPath, new TextSpan(d.Span.Start, d.Span.Length),
            new LinePositionSpan(new LinePosition(d.Span.Line - 1, d.Span.Column - 1), new LinePosition(d.Span.EndLine - 1, d.Span.EndColumn - 1)));
        return Diagnostic.Create(descriptor, location, d.Message);
    }

    private static async Task<List<CodeAction>> RegisterAsync(TextDocument document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new DigestCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<string> ApplyAsync(AdhocWorkspace workspace, TextDocument document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        apply.Apply(workspace, CancellationToken.None);
        var changed = workspace.CurrentSolution.GetAdditionalDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    [Fact]
    public async Task Renumbering_fix_rewrites_the_paper_number_exactly()
    {
        var clean = File.ReadAllText(Path.Combine(CheckDataDir, "clean.md"));
        var text = File.ReadAllText(Path.Combine(CheckDataDir, "renumber.md"));
        var (workspace, document) = CreateWorkspace(text);
        var gap = Assert.Single(DigestEngine.Analyze(DigestPath, text).Diagnostics, d => d.Id == "DK2003");

        var actions = await RegisterAsync(document, ToRoslyn(gap));

        var action = Assert.Single(actions);
        Assert.Equal("Renumber paper 3 to 2", action.Title);
        Assert.Equal(clean, await ApplyAsync(workspace, document, action));
    }

    [Fact]
    public async Task Duplicate_number_fix_renumbers_the_second_paper_to_its_position()
    {
        var clean = File.ReadAllText(Path.Combine(CheckDataDir, "clean.md"));
        var text = clean.Replace("# 2. Graph", "# 1. Graph", StringComparison.Ordinal);
        var (workspace, document) = CreateWorkspace(text);
        var duplicate = Assert.Single(DigestEngine.Analyze(DigestPath, text).Diagnostics);
        Assert.Equal("DK2004", duplicate.Id);

        var actions = await RegisterAsync(document, ToRoslyn(duplicate));

        var action = Assert.Single(actions);
        Assert.Equal("Renumber paper 1 to 2", action.Title);
        Assert.Equal(clean, await ApplyAsync(workspace, document, action));
    }

    [Theory]
    [InlineData("[abs](https://arxiv.org/abs/2106.09785) | ", "DK4001", "Add '[abs](https://arxiv.org/abs/2106.09785) | ' to the links line")]
    [InlineData(" | [pdf](https://arxiv.org/pdf/2106.09785)", "DK4002", "Add ' | [pdf](https://arxiv.org/pdf/2106.09785)' to the links line")]
    public async Task Missing_link_fix_restores_it_from_the_other_link(string deleted, string id, string title)
    {
        var clean = File.ReadAllText(Path.Combine(CheckDataDir, "clean.md"));
        var text = clean.Replace(deleted, string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(clean, text);
        var (workspace, document) = CreateWorkspace(text);
        var missing = Assert.Single(DigestEngine.Analyze(DigestPath, text).Diagnostics);
        Assert.Equal(id, missing.Id);

        var action = Assert.Single(await RegisterAsync(document, ToRoslyn(missing)));
        Assert.Equal(title, action.Title);
        Assert.Equal(clean, await ApplyAsync(workspace, document, action));
    }

    [Fact]
    public async Task Mojibake_fix_repairs_the_author_name_and_fix_all_repairs_every_one()
    {
        var text = File.ReadAllText(TestPaths.MisEncodedSeed);
        var (workspace, document) = CreateWorkspace(text);
        var authors = DigestEngine.Analyze(DigestPath, text).Diagnostics.Where(d => d.Id == "DK5001").ToList();
        var velickovic = Assert.Single(authors, d => d.Message.Contains("'Petar Veličković'", StringComparison.Ordinal));

        var actions = await RegisterAsync(document, ToRoslyn(velickovic));

        var single = actions[0];
        var original = text.Substring(velickovic.Fix!.Value.Start, velickovic.Fix.Value.Length);
        Assert.Equal($"Replace '{original}' with 'Petar Veličković'", single.Title);
        var expected = text.Remove(velickovic.Fix.Value.Start, velickovic.Fix.Value.Length).Insert(velickovic.Fix.Value.Start, "Petar Veličković");
        Assert.Equal(expected, await ApplyAsync(workspace, document, single));

        if (authors.Count > 1)
        {
            var (workspace2, document2) = CreateWorkspace(text);
            var all = (await RegisterAsync(document2, ToRoslyn(velickovic))).Single(a => a.EquivalenceKey == DigestCodeFixProvider.FixAllInFileKeyPrefix + "DK5001");
            var fixedAll = await ApplyAsync(workspace2, document2, all);
            Assert.DoesNotContain(DigestEngine.Analyze(DigestPath, fixedAll).Diagnostics, d => d.Id == "DK5001");
        }
    }

    [Fact]
    public async Task A_diagnostic_the_engine_no_longer_reports_offers_no_fix()
    {
        var text = File.ReadAllText(Path.Combine(CheckDataDir, "clean.md"));
        var (_, document) = CreateWorkspace(text);
        var stale = DigestRules.NumberingGap.Create(DigestPath, new LineMap(text).Span(text.IndexOf("# 2.", StringComparison.Ordinal) + 2, 1), "2", "3");
        Assert.Empty(await RegisterAsync(document, ToRoslyn(stale)));
    }

    [Fact]
    public void The_provider_is_exported_for_additional_documents_and_fixes_the_three_ids()
    {
        var provider = new DigestCodeFixProvider();
        Assert.Equal(["DK5001", "DK5002", "DK2016", "DK2003", "DK2004", "DK4001", "DK4002"], provider.FixableDiagnosticIds.ToArray());
        var export = typeof(DigestCodeFixProvider).GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
        Assert.Equal([nameof(TextDocumentKind.AdditionalDocument)], export.DocumentKinds);
        Assert.Contains(LanguageNames.CSharp, export.Languages);
        foreach (var id in provider.FixableDiagnosticIds)
        {
            Assert.NotNull(DigestRules.Find(id));
        }
    }
}
