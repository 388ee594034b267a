using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine
{
    /// <summary>
    /// A family of safe repairs: the engine attaches the edits (<see cref="DigestDiagnostic.Fix"/>) to the
    /// diagnostics of every rule whose <see cref="DigestRule.Fix"/> is this family. <see cref="DigestRepairs"/>
    /// plans them one family at a time, in <see cref="DigestFixes.All"/> order, each repair kept only if it brings no
    /// new diagnostic;
    /// the IDE offers each edit with <see cref="ActionTitleFormat"/> ({0} the old text, {1} the new).
    /// </summary>
    public sealed record DigestFix(string Name, string ActionTitleFormat)
    {
        public string ActionTitle(string oldText, string newText) =>
            string.Format(CultureInfo.InvariantCulture, ActionTitleFormat, oldText, newText);
    }

    /// <summary>Every fix family, in the order <c>digestkit fix</c> applies them.</summary>
    public static class DigestFixes
    {
        /// <summary>Mojibake repaired to the text it was meant to be.</summary>
        public static readonly DigestFix MisencodedText = new("mis-encoded text", "Replace '{0}' with '{1}'");

        /// <summary>Papers renumbered 1..N; computed on the repaired text, so it comes after the text repairs.</summary>
        public static readonly DigestFix Renumbering = new("paper numbering", "Renumber paper {0} to {1}");

        /// <summary>A missing abs or pdf link rebuilt from the other link's identifier.</summary>
        public static readonly DigestFix MissingLink = new("missing link", "Add '{1}' to the links line");

        /// <summary>A U+2028, U+2029 or U+0085 inside a value replaced by a space.</summary>
        public static readonly DigestFix LineSeparator = new("line separator", "Replace {0} with a space");

        public static IReadOnlyList<DigestFix> All { get; } = new[] { MisencodedText, LineSeparator, Renumbering, MissingLink };

        /// <summary>The IDs of the rules <paramref name="fix"/> repairs, in catalogue order.</summary>
        public static IReadOnlyList<string> IdsOf(DigestFix fix)
        {
            var ids = new List<string>();
            foreach (var rule in DigestRules.All)
            {
                if (rule.Fix == fix)
                {
                    ids.Add(rule.Id);
                }
            }

            return ids;
        }
    }
}
