using System;
using System.Collections.Generic;

namespace DigestKit.Engine
{
    /// <summary>
    /// Maps UTF-16 offsets to 1-based lines and columns. Line breaks are those Roslyn's SourceText knows
    /// (CR LF, CR, LF, NEL, U+2028, U+2029), so a position printed by the CLI is the one the build prints.
    /// </summary>
    public sealed class LineMap
    {
        /// <summary>Every character Roslyn's SourceText ends a line at.</summary>
        internal static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

        // The list itself, not a copy of it: a copy would double what the map allocates.
        private readonly List<int> _lineStarts;
        private readonly int _length;

        // Positions are asked for nearly in text order: the line of the last answer is the first guess. Only a hint,
        // checked before use, so concurrent callers can at worst make each other fall back to the binary search.
        private int _lastLine;

        public LineMap(string text)
        {
            _length = text.Length;
            var starts = new List<int>(text.Length / 40) { 0 };

            // IndexOfAny over five characters is vectorised by the runtime: a char-by-char loop costs as much as
            // Markdig's whole block parse on a real post.
            var i = text.IndexOfAny(LineBreaks);
            while (i >= 0)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
                i = i + 1 < text.Length ? text.IndexOfAny(LineBreaks, i + 1) : -1;
            }

            _lineStarts = starts;
        }

        public int LineCount => _lineStarts.Count;

        /// <summary>The offset at which 1-based <paramref name="line"/> starts.</summary>
        public int LineStart(int line) => _lineStarts[Math.Max(0, Math.Min(line - 1, _lineStarts.Count - 1))];

        /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped to the text).</summary>
        public (int Line, int Column) Position(int offset)
        {
            offset = Math.Max(0, Math.Min(offset, _length));
            var index = FindLine(offset, _lastLine);
            _lastLine = index;
            return (index + 1, offset - _lineStarts[index] + 1);
        }

        private int FindLine(int offset, int hint)
        {
            var starts = _lineStarts;
            for (var i = hint; i < starts.Count && i <= hint + 2; i++)
            {
                if (starts[i] <= offset && (i + 1 == starts.Count || offset < starts[i + 1]))
                {
                    return i;
                }
            }

            var index = starts.BinarySearch(offset);
            return index < 0 ? ~index - 1 : index;
        }

        /// <summary>The span of <paramref name="length"/> characters at <paramref name="start"/>, clamped to the text.</summary>
        public SourceSpan Span(int start, int length)
        {
            start = Math.Max(0, Math.Min(start, _length));
            length = Math.Max(0, Math.Min(length, _length - start));
            var (line, column) = Position(start);
            var (endLine, endColumn) = Position(start + length);
            return new SourceSpan(start, length, line, column, endLine, endColumn);
        }

        /// <summary>The span from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
        public SourceSpan FromBounds(int start, int end) => Span(start, end - start);
    }
}
