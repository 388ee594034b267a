using System;

namespace DigestKit.Engine.Parsing
{
    /// <summary>Small helpers over raw text ranges, shared by the line parsers.</summary>
    internal static class TextScanner
    {
        /// <summary>
        /// The end of the line starting at <paramref name="start"/>, before its line break: CR or LF, as Markdown (and the
        /// language server) count lines. U+0085, U+2028 and U+2029 end a line for the compiler's positions
        /// (<see cref="LineMap"/>) but not a value: a title holding one is read whole, and the character is DK2016.
        /// </summary>
        public static int LineEnd(string text, int start)
        {
            if (start >= text.Length)
            {
                return text.Length;
            }

            var i = text.IndexOfAny(MarkdownLineBreaks, start);
            return i < 0 ? text.Length : i;
        }

        /// <summary>The start of the next line after the line break at or after <paramref name="position"/>.</summary>
        public static int NextLineStart(string text, int position)
        {
            var i = LineEnd(text, position);
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                return i + 2;
            }

            return i < text.Length ? i + 1 : i;
        }

        /// <summary>
        /// The start of the line after <paramref name="position"/>'s as Markdown counts lines (CR, LF and CR LF end one;
        /// U+0085, U+2028 and U+2029 do not), or the text's length.
        /// </summary>
        public static int NextMarkdownLine(string text, int position)
        {
            var i = position < text.Length ? text.IndexOfAny(MarkdownLineBreaks, position) : -1;
            if (i < 0)
            {
                return text.Length;
            }

            return text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
        }

        private static readonly char[] MarkdownLineBreaks = { '\r', '\n' };

        public static bool IsLineBreak(char c) => c == '\n' || c == '\r';

        /// <summary>The start of the line (as Markdown breaks lines: CR, LF, CR LF) that holds <paramref name="offset"/>.</summary>
        public static int LineStart(string text, int offset)
        {
            var i = Math.Min(offset, text.Length);
            while (i > 0 && !IsLineBreak(text[i - 1]))
            {
                i--;
            }

            return i;
        }

        public static bool IsBlank(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Narrows [start, end) so it neither starts nor ends with white space.</summary>
        public static (int Start, int End) Trim(string text, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return (start, end);
        }
    }
}
