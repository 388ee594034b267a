using System;
using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// What every rule needs while checking one digest: the model, the text it was read from, and the list the
    /// diagnostics go to. The line map is built only when a rule needs a span the model does not hold (a single
    /// character found by the text scan), so a clean file never pays for it.
    /// </summary>
    internal sealed class RuleContext
    {
        private LineMap? _lineMap;

        /// <param name="lines">The parser's line map of <paramref name="text"/>, or null to build one when a rule first needs it.</param>
        public RuleContext(DigestDocument document, string text, List<DigestDiagnostic> diagnostics, LineMap? lines = null)
        {
            Document = document;
            Text = text ?? string.Empty;
            Diagnostics = diagnostics;
            _lineMap = text is null ? null : lines;
        }

        public DigestDocument Document { get; }

        public string Path => Document.Path ?? string.Empty;

        public string Text { get; }

        public List<DigestDiagnostic> Diagnostics { get; }

        public LineMap Lines => _lineMap ??= new LineMap(Text);

        /// <summary>The rule running now; it may report only the catalogue rules it declares.</summary>
        internal DocumentRule? Rule { get; set; }

        public void Report(DigestRule rule, SourceSpan span, params string[] arguments) => Report(rule, span, null, arguments);

        public void Report(DigestRule rule, SourceSpan span, TextEdit? fix, params string[] arguments) => Add(rule, span, fix, arguments);

        /// <summary>Reports; false when the finding was only counted, past the cap (<see cref="CappedDiagnostics"/>).</summary>
        private bool Add(DigestRule rule, SourceSpan span, TextEdit? fix, string[] arguments)
        {
            if (Rule is { } owner && !owner.Owns(rule))
            {
                // Caught by DocumentRules.Check: DK9001 names the area, so a test over any digest finds the slip.
                throw new InvalidOperationException(rule.Id + " is reported by the " + owner.Name + " rules, which do not declare it");
            }

            if (CappedDiagnostics.TrySkip(Diagnostics, rule, span))
            {
                return false;
            }

            CappedDiagnostics.Add(Diagnostics, rule.Create(Path, span, fix, arguments));
            return true;
        }

        /// <summary>Reports with <paramref name="related"/>, a place in this file the finding refers to.</summary>
        public void Report(DigestRule rule, SourceSpan span, SourceSpan related, string relatedMessage, params string[] arguments)
        {
            if (!Add(rule, span, null, arguments))
            {
                return;
            }

            var last = Diagnostics.Count - 1;
            Diagnostics[last] = Diagnostics[last] with { Related = new DigestRelatedLocation(Path, related, relatedMessage) };
        }

        /// <summary>The text under <paramref name="span"/>, or null when the span does not fit the text.</summary>
        public string? TextOf(SourceSpan span) =>
            IsInText(span) ? Text.Substring(span.Start, span.Length) : null;

        public bool IsInText(SourceSpan span) =>
            span.Start >= 0 && span.Length >= 0 && span.Start <= Text.Length && span.Length <= Text.Length - span.Start;

        /// <summary>How a paper is named in messages: its number, or its title when the heading has none.</summary>
        public static string PaperName(Paper paper) =>
            paper.Rank is { } rank ? rank.Value.ToString(CultureInfo.InvariantCulture) : "'" + paper.Title.Value + "'";

        public static string FormatDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static string FormatDateTime(DateTime date) => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>The date in a title "Hot Papers YYYY-MM-DD", or null when the title is not of that form.</summary>
        public static DateTime? TitleDate(string? title, out string? dateText)
        {
            dateText = null;
            const string prefix = "Hot Papers ";
            if (title is null || title.Length != prefix.Length + 10 || !title.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var candidate = title.Substring(prefix.Length);
            if (!DateTime.TryParseExact(candidate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return null;
            }

            dateText = candidate;
            return date;
        }
    }
}
