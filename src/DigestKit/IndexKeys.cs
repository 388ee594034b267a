using System;
using System.Globalization;
using System.Text;

// The build task and the generator link this file (DIGESTKIT_LINKED): the keys the index is built with at build time
// must be the keys a program looks up with at run time, so both come from this one function. Linked under another
// namespace so that an assembly seeing both (the tests) sees two distinct types.
#if DIGESTKIT_LINKED
namespace DigestKit.Analyzers.Generator
#else
namespace DigestKit
#endif
{
    /// <summary>
    /// The keys the typed indexes (<c>DigestKit.DigestIndex</c>) are built with at build time and looked up with at run
    /// time. One key per person, so that the spellings a digest writer and a reader type meet: <c>Petar Veličković</c>,
    /// <c>Petar Velickovic</c> and <c>PETAR VELIČKOVIĆ</c> all become <c>petar velickovic</c>; one key per paper
    /// whatever its version; one per category whatever its case.
    /// </summary>
#if DIGESTKIT_LINKED
    internal
#else
    public
#endif
    static class IndexKeys
    {
        /// <summary>
        /// The folded key of <paramref name="name"/>: compatibility decomposition (NFKD, so full-width and ligature
        /// letters fold too) with every combining mark removed; letters that carry no decomposable mark spelled in
        /// ASCII (ł→l, ø→o, đ/ð→d, ß→ss, æ→ae, œ→oe, þ→th, ı→i, ħ→h, ŧ→t); invariant lower case; apostrophes removed
        /// (<c>O'Brien</c> = <c>OBrien</c>); every other run of non-letters and non-digits (spaces, hyphens, dots,
        /// commas) one space; trimmed. A lone surrogate becomes U+FFFD. Never throws for a non-null string.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        public static string Author(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            string decomposed;
            try
            {
                decomposed = WithoutLoneSurrogates(name).Normalize(NormalizationForm.FormKD);
            }
            catch (ArgumentException)
            {
                decomposed = name;
            }

            var builder = new StringBuilder(decomposed.Length);
            var pendingSpace = false;
            for (var i = 0; i < decomposed.Length; i++)
            {
                var c = decomposed[i];
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark
                    || category == UnicodeCategory.EnclosingMark || IsApostrophe(c))
                {
                    continue;
                }

                var isLetter = char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c == '\uFFFD';
                if (!isLetter)
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                var special = Special(c);
                if (special is not null)
                {
                    builder.Append(special);
                }
                else
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// The key of an arXiv identifier: trimmed, without an <c>arXiv:</c> prefix and without its version
        /// (<c>2106.10155v2</c> → <c>2106.10155</c>), in invariant lower case.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="arxivId"/> is null.</exception>
        public static string ArxivId(string arxivId)
        {
            var id = WithoutLoneSurrogates(arxivId ?? throw new ArgumentNullException(nameof(arxivId))).Trim();
            if (id.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
            {
                id = id.Substring(6).TrimStart();
            }

            return id.Substring(0, id.Length - VersionSuffixLength(id)).ToLowerInvariant();
        }

        /// <summary>The version of an arXiv identifier (<c>2106.10155v2</c> → 2), or null when it names none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="arxivId"/> is null.</exception>
        public static int? ArxivVersion(string arxivId)
        {
            var id = (arxivId ?? throw new ArgumentNullException(nameof(arxivId))).Trim();
            var suffix = VersionSuffixLength(id);
            return suffix == 0 ? null : int.Parse(id.Substring(id.Length - suffix + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        /// <summary>The key of an arXiv category (<c>cs.LG</c> → <c>cs.lg</c>): trimmed, invariant lower case.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
        public static string Category(string category) =>
            WithoutLoneSurrogates(category ?? throw new ArgumentNullException(nameof(category))).Trim().ToLowerInvariant();

        /// <summary>The length of a trailing <c>v</c> and 1–9 digits after at least one other character, else 0.</summary>
        private static int VersionSuffixLength(string id)
        {
            var digits = 0;
            while (digits < id.Length && id[id.Length - 1 - digits] >= '0' && id[id.Length - 1 - digits] <= '9')
            {
                digits++;
            }

            var v = id.Length - 1 - digits;
            return digits > 0 && digits <= 9 && v > 0 && (id[v] == 'v' || id[v] == 'V') ? digits + 1 : 0;
        }

        /// <summary>
        /// The hash of a key's UTF-8 bytes (FNV-1a) that picks its bucket in an index map: the build writes the
        /// buckets with it and the runtime looks keys up with it.
        /// </summary>
        internal static uint Hash(byte[] key)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var b in key)
                {
                    hash = (hash ^ b) * 16777619u;
                }

                return hash;
            }
        }

        private static bool IsApostrophe(char c) => c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4';

        /// <summary>Letters whose mark is part of the letter (no decomposition), spelled as an English reader types them.</summary>
        private static string? Special(char c)
        {
            switch (c)
            {
                case 'ł': case 'Ł': return "l";
                case 'ø': case 'Ø': return "o";
                case 'đ': case 'Đ': case 'ð': case 'Ð': return "d";
                case 'ß': case 'ẞ': return "ss";
                case 'æ': case 'Æ': return "ae";
                case 'œ': case 'Œ': return "oe";
                case 'þ': case 'Þ': return "th";
                case 'ı': return "i";
                case 'ħ': case 'Ħ': return "h";
                case 'ŧ': case 'Ŧ': return "t";
                case 'ŀ': case 'Ŀ': return "l";
                default: return null;
            }
        }

        /// <summary>The text with each lone surrogate (which UTF-8 cannot carry) replaced by U+FFFD.</summary>
        internal static string WithoutLoneSurrogates(string text)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
                if (!paired)
                {
                    builder ??= new StringBuilder(text, 0, i, text.Length);
                    builder.Append('\uFFFD');
                }
                else
                {
                    builder?.Append(c);
                }
            }

            return builder?.ToString() ?? text;
        }
    }
}
