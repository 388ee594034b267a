using System.Globalization;

namespace DigestKit.Engine.Text
{
    /// <summary>Coarse writing-system groups: enough to tell that a repaired letter does not belong next to its neighbours.</summary>
    internal enum ScriptGroup
    {
        /// <summary>Not a letter of a specific script (digits, punctuation, modifier letters, marks...).</summary>
        Neutral,
        Latin,
        Greek,
        Cyrillic,
        Armenian,
        Hebrew,
        Arabic,
        /// <summary>Han, kana, Hangul, bopomofo: the scripts of CJK text.</summary>
        Cjk,
        /// <summary>Any other script; two such letters count as different unless they share a 128-code-point block.</summary>
        Other,
    }

    /// <summary>Unicode facts about code points that the detector needs, without any globalization data beyond categories.</summary>
    internal static class MojibakeCharInfo
    {
        public static UnicodeCategory Category(int codePoint)
        {
            if (codePoint < 0 || codePoint > 0x10FFFF)
            {
                return UnicodeCategory.OtherNotAssigned;
            }

            if (codePoint <= 0xFFFF)
            {
                return CharUnicodeInfo.GetUnicodeCategory((char)codePoint);
            }

            return CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
        }

        public static bool IsLetter(int codePoint)
        {
            switch (Category(codePoint))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                    return true;
                default:
                    return false;
            }
        }

        public static bool IsUpper(int codePoint)
        {
            var category = Category(codePoint);
            return category == UnicodeCategory.UppercaseLetter || category == UnicodeCategory.TitlecaseLetter;
        }

        public static bool IsLower(int codePoint) => Category(codePoint) == UnicodeCategory.LowercaseLetter;

        public static bool IsLetterOrDigit(int codePoint) =>
            IsLetter(codePoint) || Category(codePoint) == UnicodeCategory.DecimalDigitNumber;

        public static bool IsMark(int codePoint)
        {
            var category = Category(codePoint);
            return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark
                || category == UnicodeCategory.EnclosingMark;
        }

        /// <summary>IPA extensions: lowercase-only letters that accented capitals next to punctuation decode to by accident.</summary>
        public static bool IsIpa(int codePoint) => codePoint >= 0x250 && codePoint <= 0x2AF;

        public static ScriptGroup ScriptOf(int c)
        {
            if (!IsLetter(c) || (c >= 0x2B0 && c <= 0x2FF))
            {
                return ScriptGroup.Neutral;
            }

            if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF)
                || (c >= 0xAB30 && c <= 0xAB6F) || (c >= 0xFB00 && c <= 0xFB06) || (c >= 0xFF21 && c <= 0xFF5A)
                || (c >= 0x1D00 && c <= 0x1DBF) || c < 0x2B0)
            {
                return ScriptGroup.Latin;
            }

            if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF))
            {
                return ScriptGroup.Greek;
            }

            if ((c >= 0x400 && c <= 0x52F) || (c >= 0x1C80 && c <= 0x1C8F) || (c >= 0x2DE0 && c <= 0x2DFF)
                || (c >= 0xA640 && c <= 0xA69F))
            {
                return ScriptGroup.Cyrillic;
            }

            if (c >= 0x530 && c <= 0x58F)
            {
                return ScriptGroup.Armenian;
            }

            if ((c >= 0x590 && c <= 0x5FF) || (c >= 0xFB1D && c <= 0xFB4F))
            {
                return ScriptGroup.Hebrew;
            }

            if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0x8A0 && c <= 0x8FF)
                || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
            {
                return ScriptGroup.Arabic;
            }

            if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x31FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F)
                || (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFFDC)
                || (c >= 0x20000 && c <= 0x3FFFF))
            {
                return ScriptGroup.Cjk;
            }

            return ScriptGroup.Other;
        }

        /// <summary>
        /// How implausible it is to see letters <paramref name="a"/> and <paramref name="b"/> side by side:
        /// 0 for the same script, a non-letter, or Latin with Greek (units like "μm", genes like "TNFα"); 1 for Latin
        /// with CJK, which real text does mix; 2 for anything else (a Cyrillic or Armenian letter inside a Latin word).
        /// </summary>
        public static int ScriptClash(int a, int b)
        {
            var sa = ScriptOf(a);
            var sb = ScriptOf(b);
            if (sa == ScriptGroup.Neutral || sb == ScriptGroup.Neutral || (sa == sb && (sa != ScriptGroup.Other || a >> 7 == b >> 7)))
            {
                return 0;
            }

            // Science glues Greek to Latin all the time ("IL2Rγc", "TNFα", "μm").
            if ((sa == ScriptGroup.Latin && sb == ScriptGroup.Greek) || (sb == ScriptGroup.Latin && sa == ScriptGroup.Greek))
            {
                return 0;
            }

            if ((sa == ScriptGroup.Latin && sb == ScriptGroup.Cjk) || (sb == ScriptGroup.Latin && sa == ScriptGroup.Cjk))
            {
                return 1;
            }

            return 2;
        }

        /// <summary>
        /// Blocks that real text uses often enough that one stray character decoding into them is believable.
        /// A single mis-decoded sequence landing elsewhere (Samaritan, NKo, Syriac...) is more likely correct text
        /// that merely looks like mojibake, so it needs more evidence.
        /// </summary>
        public static bool IsCommonBlock(int c) =>
            (c >= 0xA0 && c <= 0x4FF) || (c >= 0x590 && c <= 0x6FF) || (c >= 0x900 && c <= 0xDFF)
            || (c >= 0xE00 && c <= 0xE7F) || (c >= 0x10A0 && c <= 0x10FF) || (c >= 0x1100 && c <= 0x11FF)
            || (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E80 && c <= 0x2FDF)
            || (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0xFB00 && c <= 0xFB06) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE30 && c <= 0xFE4F)
            || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0xFFFD
            || (c >= 0x1D400 && c <= 0x1D7FF) || (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFF)
            || (c >= 0xE0020 && c <= 0xE007F);

        /// <summary>The code point ending just before <paramref name="index"/>, or -1 at the start.</summary>
        public static int CodePointBefore(string text, int index)
        {
            if (index <= 0 || index > text.Length)
            {
                return -1;
            }

            var low = text[index - 1];
            if (char.IsLowSurrogate(low) && index >= 2 && char.IsHighSurrogate(text[index - 2]))
            {
                return char.ConvertToUtf32(text[index - 2], low);
            }

            return low;
        }

        /// <summary>The code point starting at <paramref name="index"/>, or -1 at the end.</summary>
        public static int CodePointAt(string text, int index)
        {
            if (index < 0 || index >= text.Length)
            {
                return -1;
            }

            var high = text[index];
            if (char.IsHighSurrogate(high) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                return char.ConvertToUtf32(high, text[index + 1]);
            }

            return high;
        }
    }
}
