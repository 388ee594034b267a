using System;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Turns the two YAML errors writers actually make into a precise place and a repair: a tab in an indentation
    /// (YamlDotNet reports it at the start of the enclosing mapping, lines earlier) and an unquoted ": " inside a
    /// plain value (<c>title: Hot Papers: 2020-07-03</c>). A hint is given only when the line has exactly that
    /// shape, so that following it cannot change what the other lines mean.
    /// </summary>
    internal static class YamlErrorHints
    {
        public readonly struct Hint
        {
            public Hint(int start, int end, string text)
            {
                Start = start;
                End = end;
                Text = text;
            }

            public int Start { get; }

            public int End { get; }

            public string Text { get; }
        }

        /// <summary>The hint for YamlDotNet's <paramref name="message"/> at <paramref name="offset"/>, or null.</summary>
        public static Hint? Find(string text, int offset, int contentEnd, string message)
        {
            if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return IndentationTab(text, TextScanner.LineStart(text, offset), contentEnd);
            }

            if (message.IndexOf("mapping", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return UnquotedColon(text, TextScanner.LineStart(text, offset), offset);
            }

            return null;
        }

        /// <summary>The first tab in a line's leading white space, from <paramref name="line"/> on.</summary>
        private static Hint? IndentationTab(string text, int line, int contentEnd)
        {
            while (line < contentEnd)
            {
                for (var i = line; i < contentEnd && (text[i] == ' ' || text[i] == '\t'); i++)
                {
                    if (text[i] == '\t')
                    {
                        return new Hint(i, i + 1, "indent with spaces, as YAML allows no tab in an indentation");
                    }
                }

                line = TextScanner.NextLineStart(text, line);
            }

            return null;
        }

        /// <summary>
        /// <c>key: value</c> at the top level where the plain value holds ": " at <paramref name="offset"/>, and
        /// nothing that double quotes would change (a quote, a backslash, a comment).
        /// </summary>
        private static Hint? UnquotedColon(string text, int line, int offset)
        {
            var lineEnd = TextScanner.LineEnd(text, line);
            var colon = text.IndexOf(": ", line, lineEnd - line, StringComparison.Ordinal);
            if (colon <= line || !IsPlainKey(text, line, colon))
            {
                return null;
            }

            var valueStart = colon + 2;
            while (valueStart < lineEnd && text[valueStart] == ' ')
            {
                valueStart++;
            }

            var (_, valueEnd) = TextScanner.Trim(text, valueStart, lineEnd);
            if (valueStart >= valueEnd || offset <= valueStart || offset >= valueEnd || text[offset] != ':')
            {
                return null;
            }

            if ("\"'[{|>&*!%@`#-?".IndexOf(text[valueStart]) >= 0)
            {
                return null;
            }

            var value = text.Substring(valueStart, valueEnd - valueStart);
            if (value.IndexOfAny(new[] { '"', '\\', '\t' }) >= 0 || value.IndexOf(" #", StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            var key = text.Substring(line, colon - line);
            return new Hint(offset, offset + 1,
                $"quote the value of '{key}', whose ': ' YAML reads as a second key: '{ParseContext.Quote(key + ": \"" + value + "\"")}'");
        }

        private static bool IsPlainKey(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
