using DigestKit.Engine.Text;
using DigestKit.Tests;
using static DigestKit.Engine.Tests.MojibakeTestText;

namespace DigestKit.Engine.Tests;

public class MojibakeSampleTests
{
    public static TheoryData<string> CorrectFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.AllSampleFiles.Where(f => f != TestPaths.MisEncodedSeed))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorrectFiles))]
    public void Corpus_sample_and_clean_seed_give_no_finding(string name)
    {
        var path = TestPaths.AllSampleFiles.Single(f => Path.GetFileName(f) == name);
        var text = File.ReadAllText(path);

        Assert.Empty(Mojibake.Find(text));
        foreach (var line in text.Split('\n'))
        {
            Assert.Empty(Mojibake.Find(line));
        }
    }

    [Fact]
    public void Corpus_sample_holds_the_non_ascii_text_the_negative_check_relies_on()
    {
        var text = string.Concat(TestPaths.AllSampleFiles.Where(f => f != TestPaths.MisEncodedSeed).Select(File.ReadAllText));

        // Typographic quotes and dashes are Mac OS Roman lead characters and accented letters its continuations:
        // the corpus gives the detector real chances to be wrong.
        Assert.Contains('’', text);
        Assert.Contains('—', text);
        Assert.Contains(text, c => c >= 0xC0 && c <= 0xFF);
        Assert.Contains(text, c => c >= 0x4E00 && c <= 0x9FFF);
    }

    [Fact]
    public void Mis_encoded_seed_gives_the_runs_counted_by_hand()
    {
        var text = File.ReadAllText(TestPaths.MisEncodedSeed);

        var findings = Mojibake.Find(text);

        // Counted by hand: Veličković twice (č and ć apart), 💻⛈️ (one run: emoji, cloud, variation selector),
        // 👇, the apostrophe of "authors’", Rolínek twice, Vít, 🎤, and "áš" of Tomáš as one run.
        Assert.Equal(
            new[]
            {
                (2141, "ƒç", "č"), (2147, "ƒá", "ć"), (3888, "\uF8FFüíª‚õàÔ∏è", "💻⛈️"), (4196, "ƒç", "č"),
                (4202, "ƒá", "ć"), (9036, "\uF8FFüëá", "👇"), (20404, "‚Äô", "’"), (23391, "√≠", "í"),
                (23399, "√≠", "í"), (25174, "√≠", "í"), (30262, "\uF8FFüé§", "🎤"), (33891, "√°≈°", "áš"),
            },
            findings.Select(f => (f.Start, f.Original, f.Repaired)).ToArray());
        Assert.All(findings, f => Assert.Equal("UTF-8 read as Mac OS Roman", f.Encoding));
        Assert.All(findings, f => Assert.Equal(f.Original, text.Substring(f.Start, f.Length)));
        Assert.All(findings, f => Assert.Equal(f.Original, Remisread(f)));
    }

    [Fact]
    public void Mis_encoded_seed_is_repaired_exactly()
    {
        var text = File.ReadAllText(TestPaths.MisEncodedSeed);

        var repaired = Mojibake.Repair(text);

        Assert.Contains("Petar Veličković", repaired);
        Assert.Contains("Michal Rolínek, Vít Musil", repaired);
        Assert.Contains("Tomáš", repaired);
        Assert.Contains("The authors’ mode", repaired);
        Assert.DoesNotContain("ƒ", repaired);
        Assert.DoesNotContain("\uF8FF", repaired);
        Assert.Empty(Mojibake.Find(repaired));
        // Every non-ASCII character of the seed was mis-decoded, so reading the repair as Mac OS Roman again
        // must give back the seed byte for byte.
        Assert.Equal(text, Misread(repaired, SingleByteCodePage.MacOsRoman));
    }
}
