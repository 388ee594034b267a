using System.Text;
using DigestKit.Cli.Commands;
using DigestKit.Cli.Input;
using DigestKit.Cli.Lsp;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.Commands;

/// <summary>
/// check and the language server bound each engine run with the engine's <see cref="AnalysisTimeLimit"/>, the bound
/// read from the digest's .editorconfig section (or a .globalconfig): a file the engine hangs on gets DK9001 at the
/// bound and the other files are still checked. The engine is replaced by one that blocks until the test ends.
/// </summary>
public sealed class TimeLimitTests
{
    private static readonly byte[] Clean = File.ReadAllBytes(TestPaths.CleanSeed);

    [Fact]
    public void Check_reports_DK9001_for_a_file_past_its_bound_and_still_checks_the_others()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n\n[slow.md]\ndigestkit.analysis_timeout_seconds = 0.5\n"u8.ToArray());
        var slow = dir.Write("slow.md", Clean);
        var broken = dir.Write("broken.md", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Clean).Replace("template: \"post\"\n", "")));
        using var release = new ManualResetEventSlim();
        try
        {
            var run = CheckRunner.Run([new InputFile("slow.md", slow), new InputFile("broken.md", broken)], analyze: Hang("slow.md", release));

            var timedOut = Assert.Single(run.Report.Diagnostics, d => d.Path == "slow.md");
            Assert.Equal("DK9001", timedOut.Id);
            Assert.Equal(DigestSeverity.Error, timedOut.Severity);
            Assert.Equal(DigestRules.InternalError.FormatMessage("it took longer than 0.5 s (digestkit.analysis_timeout_seconds)"), timedOut.Message);
            Assert.Equal(1, timedOut.Span.Line);
            Assert.Equal(["DK1004"], run.Report.Diagnostics.Where(d => d.Path == "broken.md").Select(d => d.Id));
        }
        finally
        {
            release.Set();
        }
    }

    /// <summary>The engine runs on the thread that picked the file (no hand-off per file), so a hung file holds
    /// its thread: check gives that thread up and starts another, and more hung files than threads still end.</summary>
    [Fact]
    public void Check_gives_up_more_hung_files_than_it_has_threads_and_checks_the_rest()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n\n[slow*.md]\ndigestkit.analysis_timeout_seconds = 0.2\n"u8.ToArray());
        var hung = Enumerable.Range(0, 2 * Environment.ProcessorCount + 1).Select(i => new InputFile($"slow{i}.md", dir.Write($"slow{i}.md", Clean))).ToList();
        var broken = new InputFile("broken.md", dir.Write("broken.md", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Clean).Replace("template: \"post\"\n", ""))));
        using var release = new ManualResetEventSlim();
        try
        {
            var run = CheckRunner.Run([.. hung, broken], analyze: Hang("slow", release));

            Assert.Equal(hung.Select(f => (f.DisplayPath, "DK9001")), run.Report.Diagnostics.Where(d => d.Path.StartsWith("slow", StringComparison.Ordinal)).Select(d => (d.Path, d.Id)));
            Assert.Equal(["DK1004"], run.Report.Diagnostics.Where(d => d.Path == "broken.md").Select(d => d.Id));
            Assert.Equal(hung.Count + 1, run.Report.Files.Count);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void The_language_server_reports_DK9001_for_a_buffer_past_the_global_bound()
    {
        using var dir = new TempDirectory();
        dir.Write(".globalconfig", "is_global = true\ndigestkit.analysis_timeout_seconds = 0.25\n"u8.ToArray());
        using var release = new ManualResetEventSlim();
        try
        {
            var workspace = new DigestWorkspace(_ => { }, Hang("post.md", release));
            var analysis = workspace.Analyze(dir.Combine("post.md"), "post.md", Encoding.UTF8.GetString(Clean));

            var timedOut = Assert.Single(analysis.Diagnostics);
            Assert.Equal("DK9001", timedOut.Id);
            Assert.Equal(DigestRules.InternalError.FormatMessage("it took longer than 0.25 s (digestkit.analysis_timeout_seconds)"), timedOut.Message);
            Assert.Null(analysis.Document.FrontMatter);
        }
        finally
        {
            release.Set();
        }
    }

    private static Func<string, string, DigestAnalysis> Hang(string name, ManualResetEventSlim release) => (path, text) =>
    {
        if (path.StartsWith(name, StringComparison.Ordinal) || path.EndsWith(name, StringComparison.Ordinal))
        {
            release.Wait();
        }

        return DigestEngine.Analyze(path, text);
    };
}
