using System.Collections.Immutable;
using System.Reflection;
using DigestKit.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Analyzers.Tests;

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options as a host passes them: per file (its .editorconfig sections) and global.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, Dictionary<string, string>> _perFile;
    private readonly Options _global;

    public TestOptionsProvider(Dictionary<string, string>? global = null, Dictionary<string, Dictionary<string, string>>? perFile = null)
    {
        _global = new Options(global ?? new Dictionary<string, string>());
        _perFile = perFile ?? new Dictionary<string, Dictionary<string, string>>();
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(_perFile.TryGetValue(textFile.Path, out var options) ? options : new Dictionary<string, string>());

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) =>
            _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}

/// <summary>
/// Hosts the analyzer the way the compiler does: a C# compilation, digests as AdditionalFiles, CompilationWithAnalyzers.
/// Every analyzer exception is collected, so a test can assert there was none (in a build it would be AD0001).
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    public static CSharpCompilation Compilation(CSharpCompilationOptions? options = null) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("public static class Program { }", path: "Program.cs") },
            References.Value,
            options ?? new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static Result Run(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, DiagnosticAnalyzer? analyzer = null, CSharpCompilationOptions? compilationOptions = null)
    {
        var exceptions = new List<Exception>();
        var analyzerOptions = new AnalyzerOptions(files.ToImmutableArray(), options ?? new TestOptionsProvider());
        var withAnalyzers = Compilation(compilationOptions).WithAnalyzers(
            ImmutableArray.Create(analyzer ?? new DigestAnalyzer()),
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (ex, _, _) => { lock (exceptions) exceptions.Add(ex); },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new Result(diagnostics, exceptions);
    }

    public static Result Run(params (string Path, string Text)[] files) =>
        Run(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));

    internal sealed record Result(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)
    {
        public IEnumerable<Diagnostic> In(string path) => Diagnostics.Where(d => d.Location.GetLineSpan().Path == path);

        public void AssertNoAnalyzerFailure()
        {
            Assert.True(Exceptions.Count == 0, "the analyzer threw: " + string.Join("\n", Exceptions));
            Assert.DoesNotContain(Diagnostics, d => d.Id == "AD0001");
        }

        public override string ToString() => string.Join("\n", Diagnostics.Select(d => d.ToString()));
    }
}
