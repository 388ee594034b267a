using System.Collections.Generic;

namespace DigestKit.Engine
{
    /// <summary>
    /// What reports a diagnostic: the parser (only what stops it reading), a document rule, a cross-file rule, the
    /// engine, the Roslyn usage analyzer on the C# code that reads the content (which the engine never runs), or the
    /// build around them (the analyzer's check that every digest is embedded, the MSBuild targets' checks of the items).
    /// </summary>
    public enum DigestRuleOwnerKind
    {
        Parser,
        DocumentRule,
        CrossFileRule,
        Engine,
        CSharpCode,
        Build,
    }

    /// <summary>
    /// One reporter of diagnostics with the rules it reports. Every catalogue rule has exactly one owner
    /// (<see cref="DigestEngine.Owners"/>); a document rule that reports a rule it does not declare gets DK9001.
    /// </summary>
    public sealed record DigestRuleOwner(string Name, DigestRuleOwnerKind Kind, IReadOnlyList<DigestRule> Reports)
    {
        /// <summary>How the docs pages name the owner ("Reported by").</summary>
        public string Description => Kind switch
        {
            DigestRuleOwnerKind.Parser => "the parser",
            DigestRuleOwnerKind.DocumentRule => "the document rules",
            DigestRuleOwnerKind.CrossFileRule => "the cross-file rules (at the end of a build)",
            DigestRuleOwnerKind.CSharpCode => "the usage analyzer, on C# code (while you type, and in a build)",
            DigestRuleOwnerKind.Build => "the build (DigestKit's MSBuild targets, and the analyzer's check that each digest is embedded)",
            _ => "DigestKit itself",
        };

        public bool Owns(DigestRule rule)
        {
            // Asked once per finding (millions on a hostile file): an array is scanned without an enumerator.
            if (Reports is DigestRule[] array)
            {
                foreach (var r in array)
                {
                    if (ReferenceEquals(r, rule))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var r in Reports)
            {
                if (ReferenceEquals(r, rule))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
