using System;
using System.Collections.Generic;
using System.IO;
using DigestKit.Analyzers.Generator;
using DigestKit.Engine;
using Microsoft.Build.Framework;

namespace DigestKit.Tasks
{
    /// <summary>
    /// Packs every digest's blob into the one file the targets embed as the manifest resource
    /// <see cref="DigestResources.PackResourceName"/>: the index (<see cref="DigestBlobWriter.WritePack(System.Collections.Generic.IReadOnlyList{System.Collections.Generic.KeyValuePair{string, Func{Stream}}}, Stream)"/>, keys in
    /// ordinal order, so the pack does not depend on the order files were found in), then every blob's front part,
    /// then every cold part. An empty blob (a digest with an error) is left out, as the generated catalog leaves it
    /// out. Written beside the target and moved over it, so an interrupted build never leaves half a pack to embed.
    /// </summary>
    public sealed class PackDigestBlobs : ITask
    {
        public IBuildEngine? BuildEngine { get; set; }

        public ITaskHost? HostObject { get; set; }

        /// <summary>Digests resolved by <see cref="ResolveDigestBlobs"/> (DigestKitKey, DigestKitBlob).</summary>
        [Required]
        public ITaskItem[] Digests { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The pack file to write.</summary>
        [Required]
        public string Pack { get; set; } = string.Empty;

        public bool Execute()
        {
            var blobs = new List<KeyValuePair<string, string>>();
            foreach (var digest in Digests)
            {
                blobs.Add(new KeyValuePair<string, string>(digest.GetMetadata("DigestKitKey"), digest.GetMetadata("DigestKitBlob")));
            }

            blobs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var packed = new List<KeyValuePair<string, Func<Stream>>>(blobs.Count);
            long total = 0;
            for (var i = 0; i < blobs.Count; i++)
            {
                if (i > 0 && blobs[i].Key == blobs[i - 1].Key)
                {
                    return Fail(blobs[i].Value, "two digests have the same key '" + blobs[i].Key + "' (" + blobs[i - 1].Value + "); rename one of the files");
                }

                long length;
                try
                {
                    length = new FileInfo(blobs[i].Value).Length;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return Fail(blobs[i].Value, "its embedded data could not be read: " + ex.Message);
                }

                if (length == 0)
                {
                    continue; // A digest with an error: nothing of it is embedded.
                }

                var path = blobs[i].Value;
                packed.Add(new KeyValuePair<string, Func<Stream>>(blobs[i].Key, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096)));
                total += length + 64;
            }

            if (total > int.MaxValue)
            {
                return Fail(Pack, "the digests' embedded data exceeds 2 GB (" + total + " bytes)");
            }

            var temporary = Pack + ".tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Pack))!);
                using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    DigestBlobWriter.WritePack(packed, output);
                }

                if (File.Exists(Pack))
                {
                    File.Replace(temporary, Pack, null);
                }
                else
                {
                    File.Move(temporary, Pack);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                // ArgumentException: a blob not in this version's format (a stale file under obj/).
                TryDelete(temporary);
                return Fail(Pack, "writing the embedded data failed: " + ex.Message);
            }

            return true;
        }

        private bool Fail(string file, string message)
        {
            BuildEngine?.LogErrorEvent(new BuildErrorEventArgs(
                "DigestKit", DigestRules.InternalError.Id, file, 0, 0, 0, 0,
                DigestRules.InternalError.FormatMessage("embedding the digests failed: " + message), null, "DigestKit"));
            return false;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }
}
