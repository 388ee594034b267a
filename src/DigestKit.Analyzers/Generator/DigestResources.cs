using System;
using System.Globalization;
using System.Text;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// How a digest is named wherever it is embedded, from its project-relative path alone. Shared as source by the
    /// generator and the DigestKit build task (src/DigestKit.Tasks links this file), which packs each digest's data
    /// under its key into one manifest resource that the generated code then opens, finding each digest by the same
    /// key: the two never talk to each other, so the names must derive from the same input the same way. No Roslyn here.
    /// </summary>
    public static class DigestResources
    {
        /// <summary>
        /// The key of one digest's generated class and file, blob and pack entry: the file name's letters and digits
        /// plus a hash of the source path, so two files of the same name in different folders differ, and the key
        /// depends on nothing but the file's own path.
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

        /// <summary>The file a digest's blob (<see cref="DigestBlobWriter.WriteDigest"/>) is written to under obj/, by the build task.</summary>
        public static string BlobFileName(string key) => key + ".dk2";

        /// <summary>The file the build task packs every blob into, under obj/ beside the blobs.</summary>
        public const string PackFileName = "digests.dkpack";

        /// <summary>
        /// The one manifest resource holding every digest of a project (<see cref="DigestBlobWriter.WritePack"/>
        /// then the blobs), which the generated <c>Digests</c> class opens. One resource, not one per digest: CoreCLR
        /// finds a manifest resource by scanning the resource table row by row (~20 ns a row whatever the names), so
        /// opening each of 3,000 per-digest resources cost 30–60 ms at start-up.
        /// </summary>
        public const string PackResourceName = "DigestKit.Digests.dkpack";

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
