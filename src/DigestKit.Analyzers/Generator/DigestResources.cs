using System;
using System.Globalization;
using System.Text;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// How a digest is named wherever it is embedded, from its project-relative path alone. Shared as source by the
    /// generator and the DigestKit build task (src/DigestKit.Tasks links this file), which embeds each digest's
    /// data as a manifest resource that the generated code then opens by the same name: the two never talk to each
    /// other, so the names must derive from the same input the same way. No Roslyn here.
    /// </summary>
    public static class DigestResources
    {
        /// <summary>
        /// The key of one digest's generated class and file: the file name's letters and digits plus a hash of the
        /// source path, so two files of the same name in different folders differ, and the key depends on nothing
        /// but the file's own path.
        /// </summary>
        public static string Key(string sourcePath)
        {
            var fileName = sourcePath;
            var slash = Math.Max(fileName.LastIndexOf('/'), fileName.LastIndexOf('\\'));
            if (slash >= 0)
            {
                fileName = fileName.Substring(slash + 1);
            }

            var dot = fileName.LastIndexOf('.');
            if (dot > 0)
            {
                fileName = fileName.Substring(0, dot);
            }

            var builder = new StringBuilder();
            foreach (var c in fileName)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (ok)
                {
                    builder.Append(c);
                }
                else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }
            }

            if (builder.Length > 40)
            {
                builder.Length = 40;
            }

            return builder.ToString().TrimEnd('_') + "_" + Fnv1a(sourcePath).ToString("X8", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The manifest resource holding a digest's blob (<see cref="DigestBlobWriter.WriteDigest"/>) when the build task
        /// embeds it. The key has no '.', so MSBuild never mistakes part of it for a culture.
        /// <para>
        /// Measured limit: CoreCLR finds a manifest resource by scanning the ManifestResource table row by row
        /// (~20 ns a row, whatever the names: putting the hash first changed nothing), so opening each of 3,000
        /// digests costs ~30–90 ms in all at start-up. One resource holding every blob behind an index would remove it.
        /// </para>
        /// </summary>
        public static string ResourceName(string key) => "DigestKit." + key + ".dk1";

        private static uint Fnv1a(string value)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in value)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return hash;
            }
        }
    }
}
