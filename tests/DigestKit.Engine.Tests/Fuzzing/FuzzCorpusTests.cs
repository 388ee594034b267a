using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Fuzzing;

/// <summary>
/// The inputs kept from fuzz campaigns (tests/Data/fuzz-corpus, see bench/fuzz/README.md) replayed through the
/// harness's own invariants: no exception, every span inside its text and in order, fix idempotent.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static string CorpusDir => Path.Combine(TestPaths.DataDir, "fuzz-corpus");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDir).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Kept_input_holds_every_invariant(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusDir, name));
        FuzzInvariants.Check(new System.Text.UTF8Encoding(false, false).GetString(bytes));
    }

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(Inputs().Count >= 3, "tests/Data/fuzz-corpus is missing or nearly empty");
    }

    [Fact]
    public void A_violated_invariant_is_reported()
    {
        // The checker itself can fail: a span past the end of its text.
        var text = "abc";
        var d = DigestRules.MojibakeInText.Create("f", new SourceSpan(2, 5, 1, 3, 1, 8), "x", "y", "z");
        var ex = Assert.Throws<InvariantException>(() => FuzzInvariants.CheckDiagnostics(text, [d]));
        Assert.Contains("outside the text", ex.Message, StringComparison.Ordinal);
        var first = DigestRules.MojibakeInText.Create("f", new SourceSpan(2, 0, 1, 3, 1, 3), "x", "y", "z");
        var second = DigestRules.MojibakeInText.Create("f", new SourceSpan(0, 1, 1, 1, 1, 2), "x", "y", "z");
        Assert.Throws<InvariantException>(() => FuzzInvariants.CheckDiagnostics(text, [first, second]));
    }
}
