using System.Text.RegularExpressions;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Fuzzing;

/// <summary>The engine's safe-repair plan (<see cref="DigestRepairs"/>) on real posts.</summary>
public sealed class DigestRepairsTests
{
    private static readonly string Clean = File.ReadAllText(TestPaths.CleanSeed);

    private static string WithNumbers(params int[] numbers)
    {
        var i = 0;
        return Regex.Replace(Clean, @"^# (\d+)\.", m => i < numbers.Length ? $"# {numbers[i++]}." : m.Value, RegexOptions.Multiline);
    }

    private static int[] Numbers(string text) =>
        Regex.Matches(text, @"^# (\d+)\.", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToArray();

    [Fact]
    public void Headings_5_5_3_4_are_renumbered_in_one_run()
    {
        var text = WithNumbers(5, 5, 3, 4);
        var plan = DigestRepairs.Plan("p.md", text);
        Assert.Equal(Numbers(Clean), Numbers(plan.RepairedText));
        Assert.Equal(Clean, plan.RepairedText);
        Assert.Empty(plan.Skipped);
        Assert.False(DigestRepairs.Plan("p.md", plan.RepairedText).Changed);

        // check counts what fix applies: every repair is of a diagnostic the text has now.
        Assert.Equal(plan.Applied.Count, plan.Repaired.Count);
        Assert.All(plan.Repaired, d => Assert.Contains(d, plan.Before.Diagnostics));
    }

    [Fact]
    public void A_repair_that_brings_a_new_diagnostic_on_its_line_is_not_applied()
    {
        // The issue's example: read as mojibake, "-—Ç–æ" would become "-—ǖæ", a worse text the engine flags again.
        var line = "Конец-—Ç–æ что-—Ç–æ.";
        var text = Clean.Replace("This work introduces World-GAN", line + " This work introduces World-GAN", StringComparison.Ordinal);
        var plan = DigestRepairs.Plan("p.md", text);
        Assert.DoesNotContain("ǖæ", plan.RepairedText, StringComparison.Ordinal);
        Assert.Contains(line, plan.RepairedText, StringComparison.Ordinal);
        Assert.False(DigestRepairs.Plan("p.md", plan.RepairedText).Changed);
        Assert.DoesNotContain(plan.Repaired, d => d.Span.Line == LineOf(text, line));
    }

    [Fact]
    public void Every_family_counts_its_repairs_of_the_original_text_though_earlier_repairs_moved_them()
    {
        // A mis-encoded name shortens the text before a renumbered heading and a links line without its pdf link, and a
        // line separator in the abstract is one of every family.
        var text = WithNumbers(1, 3).Replace("Maren Awiszus", "Maren AwiszusÃ©", StringComparison.Ordinal)
            .Replace("This work introduces World-GAN", "This work introduces\u2028World-GAN", StringComparison.Ordinal);
        Assert.Contains('\u2028', text);
        var abs = Regex.Match(text, @" \| \[pdf\]\([^)]*\)").Index;
        text = text.Remove(abs, Regex.Match(text, @" \| \[pdf\]\([^)]*\)").Length);
        var plan = DigestRepairs.Plan("p.md", text);
        var ids = plan.Applied.Select(r => r.Id).ToArray();
        Assert.Equal(DigestFixes.All, plan.Applied.Select(r => r.Family).Distinct());
        Assert.Equal(ids, plan.Repaired.Select(d => d.Id));
        Assert.All(plan.Repaired, d => Assert.Contains(d, plan.Before.Diagnostics));
    }

    [Fact]
    public void Repairs_the_candidates_of_the_engine_report_on_a_clean_post_are_none()
    {
        var plan = DigestRepairs.Plan("p.md", Clean);
        Assert.False(plan.Changed);
        Assert.Same(Clean, plan.RepairedText);
        Assert.Empty(plan.Applied);
        Assert.Empty(plan.Skipped);
    }

    private static int LineOf(string text, string part) => text[..text.IndexOf(part, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
