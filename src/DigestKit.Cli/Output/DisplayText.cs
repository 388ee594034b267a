using System.Globalization;
using System.Text;

namespace DigestKit.Cli.Output;

/// <summary>
/// How text from a digest is shown on a terminal: one line, nothing invisible. A digest can hold exactly what a
/// terminal must not receive raw (line breaks inside a message, U+202E which would reverse the rest of the
/// report, escape characters), so those are shown as <c>&lt;U+202E&gt;</c>. Also measures display width, so a
/// caret lands under the right character when the line holds tabs, CJK or emoji.
/// </summary>
internal static class DisplayText
{
    public const int TabWidth = 4;

    /// <summary>Characters that are replaced by a visible <c>&lt;U+XXXX&gt;</c>.</summary>
    public static bool IsHidden(Rune rune)
    {
        var v = rune.Value;
        return Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
            || v == 0x061C || v == 0x200E || v == 0x200F
            || (v >= 0x202A && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069)
            || v == 0xFEFF
            || v == 0x2028 || v == 0x2029;
    }

    public static string Visible(Rune rune) => "<U+" + rune.Value.ToString("X4", CultureInfo.InvariantCulture) + ">";

    /// <summary>The text on one line with hidden characters made visible (tabs kept: they are harmless here).</summary>
    public static string Sanitize(string text)
    {
        var clean = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value != '\t' && IsHidden(rune))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value != '\t' && IsHidden(rune))
            {
                builder.Append(Visible(rune));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Terminal cells a character takes: 0 for combining marks, 2 for East Asian wide and emoji.</summary>
    public static int Width(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var v = rune.Value;
        var wide =
            (v >= 0x1100 && v <= 0x115F) ||
            (v >= 0x2E80 && v <= 0x303E) ||
            (v >= 0x3041 && v <= 0x33FF) ||
            (v >= 0x3400 && v <= 0x4DBF) ||
            (v >= 0x4E00 && v <= 0x9FFF) ||
            (v >= 0xA000 && v <= 0xA4CF) ||
            (v >= 0xAC00 && v <= 0xD7A3) ||
            (v >= 0xF900 && v <= 0xFAFF) ||
            (v >= 0xFE30 && v <= 0xFE4F) ||
            (v >= 0xFF00 && v <= 0xFF60) ||
            (v >= 0xFFE0 && v <= 0xFFE6) ||
            (v >= 0x1F300 && v <= 0x1F64F) ||
            (v >= 0x1F900 && v <= 0x1F9FF) ||
            (v >= 0x1F680 && v <= 0x1F6FF) ||
            (v >= 0x20000 && v <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
