namespace DigestKit.Cli.Lsp;

/// <summary>
/// Maps UTF-16 offsets of a text to LSP positions and back. LSP lines end at CR LF, LF or CR only (not at NEL,
/// U+2028 or U+2029, which the engine's <see cref="Engine.LineMap"/> also breaks at as Roslyn does), and
/// characters are UTF-16 code units, the unit of a .NET string, so an engine offset maps without decoding.
/// </summary>
internal sealed class LspLines
{
    private static readonly char[] Breaks = ['\r', '\n'];

    private readonly int[] _starts;

    /// <summary>For each line, the offset just past its content (before its line break).</summary>
    private readonly int[] _contentEnds;

    public LspLines(string text)
    {
        Length = text.Length;
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        var ends = new List<int>(starts.Capacity);
        var i = text.IndexOfAny(Breaks);
        while (i >= 0)
        {
            ends.Add(i);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            starts.Add(i + 1);
            i = i + 1 < text.Length ? text.IndexOfAny(Breaks, i + 1) : -1;
        }

        ends.Add(text.Length);
        _starts = starts.ToArray();
        _contentEnds = ends.ToArray();
    }

    public int Length { get; }

    public int LineCount => _starts.Length;

    public int LineStart(int line) => _starts[Math.Clamp(line, 0, _starts.Length - 1)];

    public int LineContentEnd(int line) => _contentEnds[Math.Clamp(line, 0, _starts.Length - 1)];

    /// <summary>The position of <paramref name="offset"/> (clamped to the text); inside a line break it is the line's end.</summary>
    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var index = Array.BinarySearch(_starts, offset);
        var line = index < 0 ? ~index - 1 : index;
        return new Position(line, Math.Min(offset, _contentEnds[line]) - _starts[line]);
    }

    public Range RangeOf(int start, int end) => new(PositionOf(start), PositionOf(Math.Max(start, end)));

    /// <summary>
    /// The offset of <paramref name="position"/>. As the specification says, a character past the line's end
    /// means the end of the line; a line past the last one means the end of the text.
    /// </summary>
    public int OffsetOf(Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _starts.Length)
        {
            return Length;
        }

        var start = _starts[position.Line];
        return start + Math.Clamp(position.Character, 0, _contentEnds[position.Line] - start);
    }
}

/// <summary>A document's text under incremental edits.</summary>
internal static class LspEdits
{
    /// <summary>
    /// Applies one <c>didChange</c> content change: a whole new text when it has no range, else a replacement of
    /// the range (clamped to the text; a reversed range is taken in order).
    /// </summary>
    public static string Apply(string text, LspLines lines, TextDocumentContentChangeEvent change)
    {
        var replacement = change.Text ?? string.Empty;
        if (change.Range is not { } range)
        {
            return replacement;
        }

        var start = lines.OffsetOf(range.Start);
        var end = lines.OffsetOf(range.End);
        if (end < start)
        {
            (start, end) = (end, start);
        }

        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
    }
}
