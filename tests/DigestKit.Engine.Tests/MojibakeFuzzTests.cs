using DigestKit.Engine.Text;
using static DigestKit.Engine.Tests.MojibakeTestText;

namespace DigestKit.Engine.Tests;

/// <summary>
/// Random strings made of exactly the characters the detector reacts to (every high-half character of the three
/// pages, ASCII, lone and paired surrogates, NUL). The detector is called without the public catch-all, so a bug
/// shows up as an exception here instead of as a silently missed finding.
/// </summary>
public class MojibakeFuzzTests
{
    private static readonly char[] Alphabet = BuildAlphabet();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_finding_is_well_formed_and_exact(int seed)
    {
        var random = new Random(seed);
        var total = 0;
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            var findings = MojibakeDetector.Find(text);
            total += findings.Count;
            var end = 0;
            foreach (var finding in findings)
            {
                Assert.True(finding.Start >= end && finding.Length > 0, $"bad span {finding.Start}+{finding.Length} in '{text}'");
                Assert.Equal(finding.Original, text.Substring(finding.Start, finding.Length));
                Assert.Equal(finding.Original, Remisread(finding));
                Assert.DoesNotContain(finding.Repaired, c => (c >= 0x80 && c <= 0x9F) || c == '\uF8FF');
                end = finding.Start + finding.Length;
            }
        }

        Assert.True(total > 100, $"only {total} findings: the alphabet no longer exercises the detector");
    }

    private static char[] BuildAlphabet()
    {
        var chars = new List<char> { '\0', ' ', 'a', 'Z', '1', '\n', '\uD83D', '\uDC47', '\uD800', '\uDFFF' };
        foreach (var page in new[] { SingleByteCodePage.MacOsRoman, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1 })
        {
            for (var b = 0x80; b <= 0xFF; b++)
            {
                chars.Add(page.Decode((byte)b));
            }
        }

        return chars.Distinct().ToArray();
    }
}
