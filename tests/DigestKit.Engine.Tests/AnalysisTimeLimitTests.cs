using DigestKit.Engine;

namespace DigestKit.Engine.Tests;

/// <summary>The one time bound every host applies: its option's values, and a run past it.</summary>
public sealed class AnalysisTimeLimitTests
{
    [Theory]
    [InlineData(null, 60.0)]
    [InlineData("", 60.0)]
    [InlineData("soon", 60.0)]
    [InlineData("2.5", 2.5)]
    [InlineData(" 120 ", 120.0)]
    public void The_option_is_seconds_and_anything_unreadable_is_the_default(string? value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AnalysisTimeLimit.Parse(value));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Zero_or_less_is_no_bound(string value) =>
        Assert.Equal(Timeout.InfiniteTimeSpan, AnalysisTimeLimit.Parse(value));

    [Fact]
    public void The_file_s_own_value_comes_before_the_global_one()
    {
        SeverityPolicy.TryGetValue file = (string key, out string? value) => { value = "3"; return key == AnalysisTimeLimit.OptionKey; };
        SeverityPolicy.TryGetValue global = (string key, out string? value) => { value = "9"; return key == AnalysisTimeLimit.OptionKey; };
        SeverityPolicy.TryGetValue none = (string key, out string? value) => { value = null; return false; };
        Assert.Equal(TimeSpan.FromSeconds(3), AnalysisTimeLimit.Read(file, global));
        Assert.Equal(TimeSpan.FromSeconds(9), AnalysisTimeLimit.Read(none, global));
        Assert.Equal(AnalysisTimeLimit.Default, AnalysisTimeLimit.Read(none, null));
    }

    [Fact]
    public void A_run_past_the_bound_yields_only_DK9001_at_the_start_and_no_front_matter()
    {
        using var release = new ManualResetEventSlim();
        try
        {
            Func<string, string, DigestAnalysis> hang = (path, text) => { release.Wait(); return DigestEngine.Analyze(path, text); };
            Assert.Null(AnalysisTimeLimit.TryAnalyze("a.md", "text", TimeSpan.FromSeconds(0.2), hang));

            var analysis = AnalysisTimeLimit.Analyze("a.md", "text", TimeSpan.FromSeconds(0.2), hang);
            var diagnostic = Assert.Single(analysis.Diagnostics);
            Assert.Equal("DK9001", diagnostic.Id);
            Assert.Equal(DigestRules.InternalError.FormatMessage("it took longer than 0.2 s (digestkit.analysis_timeout_seconds)"), diagnostic.Message);
            Assert.Equal((1, 1, 0), (diagnostic.Span.Line, diagnostic.Span.Column, diagnostic.Span.Length));
            Assert.Equal("a.md", diagnostic.Path);
            Assert.Null(analysis.Document.FrontMatter);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void A_run_within_the_bound_is_the_engine_s_own()
    {
        var analysis = AnalysisTimeLimit.Analyze("a.md", "no front matter", TimeSpan.FromSeconds(30));
        Assert.Equal(DigestEngine.Analyze("a.md", "no front matter").Diagnostics, analysis.Diagnostics);
    }
}
