using System;
using System.Globalization;

namespace DigestKit.Engine
{
    /// <summary>
    /// The description of one diagnostic ID, declared once in <see cref="DigestRules"/>: the analyzer's descriptor,
    /// the code fixes, <c>digestkit fix</c>, SARIF and the docs pages' headers are all derived from it.
    /// <see cref="MessageFormat"/> uses composite-format placeholders.
    /// </summary>
    public sealed record DigestRule(string Id, string Title, string MessageFormat, string Category, DigestSeverity DefaultSeverity)
    {
        /// <summary>The project's home; the help links and the CLI's SARIF <c>informationUri</c> start with it.</summary>
        public const string RepositoryUrl = "https://github.com/digestkit/digestkit";

        public const string HelpLinkBase = RepositoryUrl + "/blob/main/docs/diagnostics/";

        public string HelpLink => HelpLinkBase + Id + ".md";

        /// <summary>
        /// What the diagnostic means, in one paragraph (Markdown): the analyzer's descriptor description, and the
        /// first paragraph of "What it means" on the rule's docs page (CatalogueTests write it there).
        /// </summary>
        public string Description { get; init; } = string.Empty;

        /// <summary>The family of safe repairs that fixes this diagnostic, or null when it has none.</summary>
        public DigestFix? Fix { get; init; }

        /// <summary>
        /// The digest cannot be embedded while this diagnostic stands: what it reports leaves nothing to embed (no
        /// front matter, not text, DigestKit failed on the file). Whatever severity a user configures, such a digest is
        /// not embedded (<see cref="DigestAnalysis.Embeds"/>); every other rule's field is embedded empty or with its
        /// default, so lowering its error embeds the digest.
        /// </summary>
        public bool BlocksEmbedding { get; init; }

        /// <summary>A severity configuration cannot change this rule's severity (Roslyn's <c>NotConfigurable</c>).</summary>
        public bool NotConfigurable { get; init; }

        /// <summary>Reported once all digests are read (the analyzer's compilation end), not per file.</summary>
        public bool IsCrossFile => Category == DigestRules.CrossFileCategory;

        /// <summary>The message with <paramref name="arguments"/> formatted in (hosts that report outside the engine use it).</summary>
        public string FormatMessage(params string[] arguments)
        {
            try
            {
                return string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
            }
            catch (FormatException)
            {
                return MessageFormat + " " + string.Join(", ", arguments);
            }
        }

        /// <summary>Creates a diagnostic of this rule at <paramref name="span"/>.</summary>
        public DigestDiagnostic Create(string path, SourceSpan span, params string[] arguments) =>
            Create(path, span, null, arguments);

        public DigestDiagnostic Create(string path, SourceSpan span, TextEdit? fix, params string[] arguments)
        {
            return new DigestDiagnostic(Id, DefaultSeverity, FormatMessage(arguments), path, span, new EquatableArray<string>(arguments), fix);
        }
    }
}
