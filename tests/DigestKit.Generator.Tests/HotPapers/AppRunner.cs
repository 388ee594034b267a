using System.Diagnostics;
using DigestKit.Tests;
using HotPapers;

namespace DigestKit.Generator.Tests.HotPapersApp;

/// <summary>Runs the HotPapers app in-process (over the embedded digests or given ones) or as the built executable.</summary>
internal static class AppRunner
{
    public static (int Code, string Output, string Error) Run(int? width, params string[] args) =>
        Run(HotPapers.Digests.All, width, args);

    public static (int Code, string Output, string Error) Run(IReadOnlyList<Digest> digests, int? width, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = App.Run(args, output, error, digests, new RunEnvironment(width, TestPaths.RepoRoot));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The built HotPapers.dll, started in <paramref name="directory"/> with <paramref name="columns"/> as COLUMNS (null: unset).</summary>
    public static (int Code, string Output, string Error) Process(string directory, string? columns, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HotPapers.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COLUMNS");
        if (columns is not null)
        {
            start.Environment["COLUMNS"] = columns;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    public static Paper Paper(int rank, string title, string[] authors, long score, string? arxivId, string[]? categories = null, Tweet[]? tweets = null) =>
        new(rank, title, authors, score / 2, score - score / 2, new DateTime(2021, 1, 2, 3, 4, 0), arxivId,
            arxivId is null ? "" : "https://arxiv.org/abs/" + arxivId, arxivId is null ? "" : "https://arxiv.org/pdf/" + arxivId,
            categories ?? ["cs.LG"], "Abstract of " + title, tweets ?? []);

    public static Digest Digest(DateTime date, params Paper[] papers)
    {
        var slug = "hot-papers-" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new(slug.Replace("hot-papers", "Hot Papers"), date, "post", false, slug, "arXiv", ["arXiv"], "", "", papers, "content/" + slug + ".md");
    }
}
