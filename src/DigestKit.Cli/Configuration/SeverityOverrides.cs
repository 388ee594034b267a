using DigestKit.Engine;

namespace DigestKit.Cli.Configuration;

/// <summary>
/// The severities a build gives digests, applied to the engine's defaults so <c>check</c>, <c>fix</c> and the
/// language server reach the build's verdict: the engine's <see cref="SeverityPolicy.InBuild"/> over the options
/// <see cref="AnalyzerConfigFiles"/> reads (the digest's .editorconfig sections for the analyzer's keys, global
/// configs for <c>dotnet_diagnostic.ID.severity</c>).
/// </summary>
internal sealed class SeverityOverrides(AnalyzerConfigFiles configuration)
{
    public SeverityOverrides()
        : this(new AnalyzerConfigFiles())
    {
    }

    public AnalyzerConfigFiles Configuration { get; } = configuration;

    /// <summary>The diagnostic with its configured severity, or null when configuration hides it.</summary>
    public DigestDiagnostic? Apply(DigestDiagnostic diagnostic, string fullPath)
    {
        var options = Configuration.For(fullPath);
        var category = DigestRules.Find(diagnostic.Id)?.Category;
        return SeverityPolicy.Apply(diagnostic, SeverityPolicy.InBuild(diagnostic.Id, category, options.TryGetFileValue, options.GlobalSeverity(diagnostic.Id)));
    }
}
