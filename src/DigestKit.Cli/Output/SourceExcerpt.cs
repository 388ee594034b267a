using System.Text;
using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// The source line of a diagnostic and the underline beneath its span (<c>^~~~</c>), as they appear on a
/// terminal. Digest lines can be thousands of characters long (embedded tweets are one line), so a long line is
/// cut to a window around the span, with an ellipsis where it was cut.
/// </summary>
internal readonly record struct SourceExcerpt(int LineNumber, string Line, string Underline)
{
    public const int MaxWidth = 100;

    /// <summary>How much of the line before the span a cut line keeps.</summary>
    private const int LeadingContext = 24;

    private const string Ellipsis = "…";

    public static SourceExcerpt? Create(string? text, SourceSpan span)
    {
        if (text is null || span.Line < 1)
        {
            return null;
        }

        var start = Math.Clamp(span.Start, 0, text.Length);
        var lineStart = start;
        while (lineStart > 0 && !IsLineBreak(text[lineStart - 1]))
        {
            lineStart--;
        }

        var lineEnd = start;
        while (lineEnd < text.Length && !IsLineBreak(text[lineEnd]))
        {
            lineEnd++;
        }

        var spanEnd = Math.Clamp(span.Start + Math.Max(0, span.Length), start, lineEnd);

        // Lay the line out in cells: each piece is (first char, char count, what is printed, cells).
        var pieces = new List<(int Start, int Length, string Shown, int Cells)>();
        var cell = 0;
        for (var i = lineStart; i < lineEnd;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i, lineEnd - i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = Math.Max(1, consumed);
            }

            string shown;
            int cells;
            if (rune.Value == '\t')
            {
                cells = DisplayText.TabWidth - (cell % DisplayText.TabWidth);
                shown = new string(' ', cells);
            }
            else if (DisplayText.IsHidden(rune))
            {
                shown = DisplayText.Visible(rune);
                cells = shown.Length;
            }
            else
            {
                shown = rune.ToString();
                cells = DisplayText.Width(rune);
            }

            pieces.Add((i, consumed, shown, cells));
            cell += cells;
            i += consumed;
        }

        var totalCells = cell;
        int CellOf(int offset)
        {
            var c = 0;
            foreach (var p in pieces)
            {
                if (p.Start >= offset)
                {
                    return c;
                }

                c += p.Cells;
            }

            return c;
        }

        var underlineStart = CellOf(start);
        var underlineEnd = Math.Max(CellOf(spanEnd), underlineStart + 1);

        // The window of cells shown: everything, or MaxWidth cells starting a little before the span.
        var windowStart = 0;
        var windowEnd = totalCells;
        if (totalCells > MaxWidth)
        {
            windowStart = Math.Max(0, Math.Min(underlineStart - LeadingContext, totalCells - MaxWidth));
            windowEnd = windowStart + MaxWidth;
        }

        var line = new StringBuilder();
        var shownStart = -1;
        var shownEnd = 0;
        var position = 0;
        foreach (var p in pieces)
        {
            if (position >= windowStart && position + p.Cells <= windowEnd)
            {
                if (shownStart < 0)
                {
                    shownStart = position;
                }

                line.Append(p.Shown);
                shownEnd = position + p.Cells;
            }

            position += p.Cells;
        }

        if (shownStart < 0)
        {
            shownStart = windowStart;
            shownEnd = windowStart;
        }

        var prefix = shownStart > 0 ? Ellipsis : string.Empty;
        if (shownEnd < totalCells)
        {
            line.Append(Ellipsis);
        }

        // Underline, relative to what is shown; a span running past the window stops at its edge.
        var from = Math.Max(underlineStart, shownStart) - shownStart + prefix.Length;
        var to = Math.Min(underlineEnd, Math.Max(shownEnd, shownStart + 1)) - shownStart + prefix.Length;
        if (underlineStart >= shownEnd && underlineStart > shownStart)
        {
            // The span starts at the end of the line (something missing there): the caret goes just past it.
            from = shownEnd - shownStart + prefix.Length;
            to = from + 1;
        }

        to = Math.Max(to, from + 1);
        var underline = new string(' ', from) + "^" + new string('~', to - from - 1);
        return new SourceExcerpt(span.Line, prefix + line.ToString(), underline);
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';
}
