using CsCheck;
using DigestKit.Engine.Tests.Parsing;
using DigestKit.Engine.Text;
using static DigestKit.Engine.Tests.MojibakeTestText;

namespace DigestKit.Engine.Tests;

/// <summary>
/// Issue 13's mojibake findings (a quadratic run, wrong repairs on damaged real posts, a message quoting a 43k-character
/// name) and issue 17's property: for correct text T and a supported page C, fix(misread(T, C)) == T and fix(T) == T.
/// </summary>
public class MojibakeRobustnessTests
{
    private static readonly Gen<string> CorrectText =
        Gen.Select(Pick(MojibakePropertyTests.Words), Pick(MojibakePropertyTests.Separators), Pick(MojibakePropertyTests.Wrappers))
            .Array[1, 6]
            .Select(parts => string.Concat(parts.Select(p => string.Format(p.Item3, p.Item1) + p.Item2)).Trim());

    private static readonly Gen<SingleByteCodePage> Pages =
        Pick(new[] { SingleByteCodePage.MacOsRoman, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1 });

    private static Gen<T> Pick<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    [Fact]
    public void Property_fix_of_misread_text_is_the_text_and_fix_of_correct_text_is_itself()
    {
        Gen.Select(CorrectText, Pages, Gen.Int[1, 2]).Sample((text, page, times) =>
        {
            Assert.Equal(text, Mojibake.Repair(text));
            var broken = Misread(text, page, times);
            Assert.Equal(text, Mojibake.Repair(broken));
        }, iter: 3000);
    }

    [Fact]
    public void Property_fix_is_idempotent_on_mojibake()
    {
        // Mixed damage: some words misread, some not, with any page, so that a repair can leave something behind.
        var damaged = Gen.Select(CorrectText, Pages, Gen.Bool).Array[1, 4]
            .Select(parts => string.Join(" ", parts.Select(p => p.Item3 ? Misread(p.Item1, p.Item2) : p.Item1)));
        damaged.Sample(text =>
        {
            var once = Mojibake.Repair(text);
            Assert.Equal(once, Mojibake.Repair(once));
        }, iter: 3000);
    }

    [Fact]
    public void A_megabyte_long_run_is_repaired_whole()
    {
        // Issue 13: 128k repeats took 34 s, the scanner recomputing the run's pages after every sequence.
        var count = 512 * 1024;
        var text = string.Concat(Enumerable.Repeat("\u00c3\u00a9", count));
        var findings = Mojibake.Find(text);
        var finding = Assert.Single(findings);
        Assert.Equal(0, finding.Start);
        Assert.Equal(text.Length, finding.Length);
        Assert.Equal(new string('\u00e9', count), finding.Repaired);
    }

    [Fact]
    public void A_megabyte_author_line_of_mojibake_is_checked_and_its_message_is_capped()
    {
        var name = string.Concat(Enumerable.Repeat("\u00c3\u00a9", 256 * 1024));
        var text = Digests.Digest(Digests.Paper(authors: name + ", Charles Blundell"));
        var d = Assert.Single(Digests.Analyze(text).Diagnostics, x => x.Id == "DK5001");
        Assert.Equal(new string('\u00e9', 256 * 1024), d.Fix!.Value.NewText);
        Assert.True(d.Message.Length < 350, $"message of {d.Message.Length} characters");
        Assert.Contains("'" + name.Substring(0, 80) + "\u2026 (524,288 characters)'", d.Message);
        Assert.Contains("(UTF-8 read as Windows-1252)", d.Message);
    }

    [Fact]
    public void Many_short_runs_on_many_authors_stay_one_pass()
    {
        // Half a million author names, each mis-encoded: the overlap checks once compared every finding with every author.
        var authors = string.Join(", ", Enumerable.Repeat("Jos\u00c3\u00a9", 100_000));
        var text = Digests.Digest(Digests.Paper(authors: authors));
        // The file reports 200 diagnostics (DigestEngine.MaxDiagnosticsPerFile); DK9020 counts the other DK5001s.
        var analysis = Digests.Analyze(text);
        var shown = analysis.Diagnostics.Count(x => x.Id == "DK5001");
        var summary = Assert.Single(analysis.Diagnostics, x => x.Id == "DK9020");
        Assert.Equal($"DK5001 \u00D7{100_000 - shown}", summary.Arguments[1]);
    }

    [Theory]
    [InlineData("\u041a\u043e\u043d\u0435\u0446-\u2014\u00c7\u2013\u00e6 \u0447\u0442\u043e-\u2014\u00c7\u2013\u00e6.")]
    [InlineData("\u041a\u043e\u043d\u0435\u0446-\u2014\u0422\u043e \u0447\u0442\u043e-\u2014\u0422\u043e.")]
    [InlineData("Konec-\u2014\u00c7\u2013\u00e6 and -\u2014\u00c7\u2013\u00e6 again")]
    public void Dashes_and_letters_that_only_look_like_Mac_OS_Roman_are_left_alone(string text)
    {
        // Issue 13: "Конец-—Ç–æ что-—Ç–æ." became "Конец-—ǖæ что-—ǖæ." (Ç– read as Mac OS Roman is U+01D6).
        Assert.Empty(Mojibake.Find(text));
    }

    [Fact]
    public void DK5006_readings_that_disagree_are_reported_with_both_and_left_as_they_are()
    {
        var line = "\u041a\u043e\u043d\u0435\u0446-\u2014\u00c7\u2013\u00e6 \u0447\u0442\u043e-\u2014\u00c7\u2013\u00e6.";
        var text = Digests.Digest(Digests.Paper(authors: line));
        var diagnostics = Digests.Analyze(text).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Id == "DK5001" || d.Id == "DK5002");
        var doubts = diagnostics.Where(d => d.Id == "DK5006").ToList();
        Assert.Equal(2, doubts.Count);
        foreach (var d in doubts)
        {
            Assert.Null(d.Fix);
            Assert.Equal(DigestSeverity.Info, d.Severity);
            Assert.Equal("\u2014\u00c7\u2013\u00e6", text.Substring(d.Span.Start, d.Span.Length));
            Assert.Equal(
                "Text '\u2014\u00c7\u2013\u00e6' may be mis-encoded, but its readings disagree ('\u0442\u043e' as UTF-8 read as Mac OS Roman, or " +
                "'\u2014\u01d6\u00e6' as UTF-8 read as Windows-1252); check it, and correct it by hand if it is wrong",
                d.Message);
        }
    }

    [Theory]
    [InlineData("\u041d\u0430\u043a\u043e\u043d\u0435\u0446-\u0442\u043e \u0447\u0442\u043e-\u0442\u043e \u043f\u043e\u043b\u0435\u0437\u043d\u043e\u0435")]
    [InlineData("\u300cAttention\u3068Convolution\u3067\u3044\u3044\u300d")]
    public void A_line_read_as_Mac_OS_Roman_end_to_end_settles_disputed_runs_for_Mac_OS_Roman(string correct)
    {
        // Damaged copies of real posts: "-то" is "—Ç–æ" and "と" is "„Å®" through Mac OS Roman, and parts of both
        // read as Windows-1252 too ("ǖ", "Ů"). The rest of the line settles it; no run is left half repaired.
        var broken = Misread(correct, SingleByteCodePage.MacOsRoman);
        Assert.Equal(correct, Mojibake.Repair(broken));
        var uncertain = new List<MojibakeUncertainty>();
        Mojibake.Find(broken, uncertain);
        Assert.Empty(uncertain);
    }

    [Theory]
    [InlineData("T\u00fcrk\u00e7e g\u00c3\u00b6r\u00c3\u00bc\u00c5\u0178 bildirdi", "T\u00fcrk\u00e7e g\u00f6r\u00fc\u015f bildirdi")]
    [InlineData("g\u00c3\u00b6z", "g\u00f6z")]
    [InlineData("\u00c3\u00b6\u00c4\u0178renci", "\u00f6\u011frenci")]
    [InlineData("K\u00c3\u00b6y ve \u015fehir", "K\u00f6y ve \u015fehir")]
    public void Turkish_o_umlaut_read_as_Windows_1252_is_not_taken_for_a_combining_comma(string broken, string expected)
    {
        // "Ã¶" is C3 B6 (ö) through Windows-1252, and CC A6 (U+0326, combining comma below) through Mac OS Roman.
        Assert.Equal(expected, Mojibake.Repair(broken));
        Assert.DoesNotContain(Mojibake.Find(broken), f => f.Repaired.Contains('\u0326'));
    }

    [Fact]
    public void A_repair_is_whole_or_none_within_a_name()
    {
        // Greek read as Latin-1 ends in "Ï\u0085" (ου's last byte is 0x85, NEL): the parser trims NEL as white
        // space, and the name was repaired up to its last letter.
        var broken = Misread("\u039a\u03c9\u03bd\u03c3\u03c4\u03b1\u03bd\u03c4\u03af\u03bd\u03bf\u03c5", SingleByteCodePage.Latin1);
        var text = Digests.Digest(Digests.Paper(authors: "\u0395\u03bb\u03ad\u03bd\u03b7 " + broken + ", Charles Blundell"));
        var d = Assert.Single(Digests.Analyze(text).Diagnostics, x => x.Id == "DK5001");
        Assert.Equal(broken.Length + 6, d.Fix!.Value.Length);
        Assert.EndsWith("\u03bf\u03c5", d.Fix!.Value.NewText);
    }
}
