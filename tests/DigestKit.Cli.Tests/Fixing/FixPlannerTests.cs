using System.Text.RegularExpressions;
using DigestKit.Cli.Fixing;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Fixing;

/// <summary>
/// The fix order and the keep-only-if-better rule, on a fake engine whose diagnostics are easy to predict:
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
        Assert.Empty(result.Rejected);
        var renumber = result.Applied[2];
        Assert.Equal((3, 3, "3", "2"), (renumber.Line, renumber.Column, renumber.OldText, renumber.NewText));
    }

    [Fact]
    public void A_fix_set_that_does_not_reduce_the_diagnostics_is_dropped()
    {
        // A renumbering that writes the wrong number fixes nothing: the set is rejected, the mojibake repair kept.
        var text = "# 1. A JosÃ©\n# 3. B\n";
        var result = FixPlanner.Plan("f.md", text, (p, t) => FakeEngine(p, t, renumberTo: _ => "7"));
        Assert.Equal("# 1. A José\n# 3. B\n", result.FixedText);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("paper numbering", 1, 1, 1), (rejected.Name, rejected.Count, rejected.DiagnosticsBefore, rejected.DiagnosticsAfter));
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
        var (fixedText, fixes) = FixPlanner.Apply(text, [D(3, 2, "DE"), D(1, 2, "BC"), D(1, 2, "BC"), D(2, 2, "XX"), D(10, 1, "out of range")]);
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
        Assert.True(FixPlanner.Repairs(renumber));
        Assert.False(FixPlanner.Repairs(orphan));
    }

    [Fact]
    public void Line_separators_are_replaced_by_spaces_and_a_capped_file_still_counts_as_better()
    {
        // 500 U+2028 (in a title and a paragraph): 500 DK2016, of which the engine shows about 200 (and DK9020). Their repairs
        // leave about 300, still capped to 201 shown: only the total says the file got better.
        var clean = File.ReadAllText(Path.Combine(Infrastructure.CliTestPaths.CheckDataDir, "clean.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var heading = clean.IndexOf("# 1. ", StringComparison.Ordinal);
        var text = clean.Substring(0, heading) + "# 1. A\u2028title" + clean.Substring(clean.IndexOf('\n', heading));
        var abstractAt = text.IndexOf("\n\n", text.IndexOf("- [", heading, StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        text = text.Insert(abstractAt, string.Concat(Enumerable.Repeat("x\u2028", 499)) + "\n\n");
        var before = DigestEngine.Analyze("f.md", text);
        Assert.Equal(500, before.Diagnostics.Count(d => d.Id == "DK2016") + int.Parse(before.Diagnostics.Single(d => d.Id == "DK9020").Arguments[1].Split('\u00D7')[1]));

        var result = FixPlanner.Plan("f.md", text);

        var shown = before.Diagnostics.Count(d => d.Id == "DK2016");
        Assert.True(shown >= 199, $"{shown} DK2016 shown");
        Assert.Equal(shown, result.Applied.Count);
        Assert.All(result.Applied, f => Assert.Equal(("DK2016", "\u2028", " "), (f.Id, f.OldText, f.NewText)));
        Assert.Equal((before.TotalCount, before.TotalCount - shown), (result.DiagnosticsBefore, result.DiagnosticsAfter));
        Assert.Contains("# 1. A title\n", result.FixedText, StringComparison.Ordinal);
        Assert.Empty(result.Rejected);
    }
}
