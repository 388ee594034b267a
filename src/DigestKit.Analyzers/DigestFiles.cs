using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// Which AdditionalFiles are digests. The props file marks DigestKit content with the item metadata
    /// <c>DigestKitDigest="true"</c> (made compiler-visible); an AdditionalFile with no such metadata counts
    /// when it is a <c>.md</c> file, so a project that adds digests by hand works too. The generator and the
    /// analyzer both ask here, so they always agree on the set of files.
    /// </summary>
    public static class DigestFiles
    {
        public const string MetadataName = "DigestKitDigest";
        public const string MetadataKey = "build_metadata.AdditionalFiles." + MetadataName;

        public static bool IsDigest(AdditionalText file, AnalyzerConfigOptionsProvider options)
        {
            if (options.GetOptions(file).TryGetValue(MetadataKey, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            }

            return file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        }
    }
}
