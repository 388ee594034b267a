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

        public void Report(DigestRule rule, SourceSpan span, TextEdit? fix, params string[] arguments) =>
            Report(rule, span, fix, arguments, static a => a);

        /// <summary>
        /// Reports with the arguments <paramref name="arguments"/> makes from <paramref name="state"/>, made only when
        /// the finding is kept: past the cap (<see cref="CappedDiagnostics.TrySkip"/>) it is only counted, so a file of
        /// half a million bad headings does not quote each one to drop it. Pass a static lambda (no closure to allocate).
        /// </summary>
        public void Report<TState>(DigestRule rule, SourceSpan span, TextEdit? fix, TState state, System.Func<TState, string[]> arguments)
        {
            if (!DigestParser.Owner.Owns(rule))
            {
                // A validation slipped into the parser: DigestEngine turns this into DK9001, which any test sees.
                throw new System.InvalidOperationException(rule.Id + " is reported by the parser, which does not declare it");
            }

            if (!CappedDiagnostics.TrySkip(Diagnostics, rule, span))
            {
                CappedDiagnostics.Add(Diagnostics, rule.Create(Path, span, fix, arguments(state)));
            }
        }

        /// <summary>DK2009: text in [start, end) that the format has no place for, and that the parser skips.</summary>
        public void ReportUnexpected(int start, int end, string where) =>
            ReportUnexpected(start, end, where, static w => w);

        /// <summary>DK2009, with the place named by <paramref name="where"/> only when the finding is kept.</summary>
        public void ReportUnexpected<TState>(int start, int end, TState state, System.Func<TState, string> where) =>
            Report(DigestRules.UnexpectedContent, FromBounds(start, end), null, (Context: this, start, end, state, where),
                static s => new[] { Quote(s.Context.Text.Substring(s.start, s.end - s.start)), s.where(s.state) });

        /// <summary>
        /// A value quoted in a message on one line: line breaks are written <c>\r</c> and <c>\n</c>. Its length is
        /// capped where every message is made, in <see cref="DigestRule.Create(string, SourceSpan, TextEdit?, string[])"/>.
        /// </summary>
        public static string Quote(string value) => value.Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
