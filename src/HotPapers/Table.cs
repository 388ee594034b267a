using System.Globalization;

namespace HotPapers;

/// <summary>
/// A plain text table: a header row, a rule, and left-aligned columns (numbers right-aligned). Given a width, the
/// flexible columns (titles, authors) give up room, widest first, and their cells end in an ellipsis; without
/// one (output redirected) nothing is cut.
/// </summary>
internal sealed class Table(params string[] headers)
{
    private const string Gap = "  ";
    private const int MinFlexible = 12;
    private const int MinSecondary = 16;
    private readonly List<string[]> _rows = [];
    private readonly bool[] _numeric = new bool[headers.Length];
    private readonly bool[] _flexible = new bool[headers.Length];
    private readonly bool[] _hidden = new bool[headers.Length];
    private int[] _optional = [];

    public Table Numeric(params int[] columns)
    {
        foreach (var c in columns)
        {
            _numeric[c] = true;
        }

        return this;
    }

    /// <summary>The columns that shrink to fit the width, e.g. the title.</summary>
    public Table Flexible(params int[] columns)
    {
        foreach (var c in columns)
        {
            _flexible[c] = true;
        }

        return this;
    }

    /// <summary>The columns left out, first listed first, when the others cannot fit the width even shrunk.</summary>
    public Table Optional(params int[] columns)
    {
        _optional = columns;
        return this;
    }

    public void Add(params object?[] cells) =>
        _rows.Add(cells.Select(c => Text.OneLine(Convert.ToString(c, CultureInfo.InvariantCulture) ?? "")).ToArray());

    public void Write(TextWriter output, int? width)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        if (width is { } limit)
        {
            Fit(widths, limit);
        }

        WriteRow(output, headers, widths, header: true);
        output.WriteLine(string.Join(Gap, widths.Where((_, i) => !_hidden[i]).Select(w => new string('-', w))).TrimEnd());
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths, header: false);
        }
    }

    private void Fit(int[] widths, int limit)
    {
        int Total() => widths.Where((_, i) => !_hidden[i]).Sum() + Gap.Length * (_hidden.Count(h => !h) - 1);
        int Narrowest() => widths.Select((w, i) => _hidden[i] ? 0 : _flexible[i] ? Math.Min(w, MinFlexible) + Gap.Length : w + Gap.Length).Sum() - Gap.Length;
        foreach (var column in _optional)
        {
            if (Narrowest() <= limit)
            {
                break;
            }

            _hidden[column] = true;
        }

        // The first flexible column (the title) keeps its room longest: the others give up theirs first, down to
        // MinSecondary; then every flexible column, widest first, down to MinFlexible; then, if the fixed columns
        // still leave too little, further.
        var first = Array.IndexOf(_flexible, true);
        foreach (var (floor, spareFirst) in new[] { (MinSecondary, true), (MinFlexible, false), (2, false) })
        {
            var total = Total();
            while (total > limit)
            {
                var widest = -1;
                for (var i = 0; i < widths.Length; i++)
                {
                    if (_flexible[i] && !_hidden[i] && !(spareFirst && i == first) && widths[i] > floor && (widest < 0 || widths[i] > widths[widest]))
                    {
                        widest = i;
                    }
                }

                if (widest < 0)
                {
                    break; // the numbers alone are wider than the terminal: the line wraps rather than lose them
                }

                widths[widest]--;
                total--;
            }
        }
    }

    private void WriteRow(TextWriter output, string[] cells, int[] widths, bool header)
    {
        var parts = Enumerable.Range(0, cells.Length).Where(i => !_hidden[i]).Select(i =>
        {
            var fitted = Text.Shorten(cells[i], widths[i]);
            return _numeric[i] && !header ? fitted.PadLeft(widths[i]) : fitted.PadRight(widths[i]);
        });
        output.WriteLine(string.Join(Gap, parts).TrimEnd());
    }
}

/// <summary>Text for a terminal: one line, shortened, or wrapped.</summary>
internal static class Text
{
    /// <summary>Runs of white space (line breaks, arXiv's wrapped-title double spaces) become one space.</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary><paramref name="text"/> cut to at most <paramref name="width"/> characters, the last an ellipsis.</summary>
    public static string Shorten(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        if (width <= 0)
        {
            return "";
        }

        var cut = width - 1;
        var space = text.LastIndexOf(' ', cut);
        if (space > 0 && space >= cut * 2 / 3)
        {
            cut = space; // at a word's end when one is near: "Maren Awiszus…", not "Maren Awiszus e…"
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>Words of <paramref name="text"/> in lines of at most <paramref name="width"/> (a longer word stays whole).</summary>
    public static IEnumerable<string> Wrap(string text, int? width)
    {
        var flat = OneLine(text);
        if (width is not { } limit || flat.Length <= limit)
        {
            if (flat.Length != 0)
            {
                yield return flat;
            }

            yield break;
        }

        var line = new System.Text.StringBuilder();
        foreach (var word in flat.Split(' '))
        {
            if (line.Length != 0 && line.Length + 1 + word.Length > limit)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length != 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length != 0)
        {
            yield return line.ToString();
        }
    }
}
