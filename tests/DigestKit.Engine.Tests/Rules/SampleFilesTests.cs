using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>
/// The whole engine on the 32 real digests: nothing but the real defects. Every finding expected here is a real
/// defect, listed with where it is, so a rule that starts firing on clean text fails this test.
/// </summary>
public class SampleFilesTests
{
    /// <summary>
    /// The second seed was decoded as Mac OS Roman: four author names and seven runs of other text (emoji in tweets,
    /// a tweet author's name, an apostrophe) are mis-encoded. No other sample file has any defect.
    /// </summary>
    private static readonly string[] Expected =
    {
        "003_ca00b3699e1837a6.txt(37,1): DK5001 Petar Veli\u010dkovi\u0107",
        "003_ca00b3699e1837a6.txt(46,230): DK5002 \U0001F4BB\u26C8\uFE0F",
        "003_ca00b3699e1837a6.txt(46,538): DK5002 \u010d",
        "003_ca00b3699e1837a6.txt(46,544): DK5002 \u0107",
        "003_ca00b3699e1837a6.txt(80,361): DK5002 \U0001F447",
        "003_ca00b3699e1837a6.txt(168,266): DK5002 \u2019",
        "003_ca00b3699e1837a6.txt(193,16): DK5001 Michal Rol\u00ednek",
        "003_ca00b3699e1837a6.txt(193,33): DK5001 V\u00edt Musil",
        "003_ca00b3699e1837a6.txt(202,682): DK5002 \u00ed",
        "003_ca00b3699e1837a6.txt(236,123): DK5002 \U0001F3A4",
        "003_ca00b3699e1837a6.txt(261,15): DK5001 Tom\u00e1\u0161 Gonda",
    };

    [Fact]
    public void The_sample_files_hold_no_diagnostic_but_the_mis_encoded_seed()
    {
        var found = new List<string>();
        var documents = new List<DigestDocument>();
        foreach (var file in TestPaths.AllSampleFiles)
        {
            var analysis = DigestEngine.Analyze(file, File.ReadAllText(file));
            documents.Add(analysis.Document);
            found.AddRange(analysis.Diagnostics.Select(Describe));
        }

        Assert.Equal(32, documents.Count);
        found.AddRange(DigestEngine.AnalyzeAcrossFiles(documents).Select(Describe));
        Assert.Equal(Expected, found);
    }

    [Fact]
    public void The_mis_encoded_seed_repaired_by_its_fixes_is_clean()
    {
        var text = File.ReadAllText(TestPaths.MisEncodedSeed);
        var repaired = RuleAssert.ApplyFixes(text, DigestEngine.Analyze(TestPaths.MisEncodedSeed, text).Diagnostics);
        Assert.NotEqual(text, repaired);
        Assert.Empty(DigestEngine.Analyze(TestPaths.MisEncodedSeed, repaired).Diagnostics);
    }

    [Fact]
    public void Each_sample_file_on_its_own_and_twice_over_is_consistent_across_files()
    {
        // The same digest under two names: the slug is a duplicate (DK6001), and no paper disagrees with itself.
        var file = TestPaths.CleanSeed;
        var text = File.ReadAllText(file);
        var documents = new[] { DigestEngine.Analyze("a/" + Path.GetFileName(file), text).Document, DigestEngine.Analyze("b/" + Path.GetFileName(file), text).Document };
        var found = DigestEngine.AnalyzeAcrossFiles(documents);
        var d = Assert.Single(found);
        Assert.Equal(("DK6001", "b/" + Path.GetFileName(file)), (d.Id, d.Path));
    }

    private static string Describe(DigestDiagnostic d)
    {
        var detail = d.Id is "DK5001" or "DK5002" ? d.Fix?.NewText : d.Message;
        return $"{Path.GetFileName(d.Path)}({d.Span.Line},{d.Span.Column}): {d.Id} {detail}";
    }
}
