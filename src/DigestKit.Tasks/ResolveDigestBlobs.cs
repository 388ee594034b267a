using System;
using System.IO;
using DigestKit.Analyzers.Generator;
using Microsoft.Build.Framework;

namespace DigestKit.Tasks
{
    /// <summary>
    /// Names each digest's key and blob file, from its path alone (no file is read): the metadata that lets the next
    /// target map every digest to its own blob through Inputs/Outputs, so that editing one digest rewrites one blob,
    /// and lets the pack find each blob under the key the generated code asks for.
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
                var key = DigestResources.Key(DigestSpecBuilder.RelativePath(Digests[i].GetMetadata("FullPath"), ProjectDirectory));
                // The input item itself, its metadata extended: what MSBuild hands back keeps all the rest.
                var item = Digests[i];
                item.SetMetadata("DigestKitBlob", Path.Combine(directory, DigestResources.BlobFileName(key)));
                item.SetMetadata("DigestKitKey", key);
                resolved[i] = item;
            }

            Resolved = resolved;
            return true;
        }
    }
}
