using System.Globalization;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// Which characters a repair may produce. A repair that yields a control, private-use, unassigned or
    /// non-character code point, or a combining mark with nothing to combine with, is not a repair.
    /// </summary>
    internal static class MojibakeCodePointRules
    {
        /// <param name="codePoint">The decoded character.</param>
        /// <param name="before">The character it would follow in the repaired text, -1 at the start.</param>
        public static bool IsAcceptable(int codePoint, int before)
        {
            if ((codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF))
            {
                return false;
            }

            // The Apple logo is private use, yet it is what Mac OS Roman byte 0xF0 reads as: a second reading of
            // text first read as Mac OS Roman ("Ô£ø" → U+F8FF → part of an emoji) must be able to produce it.
            // Like a C1 control, it may stand only in an intermediate layer.
            if (codePoint == 0xF8FF)
            {
                return true;
            }

            // C1 controls never stand in repaired text, but text read wrongly twice holds them half-way: Latin-1
            // reads the 0x81 of "Ł" as U+0081, and the second reading spells that U+0081 again. The scanner lets
            // them through so that the layer can be peeled; a final repair that still holds one is refused.
            if (IsC1Control(codePoint))
            {
                return true;
            }

            switch (MojibakeCharInfo.Category(codePoint))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.OtherNotAssigned:
                    return false;
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    return MarkFits(codePoint, before);
                default:
                    return true;
            }
        }

        public static bool IsC1Control(int codePoint) => codePoint >= 0x80 && codePoint <= 0x9F;

        /// <summary>False when a finished repair still holds a character only an intermediate layer may hold.</summary>
        public static bool IsFinal(string repaired)
        {
            foreach (var c in repaired)
            {
                if (IsC1Control(c) || c == '\uF8FF')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool MarkFits(int mark, int before)
        {
            if (before < 0 || before == ' ' || before == '\t' || before == '\n' || before == '\r')
            {
                return false;
            }

            // Variation selectors and the keycap follow emoji, symbols and the digits of keycaps.
            if ((mark >= 0xFE00 && mark <= 0xFE0F) || (mark >= 0xE0100 && mark <= 0xE01EF) || mark == 0x20E3 || mark == 0x20E0)
            {
                return true;
            }

            if (mark >= 0x300 && mark <= 0x36F)
            {
                // Decomposed accents (Mac file names, NFD text) on a letter, or stacked on a previous accent.
                if (MojibakeCharInfo.IsMark(before))
                {
                    return before >= 0x300 && before <= 0x36F;
                }

                // Decomposed Latin puts its accents on ASCII letters; "Â" followed by a grave accent is "ÂÃÄ" read
                // as Mac OS Roman, not text, since "Ầ" would have been written precomposed or as "A" and two marks.
                var script = MojibakeCharInfo.ScriptOf(before);
                if (script == ScriptGroup.Latin && before >= 0x80)
                {
                    return false;
                }

                return IsCommonAccent(mark)
                    && (script == ScriptGroup.Latin || script == ScriptGroup.Greek || script == ScriptGroup.Cyrillic);
            }

            // Script-specific marks (Hebrew points, Arabic harakat, Indic vowel signs...) sit on a letter or mark
            // of their own block.
            return (MojibakeCharInfo.IsLetter(before) || MojibakeCharInfo.IsMark(before)) && SameBlockFamily(mark, before);
        }

        // The accents that decomposed Latin, Greek and Cyrillic text actually uses; U+0329 and friends would let
        // "Ã©" read as Mac OS Roman pass for "e" plus a vertical line below.
        private static bool IsCommonAccent(int mark) =>
            (mark >= 0x300 && mark <= 0x30C) || mark == 0x30F || mark == 0x311 || mark == 0x313 || mark == 0x314
            || mark == 0x31B || (mark >= 0x323 && mark <= 0x328) || mark == 0x32D || mark == 0x32E
            || mark == 0x330 || mark == 0x331 || mark == 0x342 || mark == 0x345;

        // Marks are not letters, so they carry no script of their own here: a script's letters and marks share a
        // 128-code-point block (Hebrew U+0580–U+05FF, Arabic U+0600–U+067F, Devanagari U+0900–U+097F, Thai...).
        private static bool SameBlockFamily(int mark, int before) => mark >> 7 == before >> 7;
    }
}
