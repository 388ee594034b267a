using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// The little HTML a tweet embed holds, turned into plain text: tags dropped, <c>&lt;br&gt;</c> as a newline,
    /// character references decoded. Not a general HTML parser, and it never needs to be one: the input is
    /// Twitter's oEmbed markup.
    /// </summary>
    public static class HtmlText
    {
        private static readonly Dictionary<string, string> NamedEntities = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = "\u00A0",
            ["mdash"] = "\u2014", ["ndash"] = "\u2013", ["hellip"] = "\u2026", ["lsquo"] = "\u2018", ["rsquo"] = "\u2019",
            ["ldquo"] = "\u201C", ["rdquo"] = "\u201D", ["laquo"] = "\u00AB", ["raquo"] = "\u00BB", ["copy"] = "\u00A9",
            ["reg"] = "\u00AE", ["trade"] = "\u2122", ["deg"] = "\u00B0", ["times"] = "\u00D7", ["divide"] = "\u00F7",
            ["middot"] = "\u00B7", ["bull"] = "\u2022", ["euro"] = "\u20AC", ["pound"] = "\u00A3", ["yen"] = "\u00A5",
            ["cent"] = "\u00A2", ["sect"] = "\u00A7", ["para"] = "\u00B6", ["plusmn"] = "\u00B1", ["micro"] = "\u00B5",
            ["rarr"] = "\u2192", ["larr"] = "\u2190", ["uarr"] = "\u2191", ["darr"] = "\u2193", ["harr"] = "\u2194",
            ["le"] = "\u2264", ["ge"] = "\u2265", ["ne"] = "\u2260", ["asymp"] = "\u2248", ["infin"] = "\u221E",
            ["alpha"] = "\u03B1", ["beta"] = "\u03B2", ["gamma"] = "\u03B3", ["delta"] = "\u03B4", ["lambda"] = "\u03BB",
            ["mu"] = "\u03BC", ["pi"] = "\u03C0", ["sigma"] = "\u03C3", ["shy"] = "\u00AD", ["zwj"] = "\u200D", ["zwnj"] = "\u200C",
        };

        [ThreadStatic]
        private static StringBuilder? _builder;

        /// <summary>Plain text of an HTML fragment.</summary>
        public static string ToPlainText(string html, int start, int end)
        {
            // One builder per thread, reused: the engine runs on many files at once and this is its hottest copy.
            var builder = _builder ??= new StringBuilder(1024);
            builder.Clear();
            var i = start;
            while (i < end)
            {
                var c = html[i];
                if (c == '<')
                {
                    var close = html.IndexOf('>', i + 1, end - i - 1);
                    if (close < 0)
                    {
                        builder.Append(html, i, end - i);
                        break;
                    }

                    if (IsBreakTag(html, i, close))
                    {
                        builder.Append('\n');
                    }

                    i = close + 1;
                }
                else if (c == '&')
                {
                    i = AppendReference(html, i, end, builder);
                }
                else
                {
                    builder.Append(c);
                    i++;
                }
            }

            var text = builder.ToString();
            if (builder.Capacity > 1 << 16)
            {
                _builder = null; // one huge tweet should not pin its buffer for the thread's lifetime
            }

            return text;
        }

        /// <summary>Decodes character references in <paramref name="text"/> (tags are kept as text).</summary>
        public static string Decode(string text)
        {
            if (text.IndexOf('&') < 0)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '&')
                {
                    i = AppendReference(text, i, text.Length, builder);
                }
                else
                {
                    builder.Append(text[i++]);
                }
            }

            return builder.ToString();
        }

        private static bool IsBreakTag(string html, int open, int close)
        {
            var name = html.Substring(open + 1, close - open - 1).Trim().TrimEnd('/').Trim();
            return string.Equals(name, "br", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Appends the reference at <paramref name="amp"/> (or a literal '&amp;'); returns where to go on.</summary>
        private static int AppendReference(string text, int amp, int end, StringBuilder builder)
        {
            var semicolon = text.IndexOf(';', amp + 1, Math.Min(end - amp - 1, 12));
            if (semicolon > amp + 1)
            {
                var name = text.Substring(amp + 1, semicolon - amp - 1);
                if (name[0] == '#' && TryNumeric(name, out var decoded))
                {
                    builder.Append(decoded);
                    return semicolon + 1;
                }

                if (NamedEntities.TryGetValue(name, out var named))
                {
                    builder.Append(named);
                    return semicolon + 1;
                }
            }

            builder.Append('&');
            return amp + 1;
        }

        private static bool TryNumeric(string name, out string decoded)
        {
            decoded = string.Empty;
            var hex = name.Length > 1 && (name[1] == 'x' || name[1] == 'X');
            var digits = name.Substring(hex ? 2 : 1);
            if (digits.Length == 0 ||
                !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code) ||
                code <= 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                return false;
            }

            decoded = char.ConvertFromUtf32(code);
            return true;
        }
    }
}
