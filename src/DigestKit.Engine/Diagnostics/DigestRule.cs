using System;
using System.Globalization;

namespace DigestKit.Engine
{
    /// <summary>
    /// The description of one diagnostic ID: the engine's equivalent of a Roslyn DiagnosticDescriptor, which the
    /// analyzer builds from it. <see cref="MessageFormat"/> uses composite-format placeholders.
    /// </summary>
    public sealed record DigestRule(string Id, string Title, string MessageFormat, string Category, DigestSeverity DefaultSeverity)
    {
        public const string HelpLinkBase = "https://github.com/digestkit/digestkit/blob/main/docs/diagnostics/";

        public string HelpLink => HelpLinkBase + Id + ".md";

        /// <summary>Creates a diagnostic of this rule at <paramref name="span"/>.</summary>
        public DigestDiagnostic Create(string path, SourceSpan span, params string[] arguments) =>
            Create(path, span, null, arguments);

        public DigestDiagnostic Create(string path, SourceSpan span, TextEdit? fix, params string[] arguments)
        {
            string message;
            try
            {
                message = string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
            }
            catch (FormatException)
            {
                message = MessageFormat + " " + string.Join(", ", arguments);
            }

            return new DigestDiagnostic(Id, DefaultSeverity, message, path, span, new EquatableArray<string>(arguments), fix);
        }
    }
}
