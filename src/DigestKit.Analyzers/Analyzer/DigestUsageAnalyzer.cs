using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using DigestKit.Analyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// Checks the C# code that uses the content against the content: a compile-time constant passed to a generated
    /// lookup by name that names nothing embedded gets DK7001–DK7004 at the argument's exact span, with the nearest
    /// name by edit distance ("did you mean"). The lookups are the generated <c>Digests.Find</c> (slug, ordinal),
    /// <c>FindPaper</c> (arXiv ID, any version), <c>ByAuthor</c> (author, folded) and <c>InCategory</c> (category,
    /// case-insensitive), and the same names on <c>Digests.Index</c>. A literal, a <c>const string</c> or a constant
    /// interpolated string is checked; any other expression (a variable, a non-constant interpolated string) is
    /// not, as its value is only known at run time. The names come from the same AdditionalFiles and verdicts as the
    /// generator's, so a digest with an error (which embeds nothing) does not count.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DigestUsageAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the nearest embedded name, which the argument could be replaced with.</summary>
        public const string SuggestionKey = "DigestKit.Suggestion";

        /// <summary>
        /// Diagnostic property (DK7001): the code that replaces the whole invocation, whose span is the diagnostic's
        /// first additional location: the suggested digest's generated property, e.g. <c>Digests.HotPapers20210621</c>.
        /// </summary>
        public const string ReplacementKey = "DigestKit.Replacement";

        private const string IndexTypeName = "DigestKit.DigestIndex";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DigestDescriptors.UnknownSlug, DigestDescriptors.UnknownPaper, DigestDescriptors.UnknownAuthor, DigestDescriptors.UnknownCategoryName);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Read only when a checked lookup is met: a compilation that never calls one reads no digest.
                var options = start.Options;
                var names = new Lazy<ContentNames>(() => ContentNames.Read(options, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
                var index = start.Compilation.GetTypeByMetadataName(IndexTypeName);
                start.RegisterOperationAction(operation => Analyze(operation, names, index), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, Lazy<ContentNames> names, INamedTypeSymbol? indexType)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (invocation.Arguments.Length != 1 || method.Parameters.Length != 1 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return;
            }

            INamedTypeSymbol? digests;
            if (method.IsStatic)
            {
                digests = IsGeneratedDigests(method.ContainingType, context.Compilation) ? method.ContainingType : null;
            }
            else
            {
                // Digests.Index.FindPaper("…") and the like: the index of this compilation's own digests.
                digests = SymbolEqualityComparer.Default.Equals(method.ContainingType, indexType)
                    && invocation.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Index" } property }
                    && IsGeneratedDigests(property.ContainingType, context.Compilation)
                        ? property.ContainingType
                        : null;
            }

            if (digests is null)
            {
                return;
            }

            var kind = method.Name switch
            {
                "Find" when method.IsStatic => Lookup.Slug,
                "FindPaper" => Lookup.Paper,
                "ByAuthor" or "FindAuthor" => Lookup.Author,
                "InCategory" or "FindCategory" => Lookup.Category,
                _ => Lookup.None,
            };
            var argument = invocation.Arguments[0].Value;
            if (kind == Lookup.None || !argument.ConstantValue.HasValue || argument.ConstantValue.Value is not string value)
            {
                return;
            }

            var content = names.Value;
            var (known, nearest, descriptor) = kind switch
            {
                Lookup.Slug => (content.HasSlug(value), content.NearestSlug(value), DigestDescriptors.UnknownSlug),
                Lookup.Paper => (content.HasPaper(value), content.NearestPaper(value), DigestDescriptors.UnknownPaper),
                Lookup.Author => (content.HasAuthor(value), content.NearestAuthor(value), DigestDescriptors.UnknownAuthor),
                _ => (content.HasCategory(value), content.NearestCategory(value), DigestDescriptors.UnknownCategoryName),
            };
            if (known)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            var additional = ImmutableArray<Location>.Empty;
            if (nearest is not null)
            {
                properties = properties.Add(SuggestionKey, nearest);
                if (kind == Lookup.Slug && content.PropertyOf(nearest) is { } property && HasProperty(digests, property))
                {
                    // Keep the receiver as written (Digests, MyApp.Digests, global::…); a bare Find("…") inside Digests
                    // or under `using static` becomes the bare property.
                    var receiver = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                        ? access.Expression.ToString() + "."
                        : string.Empty;
                    properties = properties.Add(ReplacementKey, receiver + property);
                    additional = ImmutableArray.Create(invocation.Syntax.GetLocation());
                }
            }

            var advice = nearest is not null ? "did you mean '" + nearest + "'?"
                : content.DigestCount == 0 ? "add a digest to the project, which embeds none"
                : "use a name the embedded digests have";
            context.ReportDiagnostic(Diagnostic.Create(descriptor, argument.Syntax.GetLocation(), additional, properties, value, advice));
        }

        /// <summary>The <c>Digests</c> class DigestKit generated into this compilation (its catalog file declares it).</summary>
        private static bool IsGeneratedDigests(INamedTypeSymbol? type, Compilation compilation)
        {
            if (type is null || type.Name != DigestEmitter.DigestsClassName || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                return false;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (string.Equals(Path.GetFileName(reference.SyntaxTree.FilePath), DigestEmitter.CatalogHintName, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasProperty(INamedTypeSymbol digests, string name)
        {
            foreach (var member in digests.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: true })
                {
                    return true;
                }
            }

            return false;
        }

        private enum Lookup
        {
            None,
            Slug,
            Paper,
            Author,
            Category,
        }
    }
}
