using System;
using System.IO;
using System.Security.Cryptography;
using DigestKit.Analyzers.Generator;
using Microsoft.Build.Framework;

namespace DigestKit.Tasks
{
    /// <summary>
    /// Names each digest's key and blob file from its path, and writes its content stamp (<c>KEY.sha256</c>, its
    /// SHA-256, rewritten only when that changes): the metadata that lets the next target map every digest to its own
    /// blob through Inputs/Outputs, so that editing one digest rewrites one blob, even when the edit kept the file's
    /// timestamp (the stamp's moves), and lets the pack find each blob under the key the generated code asks for.
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

        /// <summary>
        /// The digests again, with DigestKitBlob (the blob's full path), DigestKitKey (its key in the pack), DigestKitStamp
        /// (its content stamp) and DigestKitSource (the digest's full path, kept when the targets make the stamps the items).
        /// </summary>
        [Output]
        public ITaskItem[] Resolved { get; private set; } = Array.Empty<ITaskItem>();

        public bool Execute()
        {
            var directory = Path.GetFullPath(BlobDirectory);
            var resolved = new ITaskItem[Digests.Length];

            // Hashed here, in parallel: MSBuild's GetFileHash took 6 s over 3,000 digests (84 MB), where SHA-256 itself
            // needs about 0.1 s.
            var hashes = new string[Digests.Length];
            System.Threading.Tasks.Parallel.For(0, Digests.Length, i => hashes[i] = ContentHash(Digests[i].GetMetadata("FullPath")));
            for (var i = 0; i < Digests.Length; i++)
            {
                var path = Digests[i].GetMetadata("FullPath");
                var key = DigestResources.Key(DigestSpecBuilder.RelativePath(path, ProjectDirectory));
                // The input item itself, its metadata extended: what MSBuild hands back keeps all the rest.
                var item = Digests[i];
                item.SetMetadata("DigestKitBlob", Path.Combine(directory, DigestResources.BlobFileName(key)));
                var stamp = Path.Combine(directory, key + StampExtension);
                WriteIfDifferent(stamp, hashes[i]);
                item.SetMetadata("DigestKitStamp", stamp);
                item.SetMetadata("DigestKitSource", path);
                item.SetMetadata("DigestKitKey", key);
                resolved[i] = item;
            }

            Resolved = resolved;
            return true;
        }

        /// <summary>The extension of a digest's content stamp, <c>KEY.sha256</c> beside its blob.</summary>
        public const string StampExtension = ".sha256";

        /// <summary>
        /// Writes the stamp only when its content changes, so its timestamp moves exactly when the digest's content does:
        /// the blob target's input, for MSBuild's timestamp check.
        /// </summary>
        private static void WriteIfDifferent(string stamp, string hash)
        {
            try
            {
                if (File.Exists(stamp) && string.Equals(File.ReadAllText(stamp), hash, StringComparison.Ordinal))
                {
                    return;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
                File.WriteAllText(stamp, hash);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // No stamp: the blob target sees a missing input and rewrites the blob, which reports any real problem.
            }
        }

        /// <summary>The content's SHA-256 (lowercase hex); "unreadable" for a file that cannot be read (the blob's writer reports it).</summary>
        private static string ContentHash(string path)
        {
            try
            {
                using (var sha = SHA256.Create())
                using (var stream = File.OpenRead(path))
                {
                    return BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", string.Empty).ToLowerInvariant();
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return "unreadable";
            }
        }
    }
}
