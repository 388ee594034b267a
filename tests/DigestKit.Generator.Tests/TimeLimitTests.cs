using DigestKit.Analyzers.Generator;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Generator.Tests;

/// <summary>
/// The generator runs the engine under the engine's <see cref="AnalysisTimeLimit"/>, like the analyzer: a digest the
/// engine hangs on embeds nothing once the bound (<c>digestkit.analysis_timeout_seconds</c>) has passed, and the
/// others are embedded. The engine is replaced by one that blocks until the test ends.
/// </summary>
public sealed class TimeLimitTests
{
    private static readonly string Clean = File.ReadAllText(TestPaths.CleanSeed);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_digest_the_engine_hangs_on_embeds_nothing_after_the_bound_and_the_others_embed(bool resourceData)
    {
        using var release = new ManualResetEventSlim();
        // Unique names: resource mode keeps verdicts across compilations by path and text.
        var slowName = "slow-" + Guid.NewGuid().ToString("N") + ".md";
        var harness = new GeneratorHarness
        {
            Generator = new DigestGenerator((path, text) =>
            {
                if (path.EndsWith(slowName, StringComparison.Ordinal))
                {
                    release.Wait();
                }

                return DigestEngine.Analyze(path, text);
            }),
        };
        // Generous for the healthy digest, which must merely finish within it on a busy machine.
        harness.GlobalOptions[AnalysisTimeLimit.OptionKey] = "5";
        if (resourceData)
        {
            harness.GlobalOptions[DigestGenerator.EmbedsResourcesProperty] = "true";
        }

        try
        {
            var (run, _) = harness.Generate(
            [
                GeneratorHarness.Digest("fast-" + Guid.NewGuid().ToString("N") + ".md", Clean),
                GeneratorHarness.Digest(slowName, Clean.Replace("2021-06-21", "2021-06-20")),
            ]);

            // Each digest keeps its property beside the catalog: the healthy one's reads its data (documented with its
            // slug), the timed-out one's only throws, since nothing of it is embedded.
            var sources = run.Results.Single().GeneratedSources;
            var digestFiles = sources.Where(s => s.HintName != DigestEmitter.CatalogHintName).Select(s => s.SourceText.ToString()).ToArray();
            Assert.Equal(2, digestFiles.Length);
            var healthy = Assert.Single(digestFiles, f => f.Contains("hot-papers-2021-06-21", StringComparison.Ordinal));
            Assert.DoesNotContain("InvalidOperationException", healthy, StringComparison.Ordinal);
            Assert.Single(digestFiles, f => f.Contains("InvalidOperationException", StringComparison.Ordinal));
            Assert.DoesNotContain(sources, s => s.SourceText.ToString().Contains("hot-papers-2021-06-20", StringComparison.Ordinal));
        }
        finally
        {
            release.Set();
        }
    }
}
