using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>The semantic rules over one parsed digest (everything the parser alone cannot see).</summary>
    public static class DocumentRules
    {
        public static IEnumerable<DigestDiagnostic> Check(DigestDocument document, string text)
        {
            _ = document;
            _ = text;
            yield break;
        }
    }
}
