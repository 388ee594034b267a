using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using DigestKit.Analyzers.Generator;
using Microsoft.Build.Framework;

namespace DigestKit.Tasks
{
    /// <summary>
    /// Names each digest's key, from its path, and blob file, from its key and its content's hash: the metadata that
    /// lets the next target map every digest to its own blob through Inputs/Outputs, so that editing one digest
    /// rewrites one blob (even when the edit kept the file's timestamp: new content is a new blob file name, an output
    /// that does not exist yet), and lets the pack find each blob under the key the generated code asks for.
    /// </summary>
    public sealed class ResolveDigestBlobs : ITask
    {
        public IBuildEngine? BuildEngine { get; set; }

        public ITaskHost? HostObject { get; set; }

        /// <summary>The digests (the AdditionalFiles marked DigestKitDigest).</summary>
        [Required]
        public ITaskItem[] Digests { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>$(MSBuildProjectDirectory): paths are made relative to it exactly as the generator does.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>Where the blobs go (under the intermediate output path).</summary>
        [Required]
        public string BlobDirectory { get; set; } = string.Empty;

        /// <summary>The digests again, with DigestKitBlob (the blob's full path) and DigestKitKey (its key in the pack).</summary>
        [Output]
        public ITaskItem[] Resolved { get; private set; } = Array.Empty<ITaskItem>();

        public bool Execute()
        {
            var directory = Path.GetFullPath(BlobDirectory);
            var resolved = new ITaskItem[Digests.Length];
            for (var i = 0; i < Digests.Length; i++)
            {
                var path = Digests[i].GetMetadata("FullPath");
                var key = DigestResources.Key(DigestSpecBuilder.RelativePath(path, ProjectDirectory));
                // The input item itself, its metadata extended: what MSBuild hands back keeps all the rest.
                var item = Digests[i];
                item.SetMetadata("DigestKitBlob", Path.Combine(directory, BlobFileName(key, ContentHash(item.GetMetadata("FileHash"), path))));
                item.SetMetadata("DigestKitKey", key);
                resolved[i] = item;
            }

            Resolved = resolved;
            return true;
        }

        /// <summary>
        /// <c>KEY.HASH.dk2</c>: the blob of one version of one digest. Keys hold no '.', so <c>KEY.</c> starts the name of
        /// every version of that digest's blob (<see cref="WriteDigestBlobs"/> deletes the older ones).
        /// </summary>
        public static string BlobFileName(string key, string contentHash) =>
            Path.GetFileNameWithoutExtension(DigestResources.BlobFileName(key)) + "." + contentHash + Path.GetExtension(DigestResources.BlobFileName(key));

        /// <summary>
        /// The first 16 hex digits of the content's SHA-256: the targets' GetFileHash (FileHash metadata) when given,
        /// else computed here; "unreadable" for a file that cannot be read (the blob's writer reports it).
        /// </summary>
        private static string ContentHash(string fileHash, string path)
        {
            if (fileHash.Length >= 16)
            {
                return fileHash.Substring(0, 16).ToLowerInvariant();
            }

            try
            {
                using (var sha = SHA256.Create())
                using (var stream = File.OpenRead(path))
                {
                    var hash = sha.ComputeHash(stream);
                    var builder = new StringBuilder(16);
                    for (var i = 0; i < 8; i++)
                    {
                        builder.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
                    }

                    return builder.ToString();
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return "unreadable";
            }
        }
    }
}
