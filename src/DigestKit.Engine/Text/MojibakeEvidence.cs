namespace DigestKit.Engine.Text
{
    /// <summary>
    /// How sure we are that a run is mis-decoded rather than correct text that happens to spell valid UTF-8.
    /// The score adds, per sequence, how unnatural its characters are where they stand (an "ƒ" or "√" glued to a
    /// letter, a C1 control, a lead letter followed by two symbols...), two points per extra adjacent sequence, and
    /// subtracts how implausible the repaired text would be in the same place (a Cyrillic letter inside a Latin
    /// word, an IPA letter next to a capital, a lone character from a rarely used block). Same idea as ftfy's
    /// "badness", scored per run instead of per string so that one bad name in a long abstract is still found.
    /// </summary>
    internal static class MojibakeEvidence
    {
        /// <summary>Enough to repair the run on its own.</summary>
        public const int Strong = 2;

        /// <summary>Enough only when the same line holds strong evidence of the same code page elsewhere.</summary>
        public const int Weak = 1;

        public static int Score(string text, MojibakeRun run, string repaired)
        {
            // Adjacent sequences reinforce each other: correct text does not chain lead/continuation pairs.
            var score = 2 * (run.Sequences.Count - 1);
            foreach (var sequence in run.Sequences)
            {
                score += SequenceEvidence(text, sequence, run.Family);
            }

            return score - RepairPenalty(text, run.Start, run.End, repaired, run.Sequences.Count);
        }

        private static int SequenceEvidence(string text, MojibakeSequence sequence, MojibakeFamily family)
        {
            if (sequence.Length >= 4)
            {
                return 4; // a lead character then three continuation characters: not a shape words take
            }

            var prev = MojibakeCharInfo.CodePointBefore(text, sequence.Start);
            var next = MojibakeCharInfo.CodePointAt(text, sequence.End);
            var lead = text[sequence.Start];
            var cont = text[sequence.Start + 1];
            if (family == MojibakeFamily.MacOsRoman)
            {
                return sequence.Length == 3
                    ? MacRomanThree(lead, cont, text[sequence.Start + 2])
                    : MacRomanTwo(lead, cont, prev, next);
            }

            return sequence.Length == 3
                ? WindowsLatinThree(lead, cont, text[sequence.Start + 2], prev, sequence.CodePoint)
                : WindowsLatinTwo(lead, cont, prev, next);
        }

        // Windows-1252 / Latin-1, two bytes: an accented capital (0xC2–0xDF) followed by a symbol or C1 control.
        private static int WindowsLatinTwo(char lead, char cont, int prev, int next)
        {
            if (cont >= 0x80 && cont <= 0x9F)
            {
                return 3; // a C1 control is never typed; it is what Latin-1 makes of a 1252 byte
            }

            var prevLower = MojibakeCharInfo.IsLower(prev);
            if (lead == 'Ã' || lead == 'Â' || lead == 'Î' || lead == 'Ï' || lead == 'Ð' || lead == 'Ñ')
            {
                // Capitals that are rare before a symbol, so almost only mojibake (Latin-1 letters, Greek, Cyrillic),
                // except an upper-case word ending in one before punctuation ("IRMÃ…", "NAÏ”").
                var cautious = lead == 'Â' ? IsQuoteOrEllipsis(cont) : IsWordAdjacentPunctuation(cont);
                return prevLower || MojibakeCharInfo.IsLetterOrDigit(next) || !cautious ? 3 : 1;
            }

            if (cont == '\u00A0')
            {
                // A no-break space ends the word: "SELKÄ\u00A0EDELLÄ" is Finnish, not "SELKĠEDELLĠ".
                return prevLower ? 2 : MojibakeCharInfo.IsUpper(prev) ? 0 : 1;
            }

            if (lead == '×' || lead == 'ß')
            {
                return 0; // "3×²", "Fuß”": only a run of several sequences (Hebrew, NKo) is evidence
            }

            var nextLetter = MojibakeCharInfo.IsLetter(next);
            var apostrophe = cont == '’' || cont == '‘' || cont == '´';
            if (prevLower)
            {
                return nextLetter ? 3 : 2; // "PaweÅ‚", "siÄ™": a capital glued after a lower-case letter
            }

            if (nextLetter)
            {
                if (apostrophe)
                {
                    return MojibakeCharInfo.IsLetter(prev) ? 0 : 2; // "CAFÉ’s" is a word; "Å’uvre" is "Œuvre"
                }

                return 3; // "Å›wiat", "Î¼m": punctuation glued inside a word
            }

            return MojibakeCharInfo.IsUpper(prev) ? 0 : 1; // "CAFÉ”" is a capitalised word before a quote
        }

        // Windows-1252 / Latin-1, three bytes: a lower-case accented letter (0xE0–0xEF) then two symbols.
        private static int WindowsLatinThree(char lead, char cont1, char cont2, int prev, int codePoint)
        {
            // "café…»", "voilà »" (with a no-break space), "lá´´": a word ending in an accent, then punctuation.
            // Vietnamese letters (U+1E00–U+1EFF) read the same way, "á»…" for "ễ", and belong inside a Latin word;
            // so do the symbols behind "â" (U+2000–U+2FFF: "hatikuâ™«" is "hatiku♫"), and hardly a word ends in "â".
            var latinExtendedAdditional = codePoint >= 0x1E00 && codePoint <= 0x1EFF;
            if (MojibakeCharInfo.IsLetter(prev) && !latinExtendedAdditional && lead != 'â'
                && (IsWordAdjacentPunctuation(cont1) || cont1 == '\u00A0') && IsWordAdjacentPunctuation(cont2))
            {
                return 0;
            }

            return 3;
        }

        // Mac OS Roman, two bytes: the lead (0xC2–0xDF) is a math sign, punctuation or a rare letter.
        private static int MacRomanTwo(char lead, char cont, int prev, int next)
        {
            // "Ã" is Mac OS Roman's 0xCC, the lead of the combining marks U+0300–U+033F, and Windows-1252's 0xC3, the
            // lead of "à"–"ÿ". Where the next character is a continuation in both ("Ã¶", "Ã§"), the precomposed
            // letter is what was written: "gÃ¶z" is "göz", not "g" with a comma below.
            if (lead == 'Ã' && MojibakeFamily.WindowsLatin.IsContinuation(cont))
            {
                return 0;
            }

            var prevLetter = MojibakeCharInfo.IsLetter(prev);
            var mathCont = IsMacMathSign(cont);
            switch (lead)
            {
                case '√': case '≈': case '∆': case '÷': case 'ƒ': case '¬': case '◊': case '⁄': case '€':
                    // "√π", "≈∞", "∆±", "÷∑" are mathematics; glued to the end of a word they are "ù", "ű", "Ʊ"...
                    // After ¬ ƒ ◊ ⁄ € a math sign makes no formula ("¬∞" is the degree sign): only context decides.
                    if (mathCont && (lead == '√' || lead == '≈' || lead == '∆' || lead == '÷'))
                    {
                        // Only after a lower-case letter ("pi√π", "o√π") or inside a word ("S√∏ren"):
                        // "X√π" and "2√π" are formulas.
                        var insideWord = prevLetter && MojibakeCharInfo.IsLower(next);
                        if (MojibakeCharInfo.IsLower(prev) || insideWord)
                        {
                            return 3;
                        }

                        // Starting a word ("√∫pěl" is "úpěl"): weak, so repaired only beside strong evidence on its
                        // line, and a line repaired around it is not left half done.
                        return !MojibakeCharInfo.IsLetterOrDigit(prev) && MojibakeCharInfo.IsLower(next) ? 1 : 0;
                    }

                    if (MojibakeCharInfo.IsLetter(cont) || MojibakeCharInfo.IsLetterOrDigit(prev) || MojibakeCharInfo.IsLetterOrDigit(next))
                    {
                        return 3; // "ƒç", "√≠", "20¬∞C": a math sign glued to an accented letter, or to a word
                    }

                    return 1; // "¬´ " is French « in Mac OS Roman, but also an emoticon; "∆°" a triangle and degree
                case '«': case '»': case '…': case '–': case '—': case '“': case '”': case '‘': case '’':
                case '‹': case '›':
                    // Punctuation before an accented word ("“école", "l’été", "–∞") is normal; inside a word it is not.
                    if (mathCont)
                    {
                        return 0;
                    }

                    if (lead == '»' && (cont == 'ô' || cont == 'õ'))
                    {
                        return 2; // "ș" and "ț", the Romanian letters, even word-initial ("»ôtiin»õƒÉ")
                    }

                    if (lead == '»' && cont == 'ò' && MojibakeCharInfo.IsLower(next))
                    {
                        return 2; // the capital "Ș" starts a name ("»òtefan"); "»ö" is "Ț" but also German "»öffentlich«"
                    }

                    if (MojibakeCharInfo.IsLetter(cont))
                    {
                        var apostropheOrDash = lead == '’' || lead == '‘' || lead == '–' || lead == '—';
                        return prevLetter && MojibakeCharInfo.IsLetter(next) && !apostropheOrDash ? 2 : 0;
                    }

                    return 1;
                case '\u00A0':
                    return 0; // a no-break space before "°C", "§" or an accented word is ordinary typography
                default:
                    return 3; // À Ã Õ Œ œ ÿ Ÿ ﬁ ﬂ before a continuation character
            }
        }

        // Mac OS Roman, three bytes: the lead (0xE0–0xEF) is ‡ · ‚ „ ‰ or an accented capital.
        private static int MacRomanThree(char lead, char cont1, char cont2)
        {
            // Three accented letters can be a word or a cry ("Ááá!", "Èèè"): alone they are weak evidence, though
            // a run of several such sequences (CJK read as Mac OS Roman, "Â±±Áî∞") still adds up.
            var capitalLead = lead != '‡' && lead != '·' && lead != '‚' && lead != '„' && lead != '‰';
            if (capitalLead && MojibakeCharInfo.IsLetter(cont1) && MojibakeCharInfo.IsLetter(cont2))
            {
                return 1;
            }

            return 3;
        }

        /// <summary>How implausible the repaired text is in place; see the class summary.</summary>
        public static int RepairPenalty(string text, int start, int end, string repaired, int sequences)
        {
            var prev = MojibakeCharInfo.CodePointBefore(text, start);
            var next = MojibakeCharInfo.CodePointAt(text, end);
            var first = MojibakeCharInfo.CodePointAt(repaired, 0);
            var last = MojibakeCharInfo.CodePointBefore(repaired, repaired.Length);
            var penalty = MojibakeCharInfo.ScriptClash(prev, first) + MojibakeCharInfo.ScriptClash(last, next);

            // IPA letters are lower-case only: next to a capital they betray an accented capital before punctuation.
            var before = prev;
            for (var i = 0; i < repaired.Length; i += char.IsSurrogatePair(repaired, i) ? 2 : 1)
            {
                var current = MojibakeCharInfo.CodePointAt(repaired, i);
                var after = i + (current > 0xFFFF ? 2 : 1) < repaired.Length
                    ? MojibakeCharInfo.CodePointAt(repaired, i + (current > 0xFFFF ? 2 : 1))
                    : next;
                if (MojibakeCharInfo.IsIpa(current) && (MojibakeCharInfo.IsUpper(before) || MojibakeCharInfo.IsUpper(after)))
                {
                    penalty += 2;
                    break;
                }

                before = current;
            }

            // A lower-case letter inside a word in capitals: "MÄ£ÄM" is leetspeak, not "MģÄM".
            if (MojibakeCharInfo.IsLower(first) && MojibakeCharInfo.IsUpper(prev) && MojibakeCharInfo.IsUpper(next))
            {
                penalty += 2;
            }

            if (sequences == 1 && !MojibakeCharInfo.IsCommonBlock(first))
            {
                penalty += 2;
            }

            return penalty;
        }

        // Characters that stand right after (or before) a word in correct text.
        private static bool IsWordAdjacentPunctuation(char c) =>
            IsQuoteOrEllipsis(c) || c == '™' || c == '®' || c == '©' || c == '´' || c == '¨' || c == '°' || c == '·'
            || c == '•' || c == '–' || c == '—' || c == '¹' || c == '²' || c == '³' || c == '¡'
            || c == '¿' || c == 'ª' || c == 'º';

        private static bool IsQuoteOrEllipsis(char c) =>
            c == '’' || c == '‘' || c == '”' || c == '“' || c == '»' || c == '«' || c == '›' || c == '‹' || c == '…';

        // The Mac OS Roman continuation characters (0x80–0xBF) that follow √ ≈ ∆ ÷ in mathematics ("√π", "≈∞").
        // "≠ ≤ ≥ Ω µ" are left out: glued to a radical they make no formula, and they spell "í ò ó Ž ı".
        private static bool IsMacMathSign(char c) =>
            c == '∞' || c == '±' || c == '∂' || c == '∑' || c == '∏' || c == 'π' || c == '∫';
    }
}
