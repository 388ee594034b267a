using System.Globalization;
using System.Text;

namespace DigestKit.Cli.Fixing;

/// <summary>
/// A unified diff (<c>diff -u</c>, three lines of context) between two texts, which <c>patch</c> and
/// <c>git apply</c> accept. Lines are compared with their line endings, and a CRLF file's lines keep their CR in
/// the diff (as <c>diff -u</c> prints them), so the patch applies to the file as it is. The line diff is Myers' O(ND) algorithm: fixes change few lines of long files.
/// </summary>
internal static class UnifiedDiff
{
    public const int Context = 3;

    public static string Create(string oldPath, string newPath, string oldText, string newText)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var edits = Diff(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(oldPath).Append('\n');
        output.Append("+++ ").Append(newPath).Append('\n');

        // Group changes into hunks: a hunk ends when more than 2 * Context unchanged lines follow a change.
        var i = 0;
        while (i < edits.Count)
        {
            while (i < edits.Count && edits[i].Kind == ' ')
            {
                i++;
            }

            if (i >= edits.Count)
            {
                break;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < edits.Count)
            {
                if (edits[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * Context)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(edits.Count, lastChange + Context + 1);
            WriteHunk(output, edits, start, end, a, b);
            i = end;
        }

        return output.ToString();
    }

    private static void WriteHunk(StringBuilder output, List<(char Kind, int A, int B)> edits, int start, int end, string[] a, string[] b)
    {
        int oldCount = 0, newCount = 0;
        int oldStart = -1, newStart = -1;
        for (var k = start; k < end; k++)
        {
            var e = edits[k];
            if (e.Kind != '+')
            {
                if (oldStart < 0) oldStart = e.A;
                oldCount++;
            }

            if (e.Kind != '-')
            {
                if (newStart < 0) newStart = e.B;
                newCount++;
            }
        }

        // Line numbers are 1-based; an empty range is numbered by the line before it (diff -u's convention).
        oldStart = oldCount == 0 ? PositionBefore(edits, start, isOld: true) : oldStart + 1;
        newStart = newCount == 0 ? PositionBefore(edits, start, isOld: false) : newStart + 1;
        output.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
        for (var k = start; k < end; k++)
        {
            var e = edits[k];
            var line = e.Kind == '+' ? b[e.B] : a[e.A];
            output.Append(e.Kind).Append(TrimLineBreak(line, out var hadBreak)).Append('\n');
            if (!hadBreak)
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    private static int PositionBefore(List<(char Kind, int A, int B)> edits, int index, bool isOld)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            var e = edits[k];
            if (isOld && e.Kind != '+') return e.A + 1;
            if (!isOld && e.Kind != '-') return e.B + 1;
        }

        return 0;
    }

    private static string Range(int start, int count) => count == 1
        ? start.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");

    /// <summary>
    /// The line without its final '\n'. A CRLF line keeps its '\r', as <c>diff -u</c> prints it, so that
    /// <c>git apply</c> and <c>patch</c> match the file's real lines; a line ending in a lone CR loses it.
    /// </summary>
    private static string TrimLineBreak(string line, out bool hadBreak)
    {
        hadBreak = true;
        if (line.Length > 0 && line[^1] == '\n') return line[..^1];
        if (line.Length > 0 && line[^1] == '\r') return line[..^1];
        hadBreak = false;
        return line;
    }

    /// <summary>Lines with their terminators (CRLF, CR or LF); the last line may have none.</summary>
    public static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines.ToArray();
    }

    /// <summary>The edit script: ' ' keeps a[A] (= b[B]), '-' deletes a[A], '+' inserts b[B].</summary>
    internal static List<(char Kind, int A, int B)> Diff(string[] a, string[] b)
    {
        // Common prefix and suffix first: Myers then only sees the changed middle.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && string.Equals(a[prefix], b[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix
            && string.Equals(a[a.Length - 1 - suffix], b[b.Length - 1 - suffix], StringComparison.Ordinal))
        {
            suffix++;
        }

        var result = new List<(char, int, int)>(a.Length + b.Length);
        for (var k = 0; k < prefix; k++)
        {
            result.Add((' ', k, k));
        }

        result.AddRange(Myers(a, b, prefix, a.Length - suffix, prefix, b.Length - suffix));
        for (var k = suffix; k > 0; k--)
        {
            result.Add((' ', a.Length - k, b.Length - k));
        }

        return result;
    }

    private static List<(char, int, int)> Myers(string[] a, string[] b, int aStart, int aEnd, int bStart, int bEnd)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        var max = n + m;
        var script = new List<(char, int, int)>();
        if (max == 0)
        {
            return script;
        }

        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                {
                    x = v[offset + k + 1];
                }
                else
                {
                    x = v[offset + k - 1] + 1;
                }

                var y = x - k;
                while (x < n && y < m && string.Equals(a[aStart + x], b[bStart + y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        // Walk back through the saved V arrays to recover the path.
        var cx = n;
        var cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var vd = trace[d];
            var k = cx - cy;
            int prevK;
            if (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]))
            {
                prevK = k + 1;
            }
            else
            {
                prevK = k - 1;
            }

            var prevX = vd[offset + prevK];
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY)
            {
                script.Add((' ', aStart + cx - 1, bStart + cy - 1));
                cx--;
                cy--;
            }

            if (d > 0)
            {
                if (cx == prevX)
                {
                    script.Add(('+', aStart + cx, bStart + cy - 1));
                    cy--;
                }
                else
                {
                    script.Add(('-', aStart + cx - 1, bStart + cy));
                    cx--;
                }
            }
        }

        script.Reverse();
        return script;
    }
}
