namespace HotPapers;

/// <summary>A plain text table: a header row, a rule, and left-aligned columns (numbers right-aligned).</summary>
internal sealed class Table(params string[] headers)
{
    private const int MaxCell = 70;
    private readonly List<string[]> _rows = [];
    private readonly bool[] _numeric = new bool[headers.Length];

    public Table Numeric(params int[] columns)
    {
        foreach (var c in columns)
        {
            _numeric[c] = true;
        }

        return this;
    }

    public void Add(params object?[] cells) =>
        _rows.Add(cells.Select(c => Clip(Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToArray());

    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(output, headers, widths, header: true);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths, header: false);
        }
    }

    private void WriteRow(TextWriter output, string[] cells, int[] widths, bool header)
    {
        var parts = cells.Select((cell, i) => _numeric[i] && !header ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }

    /// <summary>
    /// One line per row: runs of white space (line breaks, arXiv's wrapped-title double spaces) become one space,
    /// and long text is cut with an ellipsis.
    /// </summary>
    private static string Clip(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= MaxCell ? flat : flat[..(MaxCell - 1)] + "…";
    }
}
