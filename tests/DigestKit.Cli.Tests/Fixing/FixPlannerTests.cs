using System.Text.RegularExpressions;
using DigestKit.Cli.Fixing;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Fixing;

/// <summary>
/// The fix order and the no-new-diagnostic rule (the engine's DigestRepairs, as fix calls it), on a fake engine whose diagnostics are easy to predict:
/// "JosÃ©" is a mis-encoded author (DK5001), "Ã¼" mis-encoded text (DK5002), headings "# N." must count 1, 2, 3….
/// </summary>
public sealed class FixPlannerTests
{
    private static DigestAnalysis FakeEngine(string path, string text) => FakeEngine(path, text, renumberTo: null);

    private static DigestAnalysis FakeEngine(string path, string text, Func<int, string>? renumberTo)
    {
        var map = new LineMap(text);
        var list = new List<DigestDiagnostic>();
        foreach (Match m in Regex.Matches(text, "JosÃ©"))
        {
            list.Add(DigestRules.MojibakeInAuthor.Create(path, map.Span(m.Index, m.Length), new TextEdit(m.Index, m.Length, "José"), m.Value, "UTF-8 read as Windows-1252", "José"));
        }

        foreach (Match m in Regex.Matches(text, "Ã¼"))
        {
            list.Add(DigestRules.MojibakeInText.Create(path, map.Span(m.Index, m.Length), new TextEdit(m.Index, m.Length, "ü"), m.Value, "UTF-8 read as Windows-1252", "ü"));
        }

        var expected = 1;
        foreach (Match m in Regex.Matches(text, @"^# (\d+)\.", RegexOptions.Multiline))
        {
            var number = m.Groups[1];
            if (number.Value != expected.ToString())
            {
                var replacement = renumberTo?.Invoke(expected) ?? expected.ToString();
                list.Add(DigestRules.NumberingGap.Create(path, map.Span(number.Index, number.Length), new TextEdit(number.Index, number.Length, replacement), number.Value, expected.ToString()));
            }

            expected++;
        }

        return new DigestAnalysis(new DigestDocument(path, null, EquatableArray<Paper>.Empty, text.Length), new EquatableArray<DigestDiagnostic>(list.ToArray()));
    }

    [Fact]
    public void Mojibake_is_repaired_first_then_papers_are_renumbered_on_the_repaired_text()
    {
        // The repair shortens the text before the headings: renumbering computed on the original offsets would
        // land one character off.
        var text = "# 1. A\nJosÃ© Ã¼ber\n# 3. B\n# 4. C\n";
        var result = FixPlanner.Plan("f.md", text, FakeEngine);
        Assert.Equal("# 1. A\nJosé über\n# 2. B\n# 3. C\n", result.FixedText);
        Assert.Equal(["DK5001", "DK5002", "DK2003", "DK2003"], result.Applied.Select(f => f.Id));
        Assert.Equal(4, result.DiagnosticsBefore);
        Assert.Equal(0, result.DiagnosticsAfter);
        Assert.Empty(result.Skipped);
        var renumber = result.Applied[2];
        Assert.Equal((3, 3, "3", "2"), (renumber.Line, renumber.Column, renumber.OldText, renumber.NewText));
    }

    [Fact]
    public void A_repair_whose_line_gets_a_new_diagnostic_is_not_applied_and_the_others_are()
    {
        // A renumbering that writes the wrong number leaves a DK2003 on its line: skipped (and reported), while the
        // mojibake repair is kept; planning the result again changes nothing.
        var text = "# 1. A JosÃ©\n# 3. B\n";
        Func<string, string, DigestAnalysis> engine = (p, t) => FakeEngine(p, t, renumberTo: _ => "7");
        var result = FixPlanner.Plan("f.md", text, engine);
        Assert.Equal("# 1. A José\n# 3. B\n", result.FixedText);
        Assert.Equal(["DK5001"], result.Applied.Select(f => f.Id));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("DK2003", 2, 3, "3", "7"), (skipped.Id, skipped.Line, skipped.Column, skipped.OldText, skipped.NewText));
        Assert.False(FixPlanner.Plan("f.md", result.FixedText, engine).Changed);
    }

    [Fact]
    public void A_repair_that_brings_a_diagnostic_to_another_line_is_not_applied()
    {
        // Repairing "Ã¼" to "ü" here makes the fake engine report a DK5001 on the first line, which the repair did
        // not touch: the repair is skipped and the text stays as it was.
        var text = "# 1. A\nÃ¼ber\n";
        DigestAnalysis Engine(string p, string t)
        {
            var analysis = FakeEngine(p, t);
            if (!t.Contains("über", StringComparison.Ordinal))
            {
                return analysis;
            }

            var extra = DigestRules.MojibakeInAuthor.Create(p, new LineMap(t).Span(2, 1), "x", "y", "z");
            return analysis with { Diagnostics = new EquatableArray<DigestDiagnostic>([extra, .. analysis.Diagnostics]) };
        }

        var result = FixPlanner.Plan("f.md", text, Engine);
        Assert.False(result.Changed);
        Assert.Equal(("DK5002", 2, 1), (result.Skipped.Single().Id, result.Skipped.Single().Line, result.Skipped.Single().Column));
    }

    [Fact]
    public void A_clean_text_is_left_alone()
    {
        var text = "# 1. A\n# 2. B\n";
        var result = FixPlanner.Plan("f.md", text, FakeEngine);
        Assert.False(result.Changed);
        Assert.Same(text, result.FixedText);
        Assert.Empty(result.Applied);
    }

    [Fact]
    public void Overlapping_edits_apply_the_first_and_duplicates_count_once()
    {
        var text = "abcdef";
        var map = new LineMap(text);
        DigestDiagnostic D(int start, int length, string newText) =>
            DigestRules.MojibakeInText.Create("f", map.Span(start, length), new TextEdit(start, length, newText), "x", "y", "z");
        var (fixedText, fixes) = DigestRepairs.Apply(text, [D(3, 2, "DE"), D(1, 2, "BC"), D(1, 2, "BC"), D(2, 2, "XX"), D(10, 1, "out of range")]);
        Assert.Equal("aBCDEf", fixedText);
        Assert.Equal(2, fixes.Count);
    }
}

/// <summary><c>check</c>'s "N can be repaired" counts only the edits <c>fix</c> applies.</summary>
public sealed class FixableCountTests
{
    [Fact]
    public void An_edit_on_a_rule_without_a_fix_family_is_not_counted()
    {
        var map = new LineMap("# 1. A\n# 1. B\n");
        var span = map.Span(9, 1);
        var renumber = DigestRules.DuplicateNumber.Create("f.md", span, new TextEdit(9, 1, "2"), "1");
        var orphan = DigestRules.MalformedHeading.Create("f.md", span, new TextEdit(9, 1, "2"), "x");
        var report = new DigestKit.Cli.Output.CheckReport(["f.md"], [renumber, orphan], _ => null);
        Assert.Null(DigestRules.MalformedHeading.Fix);
        Assert.Equal(1, report.Fixable);
        Assert.True(DigestRepairs.IsCandidate(renumber));
        Assert.False(DigestRepairs.IsCandidate(orphan));
    }

    [Fact]
    public void Check_counts_exactly_the_repairs_fix_applies()
    {
        // Headings 5, 5, 3: fix renumbers the first two. A copy with an invalid UTF-8 byte is not fixed at all.
        var text = "---\ntitle: T\n---\n\n# 5. A\n\n# 5. B\n\n# 3. C\n";
        var good = new DigestKit.Cli.Input.InputFile("good.md", "/nonexistent/good.md") { Content = System.Text.Encoding.UTF8.GetBytes(text) };
        var invalid = new DigestKit.Cli.Input.InputFile("bad.md", "/nonexistent/bad.md") { Content = [.. System.Text.Encoding.UTF8.GetBytes(text), 0xFF] };
        var fix = FixPlanner.Plan("good.md", text);
        Assert.Equal(2, fix.Applied.Count);
        Assert.Equal(fix.Applied.Count, DigestKit.Cli.Commands.CheckRunner.Run([good]).Report.Fixable);
        Assert.Equal(0, DigestKit.Cli.Commands.CheckRunner.Run([invalid]).Report.Fixable);
    }

    [Fact]
    public void Line_separators_are_replaced_by_spaces_and_a_capped_file_is_repaired_whole_in_one_run()
    {
        // 500 U+2028 (in a title and a paragraph): 500 DK2016, of which the engine shows about 200 (and DK9020). The repairs
        // of those shown bring the next ones into view, which are not new diagnostics: round after round, all 500 go.
        var clean = File.ReadAllText(Path.Combine(Infrastructure.CliTestPaths.CheckDataDir, "clean.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var heading = clean.IndexOf("# 1. ", StringComparison.Ordinal);
        var text = clean.Substring(0, heading) + "# 1. A\u2028title" + clean.Substring(clean.IndexOf('\n', heading));
        var abstractAt = text.IndexOf("\n\n", text.IndexOf("- [", heading, StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        text = text.Insert(abstractAt, string.Concat(Enumerable.Repeat("x\u2028", 499)) + "\n\n");
        var before = DigestEngine.Analyze("f.md", text);
        Assert.Equal(500, before.Diagnostics.Count(d => d.Id == "DK2016") + int.Parse(before.Diagnostics.Single(d => d.Id == "DK9020").Arguments[1].Split('\u00D7')[1]));

        var result = FixPlanner.Plan("f.md", text);

        var shown = before.Diagnostics.Count(d => d.Id == "DK2016");
        Assert.True(shown >= 199 && shown < 500, $"{shown} DK2016 shown");
        Assert.Equal(500, result.Applied.Count);
        Assert.All(result.Applied, f => Assert.Equal(("DK2016", "\u2028", " "), (f.Id, f.OldText, f.NewText)));
        Assert.Equal((before.TotalCount, before.TotalCount - 500), (result.DiagnosticsBefore, result.DiagnosticsAfter));
        Assert.DoesNotContain('\u2028', result.FixedText);
        Assert.Equal(result.FixedText, FixPlanner.Plan("f.md", result.FixedText).FixedText); // fix; fix == fix
        Assert.Contains("# 1. A title\n", result.FixedText, StringComparison.Ordinal);
        Assert.Empty(result.Skipped);
    }
}
