using DigestKit.Engine;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// One verdict: over a table of configurations, the severity the analyzer's diagnostics get in a compilation (and
/// whether DK9005 is reported for a digest whose blocking error was lowered) is the one the CLI and the language
/// server compute, <see cref="SeverityPolicy.InBuild"/> (what <c>SeverityOverrides.Apply</c> calls, with the global
/// config's severity as the compiler setting) over the rule's default, a warning made an error by
/// TreatWarningsAsErrors. Each row configures DK1001 (blocking: the digest has no front matter) and DK1005 (a
/// warning by default: an unknown key) the same way.
/// </summary>
public sealed class SeverityAgreementTests
{
    private const string Blocked = "/repo/blocked.md";
    private const string Unknown = "/repo/unknown.md";

    /// <summary>ID placeholder in keys: replaced by DK1001 / DK1005 and their categories.</summary>
    public static TheoryData<string, string[], string?, string?, bool> Rows() => new()
    {
        // name, per-file keys (key=value, {id} and {category} replaced), globalconfig severity, command line (NoWarn: none, WarningsAsErrors: error), TreatWarningsAsErrors
        { "nothing", [], null, null, false },
        { "per-ID warning", ["digestkit_diagnostic.{id}.severity=warning"], null, null, false },
        { "per-ID none", ["digestkit_diagnostic.{id}.severity=none"], null, null, false },
        { "per-ID error", ["digestkit_diagnostic.{id}.severity=error"], null, null, false },
        { "category suggestion", ["dotnet_analyzer_diagnostic.category-{category}.severity=suggestion"], null, null, false },
        { "bulk none", ["dotnet_analyzer_diagnostic.severity=none"], null, null, false },
        { "per-ID over bulk", ["digestkit_diagnostic.{id}.severity=warning", "dotnet_analyzer_diagnostic.severity=none"], null, null, false },
        { "unreadable per-ID falls to category", ["digestkit_diagnostic.{id}.severity=loud", "dotnet_analyzer_diagnostic.category-{category}.severity=warning"], null, null, false },
        { "globalconfig error", [], "error", null, false },
        { "globalconfig warning", [], "warning", null, false },
        { "globalconfig over per-ID", ["digestkit_diagnostic.{id}.severity=warning"], "error", null, false },
        { "per-ID none over globalconfig", ["digestkit_diagnostic.{id}.severity=none"], "error", null, false },
        { "bulk none over globalconfig", ["dotnet_analyzer_diagnostic.severity=none"], "warning", null, false },
        { "NoWarn", [], null, "none", false },
        { "NoWarn over globalconfig", [], "error", "none", false },
        { "WarningsAsErrors over per-ID", ["digestkit_diagnostic.{id}.severity=warning"], null, "error", false },
        { "per-ID none over WarningsAsErrors", ["digestkit_diagnostic.{id}.severity=none"], null, "error", false },
        { "TreatWarningsAsErrors", [], null, null, true },
        { "TreatWarningsAsErrors over per-ID warning", ["digestkit_diagnostic.{id}.severity=warning"], null, null, true },
        { "TreatWarningsAsErrors leaves suggestion", ["digestkit_diagnostic.{id}.severity=suggestion"], null, null, true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_analyzer_and_the_CLI_give_the_same_severity(string name, string[] keys, string? globalConfig, string? commandLine, bool treatWarningsAsErrors)
    {
        var rules = new[] { DigestRules.FrontMatterMissing, DigestRules.UnknownKey };
        var perFile = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            foreach (var key in keys)
            {
                var parts = key.Replace("{id}", rule.Id).Replace("{category}", rule.Category).Split('=', 2);
                perFile[parts[0]] = parts[1];
            }
        }

        var specific = new Dictionary<string, ReportDiagnostic>();
        var global = new Dictionary<string, ReportDiagnostic>();
        foreach (var rule in rules)
        {
            if (commandLine != null)
            {
                specific[rule.Id] = ToReport(SeverityPolicy.Parse(commandLine));
            }

            if (globalConfig != null)
            {
                global[rule.Id] = ToReport(SeverityPolicy.Parse(globalConfig));
            }
        }

        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(specific)
            .WithGeneralDiagnosticOption(treatWarningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default)
            .WithSyntaxTreeOptionsProvider(new GlobalConfigProvider(global));
        var unknown = File.ReadAllText(TestPaths.CleanSeed).Replace("socialImage:", "author: \"me\"\nsocialImage:");
        var result = AnalyzerHarness.Run(
            [new InMemoryAdditionalText(Blocked, "# 1. A paper with no front matter\n"), new InMemoryAdditionalText(Unknown, unknown)],
            new TestOptionsProvider(perFile: new() { [Blocked] = perFile, [Unknown] = perFile }),
            compilationOptions: compilationOptions);
        result.AssertNoAnalyzerFailure();

        foreach (var (rule, path) in new[] { (DigestRules.FrontMatterMissing, Blocked), (DigestRules.UnknownKey, Unknown) })
        {
            var expected = Cli(rule, perFile, globalConfig, commandLine, treatWarningsAsErrors);
            var reported = result.In(path).Where(d => d.Id == rule.Id).Select(d => Name(d.Severity)).SingleOrDefault() ?? "not shown";
            Assert.True(expected == reported, $"{name}: {rule.Id} is '{reported}' in the build and '{expected}' in the CLI\n{result}");
        }

        // DK9005 exactly when the blocking error does not stand as an error.
        var blockingStands = Cli(DigestRules.FrontMatterMissing, perFile, globalConfig, commandLine, treatWarningsAsErrors) == "error";
        var notEmbedded = result.In(Blocked).Where(d => d.Id == DigestRules.NotEmbedded.Id).ToList();
        Assert.True(blockingStands ? notEmbedded.Count == 0 : notEmbedded.Count == 1 && notEmbedded[0].Severity == DiagnosticSeverity.Error,
            $"{name}: DK1001 {(blockingStands ? "stands" : "does not stand")} as an error, and DK9005 was reported {notEmbedded.Count} time(s)\n{result}");
    }

    /// <summary>
    /// The CLI's verdict: <c>SeverityOverrides.Apply</c>'s computation (the engine's InBuild over the file's keys and
    /// the compiler's own setting), over the rule's default, then --warnings-as-errors.
    /// </summary>
    private static string Cli(DigestRule rule, Dictionary<string, string> perFile, string? globalConfig, string? commandLine, bool treatWarningsAsErrors)
    {
        var compilerSetting = SeverityPolicy.Parse(commandLine) ?? SeverityPolicy.Parse(globalConfig);
        var severity = SeverityPolicy.InBuild(rule.Id, rule.Category, (string key, out string? value) => perFile.TryGetValue(key, out value), compilerSetting);
        var diagnostic = SeverityPolicy.Apply(new DigestDiagnostic(rule.Id, rule.DefaultSeverity, rule.Title, "x", default, EquatableArray<string>.Empty), severity);
        if (diagnostic is null)
        {
            return "not shown";
        }

        return diagnostic.Severity switch
        {
            DigestSeverity.Error => "error",
            DigestSeverity.Warning => treatWarningsAsErrors ? "error" : "warning",
            _ => "info",
        };
    }

    private static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "not shown",
    };

    private static ReportDiagnostic ToReport(ConfiguredSeverity? severity) => severity switch
    {
        ConfiguredSeverity.Error => ReportDiagnostic.Error,
        ConfiguredSeverity.Warning => ReportDiagnostic.Warn,
        ConfiguredSeverity.Info => ReportDiagnostic.Info,
        ConfiguredSeverity.Hidden => ReportDiagnostic.Hidden,
        ConfiguredSeverity.None => ReportDiagnostic.Suppress,
        _ => ReportDiagnostic.Default,
    };

    /// <summary><c>dotnet_diagnostic.ID.severity</c> from a .globalconfig, as the compiler hands it over.</summary>
    private sealed class GlobalConfigProvider(Dictionary<string, ReportDiagnostic> global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TryGetValue(diagnosticId, out severity);
    }
}
