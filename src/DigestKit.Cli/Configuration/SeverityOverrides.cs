using DigestKit.Engine;

namespace DigestKit.Cli.Configuration;

/// <summary>
/// The severities configured for digests in .editorconfig, applied with the analyzer's own policy (the engine's
/// <see cref="SeverityPolicy"/>), so <c>check</c> reaches the build's verdict:
/// <c>digestkit_diagnostic.ID.severity</c>, then <c>dotnet_analyzer_diagnostic.category-CATEGORY.severity</c>,
/// then <c>dotnet_analyzer_diagnostic.severity</c>. <c>dotnet_diagnostic.ID.severity</c> in .editorconfig is not
/// applied: the compiler strips it from what analyzers see for AdditionalFiles, so the build ignores it too.
/// <c>silent</c> and <c>none</c> remove the diagnostic, as the build does not print it.
/// </summary>
internal sealed class SeverityOverrides
{
    private readonly EditorConfig _editorConfig = new();

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byFile = new(StringComparer.Ordinal);

    /// <summary>The diagnostic with its configured severity, or null when configuration hides it.</summary>
    public DigestDiagnostic? Apply(DigestDiagnostic diagnostic, string fullPath)
    {
        if (!_byFile.TryGetValue(fullPath, out var properties))
        {
            properties = _editorConfig.PropertiesFor(fullPath);
            _byFile[fullPath] = properties;
        }

        if (properties.Count == 0)
        {
            return diagnostic;
        }

        var category = DigestRules.Find(diagnostic.Id)?.Category;
        var configured = SeverityPolicy.Resolve(diagnostic.Id, category, compilerKey: false,
            (string key, out string? value) => properties.TryGetValue(key.ToLowerInvariant(), out value));
        switch (configured)
        {
            case ConfiguredSeverity.Error:
                return diagnostic with { Severity = DigestSeverity.Error };
            case ConfiguredSeverity.Warning:
                return diagnostic with { Severity = DigestSeverity.Warning };
            case ConfiguredSeverity.Info:
                return diagnostic with { Severity = DigestSeverity.Info };
            case ConfiguredSeverity.Hidden or ConfiguredSeverity.None:
                return null;
        }

        return diagnostic;
    }
}
