using System.Text;
using DigestKit.Cli.Configuration;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Configuration;

/// <summary>
/// The configuration check reads for a digest, through the compiler's own reader (AnalyzerConfigSet): the glob
/// cases the CLI's former matcher was held to, sections over nested files, global configs, and the time bound.
/// ConfigurationMatrixTests (tests/DigestKit.Analyzers.Tests) holds check and a real build to one verdict.
/// </summary>
public sealed class AnalyzerConfigFilesTests
{
    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "posts/2021/a.md", true)]
    [InlineData("*.md", "a.txt", false)]
    [InlineData("posts/*.md", "posts/a.md", true)]
    [InlineData("posts/*.md", "posts/sub/a.md", false)]
    [InlineData("posts/*.md", "x/posts/a.md", false)]
    [InlineData("/posts/**.md", "posts/sub/a.md", true)]
    [InlineData("**/drafts/*.md", "x/y/drafts/a.md", true)]
    [InlineData("{a,b}.md", "b.md", true)]
    [InlineData("{a,b}.md", "c.md", false)]
    [InlineData("*.{md,txt}", "seed.txt", true)]
    [InlineData("[ab].md", "a.md", true)]
    [InlineData("[!ab].md", "a.md", false)]
    [InlineData("[!ab].md", "c.md", true)]
    [InlineData("file{1..3}.md", "file2.md", true)]
    [InlineData("file{1..3}.md", "file4.md", false)]
    [InlineData("?.md", "ab.md", false)]
    [InlineData("a\\*.md", "a*.md", true)]
    [InlineData("a\\*.md", "ab.md", false)]
    public void Section_globs_match_as_the_compiler_matches_them(string glob, string relativePath, bool matches)
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", Encoding.UTF8.GetBytes($"root = true\n[{glob}]\nprobe = yes\n"));
        var options = new AnalyzerConfigFiles().For(dir.Combine(relativePath.Split('/')));
        Assert.Equal(matches, options.TryGetFileValue("probe", out _));
    }

    [Fact]
    public void Closer_files_and_later_sections_win_and_root_stops_the_search()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "x = 1\n[*]\nouter = yes\n"u8.ToArray());
        dir.Write("repo/.editorconfig", "root = true\n[*.md]\na = repo\nb = repo\n[posts/**]\nb = posts\n"u8.ToArray());
        dir.Write("repo/posts/.editorconfig", "# closer\n[*.md]\nA = closest\n"u8.ToArray());
        var options = new AnalyzerConfigFiles().For(dir.Combine("repo", "posts", "d.md"));
        Assert.True(options.TryGetFileValue("a", out var a));
        Assert.Equal("closest", a);
        Assert.True(options.TryGetFileValue("b", out var b));
        Assert.Equal("posts", b);
        Assert.False(options.TryGetFileValue("outer", out _));
    }

    [Fact]
    public void A_globalconfig_above_the_digest_sets_global_options_and_ID_severities()
    {
        using var dir = new TempDirectory();
        dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.DK1005.severity = error\ndotnet_diagnostic.DK4006.severity = error\ndotnet_diagnostic.DK1008.severity = none\ndigestkit.analysis_timeout_seconds = 7\n"u8.ToArray());
        dir.Write("content/.editorconfig", "root = true\n[*.md]\ndigestkit_diagnostic.DK1005.severity = none\ndigestkit_diagnostic.DK4006.severity = warning\n"u8.ToArray());
        var digest = dir.Combine("content", "a.md");
        var options = new AnalyzerConfigFiles().For(digest);

        Assert.Equal(ConfiguredSeverity.Error, options.GlobalSeverity("DK1005"));
        Assert.Equal(ConfiguredSeverity.None, options.GlobalSeverity("DK1008"));
        Assert.Null(options.GlobalSeverity("DK4001"));
        Assert.True(options.TryGetGlobalValue(AnalysisTimeLimit.OptionKey, out var seconds));
        Assert.Equal("7", seconds);
        // The compiler's set gives a file's options the global section's keys too (under its own sections).
        Assert.True(options.TryGetFileValue(AnalysisTimeLimit.OptionKey, out var fileSeconds));
        Assert.Equal("7", fileSeconds);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);

        // The global config's ID key wins over the severity the analyzer reports with, as in the compiler (DK4006:
        // warning in the section, error); the section's none means the analyzer never reports it (DK1005), whatever
        // the global config says; DK1008 is hidden by the global config alone.
        var overrides = new SeverityOverrides();
        var span = new LineMap(string.Empty).Span(0, 0);
        Assert.Null(overrides.Apply(DigestRules.UnknownKey.Create(digest, span, "author", "title"), digest));
        Assert.Equal(DigestSeverity.Error, overrides.Apply(DigestRules.IdentifierFromFuture.Create(digest, span, "2106.1", "2021-06", "2020-01-01"), digest)?.Severity);
        Assert.Null(overrides.Apply(DigestRules.SlugMismatch.Create(digest, span, "a", "b"), digest));
    }

    [Fact]
    public void The_time_bound_comes_from_the_digest_s_section_before_the_global_config()
    {
        using var dir = new TempDirectory();
        dir.Write("repo/.globalconfig", "is_global = true\ndigestkit.analysis_timeout_seconds = 7\n"u8.ToArray());
        dir.Write("repo/.editorconfig", "root = true\n[slow/*.md]\ndigestkit.analysis_timeout_seconds = 0\n"u8.ToArray());
        var files = new AnalyzerConfigFiles();
        Assert.Equal(Timeout.InfiniteTimeSpan, files.For(dir.Combine("repo", "slow", "a.md")).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(7), files.For(dir.Combine("repo", "a.md")).Timeout);
        Assert.Equal(AnalysisTimeLimit.Default, files.For(dir.Combine("elsewhere", "a.md")).Timeout);
    }
}
