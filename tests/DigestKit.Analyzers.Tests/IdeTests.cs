using System.Collections.Immutable;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// The analyzer hosted the way an IDE hosts it: a workspace project with the digest as an AdditionalDocument and an
/// .editorconfig as an AnalyzerConfigDocument, analyzed per additional file through CompilationWithAnalyzers after
/// each edit of the document's text.
/// </summary>
public class IdeTests
{
    private const string DigestPath = "/repo/digests/2021-06-21---Hot-Papers.md";

    [Fact]
    public async Task Diagnostics_follow_edits_of_the_digest()
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var digestId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp,
                filePath: "/repo/Consumer.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: AnalyzerHarness.Compilation().References))
            .AddDocument(DocumentId.CreateNewId(projectId), "Program.cs", SourceText.From("public static class Program { }"), filePath: "/repo/Program.cs")
            .AddAdditionalDocument(digestId, "2021-06-21---Hot-Papers.md", SourceText.From(AnalyzerTests.Broken), filePath: DigestPath)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig",
                SourceText.From("root = true\n\n[*.md]\ndigestkit_diagnostic.DK1008.severity = error\n"), filePath: "/repo/.editorconfig");
        Assert.True(workspace.TryApplyChanges(solution));

        // The broken digest: the slug (line 6) and the unknown key (line 14), the slug raised to an error by .editorconfig.
        var first = await AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!);
        Assert.Equal(new[] { ("DK1008", 5, 6, DiagnosticSeverity.Error), ("DK1005", 13, 0, DiagnosticSeverity.Warning) }, first);

        // Fix the slug the way an editor does: replace the text of the additional document.
        var text = AnalyzerTests.Broken.Replace("hot-papers-2021-06-12", "hot-papers-2021-06-21");
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.WithAdditionalDocumentText(digestId, SourceText.From(text))));
        var second = await AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!);
        Assert.Equal(new[] { ("DK1005", 13, 0, DiagnosticSeverity.Warning) }, second);

        // Insert two lines above the unknown key: its diagnostic moves down with it.
        text = text.Replace("author: \"me\"", "draft2: true\n# a comment\nauthor: \"me\"");
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.WithAdditionalDocumentText(digestId, SourceText.From(text))));
        var third = await AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!);
        Assert.Equal(new[] { ("DK1005", 13, 0, DiagnosticSeverity.Warning), ("DK1005", 15, 0, DiagnosticSeverity.Warning) }, third);

        // Remove the problems: nothing is left.
        text = File.ReadAllText(TestPaths.CleanSeed);
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.WithAdditionalDocumentText(digestId, SourceText.From(text))));
        Assert.Empty(await AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!));
    }

    private static async Task<(string Id, int Line, int Column, DiagnosticSeverity Severity)[]> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzer = new DigestAnalyzer();
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        // As the IDE does for an open additional document: analyze that one file.
        var file = project.AnalyzerOptions.AdditionalFiles.Single(f => f.Path == DigestPath);
        var result = await withAnalyzers.GetAnalysisResultAsync(file, CancellationToken.None);
        Assert.Empty(exceptions);
        var diagnostics = result.GetAllDiagnostics();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                Assert.Equal(DigestPath, d.Location.GetLineSpan().Path);
                var start = d.Location.GetLineSpan().StartLinePosition;
                return (d.Id, start.Line, start.Character, d.Severity);
            })
            .ToArray();
    }
}
