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

        /// <summary>
        /// The part of the writer's guide (docs/format.md) this rule checks, one of <see cref="DigestGuide"/>'s anchors;
        /// null only for rules on C# code. The rule's docs page links there.
        /// </summary>
        public string? GuideSection { get; init; }

        /// <summary>The guide's part this rule checks, on the project's site, or null when it has none.</summary>
        public string? GuideLink => GuideSection is null ? null : RepositoryUrl + "/blob/main/" + DigestGuide.Path + "#" + GuideSection;

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

        /// <summary>
        /// Creates a diagnostic of this rule at <paramref name="span"/>. This is where every message's arguments pass, so
        /// it is where they are capped: a value the format quotes (<c>'{0}'</c>) keeps its first
        /// <see cref="MaxQuotedLength"/> characters, any other argument its first <see cref="MaxArgumentLength"/>, then
        /// an ellipsis and the whole length (a 43,000-character author name stays one readable line). The capped
        /// arguments are also what the analyzer gives Roslyn, so every host shows the same text.
        /// </summary>
        public DigestDiagnostic Create(string path, SourceSpan span, TextEdit? fix, params string[] arguments)
        {
            var capped = CapArguments(MessageFormat, arguments);
            return new DigestDiagnostic(Id, DefaultSeverity, FormatMessage(capped), path, span, new EquatableArray<string>(capped), fix);
        }

        /// <summary>The most characters of a value quoted in a message.</summary>
        public const int MaxQuotedLength = 80;

        /// <summary>The most characters of an argument the message does not quote (a reason, a list of readings, a path).</summary>
        public const int MaxArgumentLength = 4 * MaxQuotedLength;

        /// <summary><paramref name="value"/>, or its first <paramref name="max"/> characters (never half a surrogate pair), "…" and its length.</summary>
        public static string Shorten(string value, int max)
        {
            if (value is null || value.Length <= max)
            {
                return value ?? string.Empty;
            }

            var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
            return value.Substring(0, cut) + "\u2026 (" + value.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters)";
        }

        private static string[] CapArguments(string format, string[] arguments)
        {
            string[]? capped = null;
            for (var i = 0; i < arguments.Length; i++)
            {
                // Most arguments are short: only one past the quoted cap needs the format searched for its quotes.
                var value = arguments[i] ?? string.Empty;
                if (value.Length <= MaxQuotedLength)
                {
                    continue;
                }

                var max = IsQuoted(format, i) ? MaxQuotedLength : MaxArgumentLength;
                if (value.Length > max)
                {
                    capped ??= (string[])arguments.Clone();
                    capped[i] = Shorten(value, max);
                }
            }

            return capped ?? arguments;
        }

        /// <summary>
        /// Whether placeholder <paramref name="index"/> stands between single quotes in <paramref name="format"/>
        /// (<c>'{0}'</c>, <c>'@{0}'</c>). An apostrophe between two letters (<c>title's</c>) opens no quote.
        /// </summary>
        private static bool IsQuoted(string format, int index)
        {
            var placeholder = "{" + index.ToString(CultureInfo.InvariantCulture) + "}";
            var open = false;
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '\'' && !(i > 0 && i + 1 < format.Length && char.IsLetter(format[i - 1]) && char.IsLetter(format[i + 1])))
                {
                    open = !open;
                }
                else if (open && c == '{' && string.CompareOrdinal(format, i, placeholder, 0, placeholder.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
