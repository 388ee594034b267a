using System;
using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>
    /// The one shape of a validation over a parsed digest: a name (what DK9001 says failed), the catalogue rules it
    /// reports, and its check. Reporting a rule not in <see cref="Reports"/> is a bug the engine turns into DK9001.
    /// </summary>
    internal sealed class DocumentRule
    {
        private readonly DigestRule[] _reports;

        public DocumentRule(string name, Action<RuleContext> check, params DigestRule[] reports)
        {
            Name = name;
            Check = check;
            _reports = reports;
        }

        public string Name { get; }

        public Action<RuleContext> Check { get; }

        public IReadOnlyList<DigestRule> Reports => _reports;

        public DigestRuleOwner Owner => new DigestRuleOwner(Name, DigestRuleOwnerKind.DocumentRule, Reports);

        /// <summary>Asked once per finding: the array is scanned without an enumerator.</summary>
        public bool Owns(DigestRule rule)
        {
            foreach (var r in _reports)
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
