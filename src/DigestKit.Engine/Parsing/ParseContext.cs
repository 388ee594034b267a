using System.Collections.Generic;

namespace DigestKit.Engine.Parsing
{
    /// <summary>What every parsing step shares: the file, its text, the line map and the diagnostics so far.</summary>
    internal sealed class ParseContext
    {
        public ParseContext(string path, string text, List<DigestDiagnostic> diagnostics)
        {
            Path = path;
            Text = text;
            Lines = new LineMap(text);
            Diagnostics = diagnostics;
        }

        public string Path { get; }

        public string Text { get; }

        public LineMap Lines { get; }

        public List<DigestDiagnostic> Diagnostics { get; }

        public SourceSpan Span(int start, int length) => Lines.Span(start, length);

        public SourceSpan FromBounds(int start, int end) => Lines.FromBounds(start, end);

        public Spanned<string> Slice(int start, int length) => new Spanned<string>(Text.Substring(start, length), Span(start, length));

        public void Report(DigestRule rule, SourceSpan span, params string[] arguments) => Report(rule, span, null, arguments);

        public void Report(DigestRule rule, SourceSpan span, TextEdit? fix, params string[] arguments)
        {
            if (!DigestParser.Owner.Owns(rule))
            {
                // A validation slipped into the parser: DigestEngine turns this into DK9001, which any test sees.
                throw new System.InvalidOperationException(rule.Id + " is reported by the parser, which does not declare it");
            }

            if (!CappedDiagnostics.TrySkip(Diagnostics, rule, span))
            {
                CappedDiagnostics.Add(Diagnostics, rule.Create(Path, span, fix, arguments));
            }
        }

        /// <summary>DK2009: text in [start, end) that the format has no place for, and that the parser skips.</summary>
        public void ReportUnexpected(int start, int end, string where) =>
            Report(DigestRules.UnexpectedContent, FromBounds(start, end), Quote(Text.Substring(start, end - start)), where);

        /// <summary>
        /// A value quoted in a message on one line: line breaks are written <c>\r</c> and <c>\n</c>. Its length is
        /// capped where every message is made, in <see cref="DigestRule.Create(string, SourceSpan, TextEdit?, string[])"/>.
        /// </summary>
        public static string Quote(string value) => value.Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
