using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DigestKit.Analyzers.Generator;
using DigestKit.Engine;
using Microsoft.Build.Framework;

namespace DigestKit.Tasks
{
    /// <summary>
    /// Writes the blob of each digest given (the out-of-date ones: the target's Inputs/Outputs decide) to its
    /// DigestKitBlob path, in the format the runtime decodes. A digest that is not embedded (the engine's
    /// <see cref="DigestAnalysis.Embeds"/>, which no severity changes) gets an empty blob: the generated code never
    /// opens it (the same verdict as the generator's, from the same code, <see cref="DigestSpecBuilder.Build"/>; the
    /// analyzer reports why). Empty rather than absent, so that every digest has its output and the target stays incremental per
    /// file (a missing output would make MSBuild rebuild every blob on every build).
    /// </summary>
    public sealed class WriteDigestBlobs : ITask
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private readonly object _logLock = new object();

        public IBuildEngine? BuildEngine { get; set; }

        public ITaskHost? HostObject { get; set; }

        /// <summary>Digests resolved by <see cref="ResolveDigestBlobs"/>.</summary>
        [Required]
        public ITaskItem[] Digests { get; set; } = Array.Empty<ITaskItem>();

        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>
        /// The bound on the engine's run over one digest, in seconds (<c>$(DigestKitAnalysisTimeoutSeconds)</c>):
        /// empty for the engine's default, 0 or less for none (<see cref="AnalysisTimeLimit.Parse"/>). A digest past
        /// it gets an empty blob and a DK9001 error.
        /// </summary>
        public string AnalysisTimeoutSeconds { get; set; } = string.Empty;

        /// <summary>For tests: a different engine entry point (e.g. one that hangs), run under the same bound.</summary>
        internal Func<string, string, DigestAnalysis>? Analyze { get; set; }

        public bool Execute()
        {
            var failed = false;
            var timeout = string.IsNullOrWhiteSpace(AnalysisTimeoutSeconds) ? AnalysisTimeLimit.Default : AnalysisTimeLimit.Parse(AnalysisTimeoutSeconds);
            Parallel.For(0, Digests.Length, i =>
            {
                var digest = Digests[i];
                // The targets pass the stamps as the items (for MSBuild's per-item check); the digest is DigestKitSource.
                var source = digest.GetMetadata("DigestKitSource");
                var path = source.Length != 0 ? source : digest.GetMetadata("FullPath");
                var blob = digest.GetMetadata("DigestKitBlob");
                try
                {
                    var text = ReadText(path);
                    var analysis = AnalysisTimeLimit.TryAnalyze(path, text, timeout, Analyze);
                    var spec = analysis is null ? null : DigestSpecBuilder.FromAnalysis(path, analysis, ProjectDirectory).Spec;
                    Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
                    File.WriteAllText(blob, spec is null ? string.Empty : DigestBlobWriter.WriteDigestWithIndex(spec), Utf8);
                    if (analysis is null)
                    {
                        failed = true;
                        var diagnostic = AnalysisTimeLimit.TimedOut(path, timeout);
                        lock (_logLock)
                        {
                            BuildEngine?.LogErrorEvent(new BuildErrorEventArgs(
                                "DigestKit", diagnostic.Id, path, 1, 1, 1, 1, diagnostic.Message, null, "DigestKit"));
                        }
                    }
                }
                catch (Exception ex)
                {
                    failed = true;
                    lock (_logLock)
                    {
                        BuildEngine?.LogErrorEvent(new BuildErrorEventArgs(
                            "DigestKit", DigestRules.InternalError.Id, path, 0, 0, 0, 0,
                            DigestRules.InternalError.FormatMessage("writing its embedded data failed: " + ex.Message), null, "DigestKit"));
                    }
                }
            });

            return !failed;
        }

        /// <summary>
        /// The text as the compiler gives it to the generator: UTF-8 (a BOM dropped) when the bytes are valid UTF-8,
        /// else the compiler's fallback code page, Windows-1252 (Latin-1 where this host has no code pages), so both
        /// sides see the same characters for the same file.
        /// </summary>
        private static string ReadText(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException)
            {
                Encoding fallback;
                try
                {
                    fallback = Encoding.GetEncoding(1252);
                }
                catch (Exception)
                {
                    fallback = Encoding.GetEncoding(28591);
                }

                return fallback.GetString(bytes);
            }
        }
    }
}
