using System;
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
        /// <summary>The named references Twitter's markup uses; looked up in place, without cutting the name out.</summary>
        private static readonly (string Name, string Value)[] NamedEntities =
        {
            ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("nbsp", "\u00A0"),
            ("mdash", "\u2014"), ("ndash", "\u2013"), ("hellip", "\u2026"), ("lsquo", "\u2018"), ("rsquo", "\u2019"),
            ("ldquo", "\u201C"), ("rdquo", "\u201D"), ("laquo", "\u00AB"), ("raquo", "\u00BB"), ("copy", "\u00A9"),
            ("reg", "\u00AE"), ("trade", "\u2122"), ("deg", "\u00B0"), ("times", "\u00D7"), ("divide", "\u00F7"),
            ("middot", "\u00B7"), ("bull", "\u2022"), ("euro", "\u20AC"), ("pound", "\u00A3"), ("yen", "\u00A5"),
            ("cent", "\u00A2"), ("sect", "\u00A7"), ("para", "\u00B6"), ("plusmn", "\u00B1"), ("micro", "\u00B5"),
            ("rarr", "\u2192"), ("larr", "\u2190"), ("uarr", "\u2191"), ("darr", "\u2193"), ("harr", "\u2194"),
            ("le", "\u2264"), ("ge", "\u2265"), ("ne", "\u2260"), ("asymp", "\u2248"), ("infin", "\u221E"),
            ("alpha", "\u03B1"), ("beta", "\u03B2"), ("gamma", "\u03B3"), ("delta", "\u03B4"), ("lambda", "\u03BB"),
            ("mu", "\u03BC"), ("pi", "\u03C0"), ("sigma", "\u03C3"), ("shy", "\u00AD"), ("zwj", "\u200D"),
            ("zwnj", "\u200C"),
        };

        private static readonly char[] TagOrReference = { '<', '&' };

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
                // Copy the text up to the next tag or reference in one piece.
                var next = html.IndexOfAny(TagOrReference, i, end - i);
                if (next < 0)
                {
                    builder.Append(html, i, end - i);
                    break;
                }

                builder.Append(html, i, next - i);
                i = next;
                if (html[i] == '<')
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
                else
                {
                    i = AppendReference(html, i, end, builder);
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

        /// <summary>Whether the tag in [open, close] is <c>&lt;br&gt;</c>, <c>&lt;br/&gt;</c> or <c>&lt;BR /&gt;</c>: its name, trimmed of
        /// white space and a closing slash, is "br".</summary>
        private static bool IsBreakTag(string html, int open, int close)
        {
            var start = open + 1;
            var end = close;
            while (start < end && char.IsWhiteSpace(html[start]))
            {
                start++;
            }

            end = TrimEndWhiteSpace(html, start, end);
            while (end > start && html[end - 1] == '/')
            {
                end--;
            }

            end = TrimEndWhiteSpace(html, start, end);
            return end - start == 2 && string.Compare(html, start, "br", 0, 2, StringComparison.OrdinalIgnoreCase) == 0;
        }

        private static int TrimEndWhiteSpace(string text, int start, int end)
        {
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return end;
        }

        /// <summary>Appends the reference at <paramref name="amp"/> (or a literal '&amp;'); returns where to go on.</summary>
        private static int AppendReference(string text, int amp, int end, StringBuilder builder)
        {
            var semicolon = text.IndexOf(';', amp + 1, Math.Min(end - amp - 1, 12));
            if (semicolon > amp + 1)
            {
                var nameStart = amp + 1;
                var nameLength = semicolon - nameStart;
                if (text[nameStart] == '#' && TryNumeric(text, nameStart, semicolon, out var code))
                {
                    AppendCodePoint(builder, code);
                    return semicolon + 1;
                }

                foreach (var (name, value) in NamedEntities)
                {
                    if (name.Length == nameLength && string.CompareOrdinal(text, nameStart, name, 0, nameLength) == 0)
                    {
                        builder.Append(value);
                        return semicolon + 1;
                    }
                }
            }

            builder.Append('&');
            return amp + 1;
        }

        /// <summary>
        /// The code point of the numeric reference whose name ('#' and its digits) is [start, end): decimal digits, or
        /// 'x' or 'X' and hex digits; a code point of Unicode and not a surrogate.
        /// </summary>
        private static bool TryNumeric(string text, int start, int end, out int code)
        {
            code = 0;
            var hex = end - start > 1 && (text[start + 1] == 'x' || text[start + 1] == 'X');
            var digitsStart = start + (hex ? 2 : 1);
            if (digitsStart >= end)
            {
                return false;
            }

            // A name has at most 11 characters, so the value fits a long whatever its digits.
            long value = 0;
            for (var i = digitsStart; i < end; i++)
            {
                var digit = DigitValue(text[i], hex);
                if (digit < 0)
                {
                    // As int.TryParse reads numbers: NULs after the digits are ignored.
                    if (i > digitsStart && OnlyNuls(text, i, end))
                    {
                        break;
                    }

                    return false;
                }

                value = (value * (hex ? 16 : 10)) + digit;
            }

            if (value <= 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            {
                return false;
            }

            code = (int)value;
            return true;
        }

        private static bool OnlyNuls(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (text[i] != '\0')
                {
                    return false;
                }
            }

            return true;
        }

        private static int DigitValue(char c, bool hex)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (hex && c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        private static void AppendCodePoint(StringBuilder builder, int code)
        {
            if (code < 0x10000)
            {
                builder.Append((char)code);
            }
            else
            {
                code -= 0x10000;
                builder.Append((char)(0xD800 + (code >> 10))).Append((char)(0xDC00 + (code & 0x3FF)));
            }
        }
    }
}
