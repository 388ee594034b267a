using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using DigestKit.Analyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Generator.Tests;

/// <summary>An AdditionalText held in memory.</summary>
internal sealed class MemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global MSBuild properties and per-file metadata, as the props file makes them visible.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string>? perFile = null)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(perFile is not null && perFile.TryGetValue(textFile.Path, out var digest)
            ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DigestKitDigest"] = digest }
            : new Dictionary<string, string>());

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}

/// <summary>Drives the generator over in-memory digests, compiles the result, and loads it.</summary>
internal sealed class GeneratorHarness
{
    public const string ProjectDir = "/project";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                              || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(DigestKit.Digest).Assembly.Location))
            .ToImmutableArray();
    });

    public Dictionary<string, string> GlobalOptions { get; } = new()
    {
        ["build_property.RootNamespace"] = "TestApp",
        ["build_property.MSBuildProjectDirectory"] = ProjectDir,
    };

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public string UserCode { get; set; } = "namespace TestApp { internal static class Program { } }";

    /// <summary>The generator to drive (tests may give it a different engine entry point).</summary>
    public DigestGenerator Generator { get; set; } = new();

    /// <summary>In-memory digests under /project/content, named like the blog's files.</summary>
    public static MemoryText Digest(string fileName, string text) => new(ProjectDir + "/content/" + fileName, text);

    public static MemoryText SampleFile(string path, string? asName = null) =>
        Digest(asName ?? Path.GetFileName(path), File.ReadAllText(path));

    public CSharpParseOptions ParseOptions => new(LanguageVersion);

    public CSharpCompilation CreateCompilation() => CSharpCompilation.Create(
        "Generated" + Guid.NewGuid().ToString("N"),
        [CSharpSyntaxTree.ParseText(UserCode, ParseOptions)],
        References.Value,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: ParseOptions.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));

    public GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(
            [Generator.AsSourceGenerator()],
            texts,
            ParseOptions,
            new TestOptionsProvider(GlobalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the run result and the compilation with the generated code.</summary>
    public (GeneratorDriverRunResult Run, Compilation Output) Generate(IEnumerable<AdditionalText> texts)
    {
        var driver = CreateDriver(texts).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var run = driver.GetRunResult();
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return (run, output);
    }

    /// <summary>Generates, compiles with no warnings, loads, and returns the generated <c>Digests</c> type.</summary>
    public Type GenerateAndLoad(IEnumerable<AdditionalText> texts, string digestsTypeName = "TestApp.Digests")
    {
        var (_, output) = Generate(texts);
        return Load(output, digestsTypeName);
    }

    public static Type Load(Compilation compilation, string digestsTypeName, IEnumerable<ResourceDescription>? manifestResources = null)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, manifestResources: manifestResources);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "compilation problems:\n" + string.Join("\n", problems.Take(20)));
        Assert.True(result.Success);
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        return assembly.GetType(digestsTypeName) ?? throw new InvalidOperationException("no type " + digestsTypeName);
    }

    public static IReadOnlyList<DigestKit.Digest> All(Type digests) =>
        (IReadOnlyList<DigestKit.Digest>)digests.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    public static DigestKit.Digest? Find(Type digests, string slug) =>
        (DigestKit.Digest?)digests.GetMethod("Find", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [slug]);

    public static string GeneratedSource(GeneratorDriverRunResult run, string hintNameEnd) =>
        run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();
}
