using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.CodeFixes
{
    /// <summary>
    /// Fixes for a lookup by a name nothing embeds (DK7001–DK7004, from the usage analyzer): for an unknown slug,
    /// replace the whole <c>Digests.Find("…")</c> with the suggested digest's generated property (checked by the
    /// compiler from then on, and F12 opens its Markdown); for any of them, replace the literal with the suggested
    /// name. The analyzer computes both (its diagnostic's properties and first additional location), so this is a
    /// text edit and needs no C# syntax here (Workspaces 4.5 only).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DigestUsageCodeFixProvider))]
    public sealed class DigestUsageCodeFixProvider : CodeFixProvider
    {
        // The analyzer's property names (DigestUsageAnalyzer.SuggestionKey and ReplacementKey): this assembly does
        // not reference the analyzer's.
        private const string SuggestionKey = "DigestKit.Suggestion";
        private const string ReplacementKey = "DigestKit.Replacement";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DigestRules.UnknownSlug.Id, DigestRules.UnknownPaper.Id, DigestRules.UnknownAuthor.Id, DigestRules.UnknownCategoryName.Id);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(ReplacementKey, out var replacement) && replacement is { Length: > 0 }
                    && diagnostic.AdditionalLocations.FirstOrDefault() is { IsInSource: true } invocation)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use " + replacement,
                            ct => Replace(document, invocation.SourceSpan, replacement, ct),
                            equivalenceKey: "DigestKit.UseProperty"),
                        diagnostic);
                }

                var span = diagnostic.Location.SourceSpan;
                if (diagnostic.Properties.TryGetValue(SuggestionKey, out var suggestion) && suggestion is not null
                    && span.Length >= 2 && span.End <= text.Length && text[span.Start] == '"' && text[span.End - 1] == '"')
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Change to '" + suggestion + "'",
                            ct => Replace(document, span, Quote(suggestion), ct),
                            equivalenceKey: "DigestKit.UseSuggestion"),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> Replace(Document document, TextSpan span, string newText, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(new TextChange(span, newText)));
        }

        /// <summary>A regular C# string literal of <paramref name="value"/>.</summary>
        private static string Quote(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    default:
                        if (c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
