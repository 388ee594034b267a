using DigestKit.Engine;

namespace DigestKit.Cli.Configuration;

/// <summary>
/// The severities configured for digests in .editorconfig, applied the way the analyzer applies them in a build
/// (src/DigestKit.Analyzers/Analyzer/SeverityConfiguration.cs), so <c>check</c> reaches the build's verdict:
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

        // The first key with a readable value wins; "default" or anything else falls through to the next key.
        var category = DigestRules.Find(diagnostic.Id)?.Category;
        string[] keys = category is null
            ? [$"digestkit_diagnostic.{diagnostic.Id}.severity", "dotnet_analyzer_diagnostic.severity"]
            : [$"digestkit_diagnostic.{diagnostic.Id}.severity", $"dotnet_analyzer_diagnostic.category-{category}.severity", "dotnet_analyzer_diagnostic.severity"];
        foreach (var key in keys)
        {
            if (!properties.TryGetValue(key.ToLowerInvariant(), out var value))
            {
                continue;
            }

            switch (value.Trim().ToLowerInvariant())
            {
                case "error":
                    return diagnostic with { Severity = DigestSeverity.Error };
                case "warning" or "warn":
                    return diagnostic with { Severity = DigestSeverity.Warning };
                case "suggestion" or "info":
                    return diagnostic with { Severity = DigestSeverity.Info };
                case "silent" or "hidden" or "none" or "suppress":
                    return null;
            }
        }

        return diagnostic;
    }
}
