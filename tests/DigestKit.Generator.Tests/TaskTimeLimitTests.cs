using System.Collections;
using System.Reflection;
using DigestKit.Engine;
using DigestKit.Tests;
using Microsoft.Build.Framework;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The build task (src/DigestKit.Tasks, WriteDigestBlobs) runs the engine under the engine's
/// <see cref="AnalysisTimeLimit"/>: a digest the engine hangs on gets an empty blob and a DK9001 error at the bound
/// (<c>AnalysisTimeoutSeconds</c>, from <c>$(DigestKitAnalysisTimeoutSeconds)</c>), and the others get their data.
/// The task assembly is loaded as MSBuild loads it (it links the generator's sources, so it is not referenced), and
/// its engine replaced by one that blocks until the test ends.
/// </summary>
public sealed class TaskTimeLimitTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _root = Path.Combine(Path.GetTempPath(), "digestkit-task-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_digest_past_the_bound_gets_an_empty_blob_and_DK9001_and_the_others_their_data()
    {
        Directory.CreateDirectory(_root);
        var clean = File.ReadAllText(TestPaths.CleanSeed);
        var slow = Path.Combine(_root, "slow.md");
        var fast = Path.Combine(_root, "fast.md");
        File.WriteAllText(slow, clean.Replace("2021-06-21", "2021-06-20"));
        File.WriteAllText(fast, clean);

        var assembly = Assembly.LoadFrom(Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Tasks", "bin", Configuration, "netstandard2.0", "DigestKit.Tasks.dll"));
        var task = (ITask)Activator.CreateInstance(assembly.GetType("DigestKit.Tasks.WriteDigestBlobs", throwOnError: true)!)!;
        var engine = new RecordingBuildEngine();
        using var release = new ManualResetEventSlim();
        Func<string, string, DigestAnalysis> analyze = (path, text) =>
        {
            if (path == slow)
            {
                release.Wait();
            }

            return DigestEngine.Analyze(path, text);
        };
        Set(task, "Analyze", analyze);
        Set(task, "Digests", new ITaskItem[] { new Item(slow, slow + ".dk2"), new Item(fast, fast + ".dk2") });
        Set(task, "ProjectDirectory", _root);
        // Generous for the healthy digest, which must merely finish within it on a busy machine.
        Set(task, "AnalysisTimeoutSeconds", "5");
        task.BuildEngine = engine;
        try
        {
            Assert.False(task.Execute());

            var error = Assert.Single(engine.Errors);
            Assert.Equal("DK9001", error.Code);
            Assert.Equal(slow, error.File);
            Assert.Equal(DigestRules.InternalError.FormatMessage("it took longer than 5 s (digestkit.analysis_timeout_seconds)"), error.Message);
            Assert.Equal(string.Empty, File.ReadAllText(slow + ".dk2"));
            Assert.NotEqual(0, new FileInfo(fast + ".dk2").Length);
        }
        finally
        {
            release.Set();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static void Set(object task, string property, object value) =>
        task.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(task, value);

    private sealed class Item(string path, string blob) : ITaskItem
    {
        private readonly Dictionary<string, string> _metadata = new(StringComparer.OrdinalIgnoreCase) { ["FullPath"] = path, ["DigestKitBlob"] = blob };

        public string ItemSpec { get; set; } = path;

        public ICollection MetadataNames => _metadata.Keys;

        public int MetadataCount => _metadata.Count;

        public string GetMetadata(string metadataName) => _metadata.GetValueOrDefault(metadataName, string.Empty);

        public void SetMetadata(string metadataName, string metadataValue) => _metadata[metadataName] = metadataValue;

        public void RemoveMetadata(string metadataName) => _metadata.Remove(metadataName);

        public void CopyMetadataTo(ITaskItem destinationItem)
        {
            foreach (var (key, value) in _metadata)
            {
                destinationItem.SetMetadata(key, value);
            }
        }

        public IDictionary CloneCustomMetadata() => new Dictionary<string, string>(_metadata);
    }

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => string.Empty;

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}
