using System.Globalization;
using System.Text;

namespace HotPapers;

/// <summary>
/// The one way a value gets into the site's HTML. <see cref="Escape"/> is used for text and quoted attributes
/// alike, so no value from a digest is written unescaped anywhere.
/// </summary>
internal static class Html
{
    /// <summary>
    /// <paramref name="value"/> safe in element text and in a double- or single-quoted attribute: the five
    /// markup characters become references, and characters HTML forbids (NUL, C0/C1 controls other than
    /// white space, lone surrogates) become U+FFFD.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var output = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"': output.Append("&quot;"); break;
                case '\'': output.Append("&#39;"); break;
                case '\t' or '\n' or '\r': output.Append(c); break;
                case < ' ' or (>= '\u007F' and <= '\u009F'): output.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        output.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        output.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// A link target: escaped, and only http(s) or a page of the site. Anything else (javascript:, data:) becomes
    /// "#", since escaping alone does not stop a script URL.
    /// </summary>
    public static string Href(string url)
    {
        var trimmed = url.Trim();
        var safe = trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || IsSitePage(trimmed);
        return Escape(safe ? trimmed : "#");
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // The pages SiteWriter links to: "../papers/x.html", "digests/y.html", "index.html".
    private static bool IsSitePage(string url) =>
        url.EndsWith(".html", StringComparison.Ordinal) && !url.Contains(':') && !url.StartsWith("//", StringComparison.Ordinal);
}
