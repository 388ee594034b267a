using System.Collections.Generic;
using System.Collections.Immutable;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// The analyzer's diagnostic descriptors, one per rule of <see cref="DigestRules.All"/>, built from the rule:
    /// nothing about a rule is written here. Release tracking (RS2000-RS2008) can only read constant IDs, so it
    /// does not see these; CatalogueTests hold AnalyzerReleases.*.md equal to the catalogue instead.
    /// </summary>
    public static class DigestDescriptors
    {
        /// <summary>Custom tag on every DigestKit descriptor (lets hosts filter them).</summary>
        public const string Engine = "DigestKit";

        /// <summary>Every descriptor, in the order of <see cref="DigestRules.All"/>.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = Build();

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

        /// <summary>DK9001, which the analyzer reports itself when the engine cannot be run on a file.</summary>
        public static DiagnosticDescriptor InternalError { get; } = ById[DigestRules.InternalError.Id];

        /// <summary>DK9005: a digest is not embedded and the diagnostic that says why was lowered; cannot itself be lowered.</summary>
        public static DiagnosticDescriptor NotEmbedded { get; } = ById[DigestRules.NotEmbedded.Id];

        /// <summary>The C# lookups by name (DigestUsageAnalyzer): no digest has this slug.</summary>
        public static DiagnosticDescriptor UnknownSlug { get; } = ById[DigestRules.UnknownSlug.Id];

        /// <summary>No embedded digest carries this arXiv paper.</summary>
        public static DiagnosticDescriptor UnknownPaper { get; } = ById[DigestRules.UnknownPaper.Id];

        /// <summary>No embedded paper has this author.</summary>
        public static DiagnosticDescriptor UnknownAuthor { get; } = ById[DigestRules.UnknownAuthor.Id];

        /// <summary>No embedded paper has this category.</summary>
        public static DiagnosticDescriptor UnknownCategoryName { get; } = ById[DigestRules.UnknownCategoryName.Id];

        /// <summary>The descriptor of an engine diagnostic's ID, or null for an ID the analyzer does not know.</summary>
        public static DiagnosticDescriptor? Find(string id) => id != null && ById.TryGetValue(id, out var d) ? d : null;

        public static DiagnosticSeverity ToSeverity(DigestSeverity severity) => severity switch
        {
            DigestSeverity.Error => DiagnosticSeverity.Error,
            DigestSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };

        private static ImmutableArray<DiagnosticDescriptor> Build()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(DigestRules.All.Count);
            foreach (var rule in DigestRules.All)
            {
                var tags = new List<string> { Engine };
                if (rule.IsCrossFile)
                {
                    tags.Add(WellKnownDiagnosticTags.CompilationEnd);
                }

                if (rule.NotConfigurable)
                {
                    tags.Add(WellKnownDiagnosticTags.NotConfigurable);
                }

                builder.Add(new DiagnosticDescriptor(
                    rule.Id, rule.Title, rule.MessageFormat, rule.Category, ToSeverity(rule.DefaultSeverity),
                    isEnabledByDefault: true, description: rule.Description, helpLinkUri: rule.HelpLink, customTags: tags.ToArray()));
            }

            return builder.MoveToImmutable();
        }

        private static Dictionary<string, DiagnosticDescriptor> Index()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
            foreach (var descriptor in All)
            {
                map[descriptor.Id] = descriptor;
            }

            return map;
        }
    }
}
