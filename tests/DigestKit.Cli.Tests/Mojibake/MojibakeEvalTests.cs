using DigestKit.Cli.Fixing;
using DigestKit.Engine;
using Xunit.Abstractions;

namespace DigestKit.Cli.Tests.Mojibake;

/// <summary>
/// The acceptance bar of issue 17 on our own evaluation set (see bench/mojibake/gen.py): of the lines ftfy repairs,
/// at least 90% repaired exactly as ftfy does; of the correct lines ftfy leaves alone, none flagged or changed; and no
/// line changed into something that is neither ftfy's result nor the correct text.
/// </summary>
public sealed class MojibakeEvalTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<EvalOutcome>> Outcomes =
        new(() => MojibakeEvalSet.Lines.Select(MojibakeEvalSet.Run).ToList());

    [Fact]
    public void The_set_has_the_promised_shape()
    {
        var lines = MojibakeEvalSet.Lines;
        Assert.True(lines.Count(l => l.Family == "negative") >= 50);
        foreach (var family in new[] { "w1252", "latin1", "mac", "mixed-latin1-w1252", "replacement-w1252", "cesu8-w1252", "partial-quote", "twice-w1252" })
        {
            Assert.Contains(lines, l => l.Family == family && l.FtfyRepairs);
        }
    }

    [Fact]
    public void At_least_90_percent_of_what_ftfy_repairs_is_repaired_exactly_as_ftfy_does()
    {
        var repairs = Outcomes.Value.Where(o => o.Line.FtfyRepairs).ToList();
        var exact = repairs.Count(o => o.Exact);
        foreach (var miss in repairs.Where(o => !o.Exact))
        {
            output.WriteLine($"miss [{miss.Line.Family}] {miss.Line.Input} -> {miss.Fixed} (ftfy: {miss.Line.Ftfy})");
        }

        output.WriteLine($"detected {repairs.Count(o => o.Detected)}/{repairs.Count}, exact {exact}/{repairs.Count}");
        Assert.True(exact * 10 >= repairs.Count * 9, $"exact {exact} of {repairs.Count}");
    }

    [Fact]
    public void No_correct_line_is_flagged_or_changed()
    {
        var alarms = Outcomes.Value.Where(o => o.Line.Family == "negative" && (o.Detected || o.Changed)).ToList();
        Assert.True(alarms.Count == 0, string.Join("\n", alarms.Select(a => a.Line.Input + " -> " + a.Fixed)));
    }

    [Fact]
    public void No_line_is_repaired_wrongly()
    {
        var wrong = Outcomes.Value.Where(o => o.Wrong).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Select(w => $"[{w.Line.Family}] {w.Line.Input} -> {w.Fixed} (ftfy: {w.Line.Ftfy})")));
    }

    [Fact]
    public void Fix_then_fix_again_changes_nothing_more()
    {
        foreach (var line in MojibakeEvalSet.Lines.Where(l => l.Family != "negative"))
        {
            var once = FixPlanner.Plan("eval.md", MojibakeEvalSet.Digest(line.Input)).FixedText;
            var twice = FixPlanner.Plan("eval.md", once).FixedText;
            Assert.True(once == twice, $"[{line.Family}] {line.Input}: a second fix changed the digest again");
        }
    }

    [Fact]
    public void The_correct_text_behind_every_line_is_left_as_it_is()
    {
        foreach (var original in MojibakeEvalSet.Lines.Select(l => l.Original).Distinct())
        {
            var digest = MojibakeEvalSet.Digest(original);
            Assert.Equal(digest, FixPlanner.Plan("eval.md", digest).FixedText);
        }
    }

    [Fact]
    public void Every_message_names_the_decoding_it_undid()
    {
        foreach (var outcome in Outcomes.Value)
        {
            foreach (var d in outcome.Diagnostics)
            {
                Assert.Contains(" as UTF-8 read as ".Substring(d.Id == DigestRules.UncertainMojibake.Id ? 0 : 4), d.Message);
            }
        }
    }
}
