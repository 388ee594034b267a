using System.Collections.Generic;

namespace DigestKit.Engine.Rules
{
    /// <summary>Rules across several digests: duplicate slugs, the same paper with different metadata.</summary>
    public static class CrossFileRules
    {
        public static IEnumerable<DigestDiagnostic> Check(IReadOnlyList<DigestDocument> documents)
        {
            _ = documents;
            yield break;
        }
    }
}
