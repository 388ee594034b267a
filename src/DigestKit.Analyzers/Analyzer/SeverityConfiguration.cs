using System.Collections.Concurrent;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// Applies severities configured in .editorconfig sections that match the digest file itself.
    /// <para>
    /// The compiler applies <c>dotnet_diagnostic.ID.severity</c> from .editorconfig only to diagnostics located in
    /// source files; for diagnostics located in AdditionalFiles it applies only .globalconfig and MSBuild settings
    /// (<c>WarningsAsErrors</c>, <c>NoWarn</c>), and it strips those keys from the options analyzers see
    /// (dotnet/roslyn#31916). So the analyzer applies, from the digest's own .editorconfig sections:
    /// <c>digestkit_diagnostic.ID.severity</c> (per ID), <c>dotnet_analyzer_diagnostic.category-CATEGORY.severity</c>
    /// and <c>dotnet_analyzer_diagnostic.severity</c> (bulk), and <c>dotnet_diagnostic.ID.severity</c> when a host
    /// does pass it. It reports with a descriptor whose default severity is the configured one, which the compiler
    /// keeps unless a .globalconfig or MSBuild setting for the ID says otherwise (those still win).
    /// </para>
    /// </summary>
    internal static class SeverityConfiguration
    {
        /// <summary>DigestKit's per-ID key, e.g. <c>digestkit_diagnostic.DK1005.severity = error</c>.</summary>
        public const string DigestKeyPrefix = SeverityPolicy.DigestKeyPrefix;

        /// <summary>
        /// The severity configured for <paramref name="descriptor"/> in <paramref name="options"/>: null when nothing
        /// is configured (report with the default), <see cref="ReportDiagnostic.Suppress"/> for <c>none</c>. The keys
        /// and their order are the engine's <see cref="SeverityPolicy"/>, which <c>digestkit check</c> applies too.
        /// </summary>
        public static ReportDiagnostic? Configured(AnalyzerConfigOptions? options, DiagnosticDescriptor descriptor)
        {
            if (options is null)
            {
                return null;
            }

            return ToReport(SeverityPolicy.Resolve(descriptor.Id, descriptor.Category, compilerKey: true, options.TryGetValue));
        }

        /// <summary>False for a descriptor tagged <see cref="WellKnownDiagnosticTags.NotConfigurable"/> (DK9005), which keeps its severity.</summary>
        public static bool IsConfigurable(DiagnosticDescriptor descriptor) =>
            !System.Linq.Enumerable.Contains(descriptor.CustomTags, WellKnownDiagnosticTags.NotConfigurable);

        /// <summary>
        /// The severity a build gives a diagnostic of <paramref name="descriptor"/> in a digest, in the engine's order
        /// (<see cref="SeverityPolicy.InBuild"/>, which <c>digestkit check</c> and the language server apply too): the
        /// analyzer chooses first from the digest's .editorconfig sections (<see cref="Configured"/>), and <c>none</c>
        /// there means it never reports the diagnostic, whatever the compiler would make of it; whatever it reports,
        /// the compiler gives the severity it reads for the ID, the command line's (<c>NoWarn</c>,
        /// <c>WarningsAsErrors</c>) else .globalconfig's, when there is one; else the analyzer's choice, else the
        /// default. A warning is an error under <c>TreatWarningsAsErrors</c>.
        /// </summary>
        public static ReportDiagnostic Effective(CompilationOptions compilation, AnalyzerConfigOptions? options, DiagnosticDescriptor descriptor, System.Threading.CancellationToken cancellationToken)
        {
            SeverityPolicy.TryGetValue lookup = options is null ? NoOptions : options.TryGetValue;
            var inBuild = SeverityPolicy.InBuild(descriptor.Id, descriptor.Category, lookup, CompilerSetting(compilation, descriptor.Id, cancellationToken));
            var report = ToReport(inBuild) ?? ToReport(descriptor.DefaultSeverity);
            return report == ReportDiagnostic.Warn && compilation.GeneralDiagnosticOption == ReportDiagnostic.Error ? ReportDiagnostic.Error : report;
        }

        /// <summary>What the compiler itself reads for <paramref name="id"/> in an AdditionalFile: the command line's, else a global config's; null for neither.</summary>
        private static ConfiguredSeverity? CompilerSetting(CompilationOptions compilation, string id, System.Threading.CancellationToken cancellationToken)
        {
            if (compilation.SpecificDiagnosticOptions.TryGetValue(id, out var report) && report != ReportDiagnostic.Default)
            {
                return ToConfigured(report);
            }

            return compilation.SyntaxTreeOptionsProvider is { } provider
                && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out report)
                && report != ReportDiagnostic.Default
                ? ToConfigured(report)
                : null;
        }

        private static bool NoOptions(string key, out string? value)
        {
            value = null;
            return false;
        }

        private static ConfiguredSeverity? ToConfigured(ReportDiagnostic report) => report switch
        {
            ReportDiagnostic.Error => ConfiguredSeverity.Error,
            ReportDiagnostic.Warn => ConfiguredSeverity.Warning,
            ReportDiagnostic.Info => ConfiguredSeverity.Info,
            ReportDiagnostic.Hidden => ConfiguredSeverity.Hidden,
            ReportDiagnostic.Suppress => ConfiguredSeverity.None,
            _ => null,
        };

        /// <summary>How .editorconfig spells a severity (DK9005's message says what the user configured).</summary>
        public static string Name(ReportDiagnostic report) => report switch
        {
            ReportDiagnostic.Error => "error",
            ReportDiagnostic.Warn => "warning",
            ReportDiagnostic.Info => "suggestion",
            ReportDiagnostic.Hidden => "silent",
            _ => "none",
        };

        private static ReportDiagnostic ToReport(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => ReportDiagnostic.Error,
            DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
            DiagnosticSeverity.Info => ReportDiagnostic.Info,
            _ => ReportDiagnostic.Hidden,
        };

        public static ReportDiagnostic? Parse(string? value) => ToReport(SeverityPolicy.Parse(value));

        private static ReportDiagnostic? ToReport(ConfiguredSeverity? severity) => severity switch
        {
            ConfiguredSeverity.Error => ReportDiagnostic.Error,
            ConfiguredSeverity.Warning => ReportDiagnostic.Warn,
            ConfiguredSeverity.Info => ReportDiagnostic.Info,
            ConfiguredSeverity.Hidden => ReportDiagnostic.Hidden,
            ConfiguredSeverity.None => ReportDiagnostic.Suppress,
            _ => null,
        };

        private static readonly ConcurrentDictionary<(string Id, DiagnosticSeverity Severity), DiagnosticDescriptor> Variants =
            new ConcurrentDictionary<(string, DiagnosticSeverity), DiagnosticDescriptor>();

        /// <summary>
        /// <paramref name="descriptor"/> with <paramref name="severity"/> as its default. The compiler recomputes a
        /// reported diagnostic's severity from its descriptor's default when nothing it knows of configures the ID,
        /// so reporting with an "effective severity" alone would be undone; a descriptor variant is not.
        /// </summary>
        public static DiagnosticDescriptor WithSeverity(DiagnosticDescriptor descriptor, DiagnosticSeverity severity)
        {
            if (descriptor.DefaultSeverity == severity)
            {
                return descriptor;
            }

            return Variants.GetOrAdd((descriptor.Id, severity), key => new DiagnosticDescriptor(
                descriptor.Id,
                descriptor.Title,
                descriptor.MessageFormat,
                descriptor.Category,
                key.Severity,
                descriptor.IsEnabledByDefault,
                descriptor.Description,
                descriptor.HelpLinkUri,
                System.Linq.Enumerable.ToArray(descriptor.CustomTags)));
        }

        public static DiagnosticSeverity ToSeverity(ReportDiagnostic report) => report switch
        {
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };
    }
}
