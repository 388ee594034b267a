using System;
using System.Globalization;
using System.Text;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// The one way a string from a digest reaches generated source: as a quoted, escaped C# literal. Every value
    /// goes through <see cref="Quote"/>, so no content can end a literal, start a line (a <c>#line</c> or
    /// <c>#error</c> directive), open a comment, or hide code behind invisible characters.
    /// </summary>
    public static class CSharpLiteral
    {
        /// <summary>
        /// <paramref name="value"/> as text inside a <c>///</c> doc comment: XML-escaped (<c>&amp;</c>,
        /// <c>&lt;</c>, <c>&gt;</c>), and every character that could end the comment's line or hide what it says
        /// (control characters, CR, LF, NEL, U+2028/U+2029, format characters such as bidi controls, unpaired
        /// surrogates) replaced by U+FFFD, so the comment stays one line and shows what it holds.
        /// </summary>
        public static string DocText(string value)
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(c).Append(value[++i]);
                    continue;
                }

                switch (c)
                {
                    case '&': builder.Append("&amp;"); continue;
                    case '<': builder.Append("&lt;"); continue;
                    case '>': builder.Append("&gt;"); continue;
                }

                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                var unsafeChar = category == UnicodeCategory.Control || category == UnicodeCategory.Format
                    || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator
                    || category == UnicodeCategory.Surrogate;
                builder.Append(unsafeChar ? '\uFFFD' : c);
            }

            return builder.ToString();
        }

        /// <summary>
        /// <paramref name="value"/> as a regular (not verbatim, not raw, not interpolated) C# string literal, with
        /// a <c>u8</c> suffix when <paramref name="utf8"/>. Printable characters stay readable (accents, CJK,
        /// emoji); escaped: <c>"</c> and <c>\</c>; every control character (NUL, CR, LF, NEL, …); U+2028/U+2029;
        /// every format character (bidi controls, zero-width characters, BOM) and unpaired surrogates as
        /// <c>\uXXXX</c>. A <c>u8</c> literal cannot hold an unpaired surrogate (UTF-8 has no encoding for it):
        /// callers encode such text another way (see <see cref="DigestBlobWriter"/>), and this throws.
        /// <c>*/</c>, <c>#line</c>, <c>{</c> and <c>"""</c> need no escaping inside a regular literal once quotes
        /// and line breaks are escaped: they cannot start a directive, close anything, or interpolate.
        /// </summary>
        public static string Quote(string value, bool utf8 = false)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            var builder = new StringBuilder(value.Length + 2 + (utf8 ? 2 : 0));
            builder.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); continue;
                    case '\\': builder.Append("\\\\"); continue;
                    case '\0': builder.Append("\\0"); continue;
                    case '\n': builder.Append("\\n"); continue;
                    case '\r': builder.Append("\\r"); continue;
                    case '\t': builder.Append("\\t"); continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    // A well-formed pair (emoji, rare CJK): printable, keep it readable.
                    builder.Append(c).Append(value[i + 1]);
                    i++;
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    if (utf8)
                    {
                        throw new ArgumentException(
                            "An unpaired surrogate (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ") cannot be written in a u8 literal.",
                            nameof(value));
                    }

                    AppendUnicodeEscape(builder, c);
                    continue;
                }

                if (NeedsEscape(c))
                {
                    AppendUnicodeEscape(builder, c);
                    continue;
                }

                builder.Append(c);
            }

            builder.Append('"');
            if (utf8)
            {
                builder.Append("u8");
            }

            return builder.ToString();
        }

        /// <summary>True when text holds an unpaired surrogate, which a <c>u8</c> literal cannot carry.</summary>
        public static bool HasUnpairedSurrogate(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NeedsEscape(char c)
        {
            if (c < ' ' || (c >= '\u007F' && c <= '\u009F'))
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format: // bidi embeddings/overrides/isolates, ZWJ, ZWSP, BOM, soft hyphen
                case UnicodeCategory.LineSeparator: // U+2028: a line break to C#
                case UnicodeCategory.ParagraphSeparator: // U+2029: a line break to C#
                case UnicodeCategory.SpaceSeparator when c != ' ':
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return true;
                default:
                    return false;
            }
        }

        private static void AppendUnicodeEscape(StringBuilder builder, char c) =>
            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
    }
}
