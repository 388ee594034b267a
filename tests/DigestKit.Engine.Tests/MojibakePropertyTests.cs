using DigestKit.Engine.Text;
using static DigestKit.Engine.Tests.MojibakeTestText;

namespace DigestKit.Engine.Tests;

/// <summary>
/// Random correct strings built from real words of many scripts, names and symbols: read wrongly they must come back
/// exactly, and as they are they must not be flagged. Seeded, so a failure names a reproducible case.
/// </summary>
public class MojibakePropertyTests
{
    internal static readonly string[] Words =
    {
        "Veličković", "José", "Müller", "Łukasz", "Øyvind", "Çağlar", "Gülçehre", "Ρένα", "Дмитрий", "山田太郎",
        "👇", "💻⛈️", "naïve", "café", "déjà", "Ångström", "Søren", "Erdős", "Dvořák", "Žižek", "Nguyễn", "Trường",
        "București", "știință", "Straße", "GRÜN", "ÉCOLE", "İstanbul", "ığdır", "Αθήνα", "λόγος", "Москва", "ёж",
        "שלום", "مرحبا", "東京", "日本語", "한국어", "ไทย", "हिन्दी", "🎤", "🇫🇷", "👩‍💻", "✔️", "model", "paper",
        "the", "GAN", "2021", "x", "über", "Œuvre", "cœur", "Þórr", "ﬁne", "μm", "αβγ", "Σ",
    };

    internal static readonly string[] Separators = { " ", " ", " ", ", ", " — ", " – ", "-", "/", ": ", " (", ") ", "’s ", " … " };

    internal static readonly string[] Wrappers = { "{0}", "{0}", "{0}", "“{0}”", "‘{0}’", "«{0}»", "\"{0}\"", "{0}°", "{0}×2", "{0}©" };

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Misread_strings_come_back_and_correct_ones_stay(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var correct = RandomText(random);
            if (correct.All(c => c < 0x80))
            {
                continue;
            }

            Assert.Empty(Mojibake.Find(correct));
            foreach (var page in new[] { SingleByteCodePage.MacOsRoman, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1 })
            {
                for (var times = 1; times <= 2; times++)
                {
                    var broken = Misread(correct, page, times);
                    var repaired = Mojibake.Repair(broken);
                    Assert.True(correct == repaired, $"{page.Name} x{times}: '{broken}' should repair to '{correct}', got '{repaired}'");
                    AssertWellFormed(broken, Mojibake.Find(broken));
                }
            }
        }
    }

    /// <summary>In order, non-overlapping, each the substring it claims to be, each undone exactly by its repair.</summary>
    private static void AssertWellFormed(string text, IReadOnlyList<MojibakeFinding> findings)
    {
        var end = 0;
        foreach (var finding in findings)
        {
            Assert.True(finding.Start >= end, $"finding at {finding.Start} overlaps or precedes the one ending at {end}");
            Assert.Equal(finding.Original, text.Substring(finding.Start, finding.Length));
            Assert.Equal(finding.Original, Remisread(finding));
            end = finding.Start + finding.Length;
        }
    }

    private static string RandomText(Random random)
    {
        var count = random.Next(1, 6);
        var text = string.Empty;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text += Separators[random.Next(Separators.Length)];
            }

            text += string.Format(Wrappers[random.Next(Wrappers.Length)], Words[random.Next(Words.Length)]);
        }

        return text;
    }
}
