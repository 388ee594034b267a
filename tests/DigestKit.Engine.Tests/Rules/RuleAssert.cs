using DigestKit.Engine;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>Runs the whole engine on a digest and pins one rule's finding down to its exact place.</summary>
internal static class RuleAssert
{
    /// <summary>The only diagnostic with <paramref name="id"/>, after checking it has the rule's severity.</summary>
    public static DigestDiagnostic Single(string text, string id)
    {
        var analysis = Digests.Analyze(text);
        var found = analysis.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got {found.Count}:\n{Describe(analysis)}");
        var diagnostic = found[0];
        Assert.Equal(DigestRules.Find(id)!.DefaultSeverity, diagnostic.Severity);
        return diagnostic;
    }

    /// <summary>Asserts no diagnostic with any of <paramref name="ids"/>.</summary>
    public static void None(string text, params string[] ids)
    {
        var analysis = Digests.Analyze(text);
        var found = analysis.Diagnostics.Where(d => ids.Contains(d.Id)).ToList();
        Assert.True(found.Count == 0, $"expected none of {string.Join(", ", ids)}:\n{Describe(analysis)}");
    }

    /// <summary>Asserts the analysis holds exactly the listed IDs (in order of position).</summary>
    public static void Exactly(string text, params string[] ids)
    {
        var analysis = Digests.Analyze(text);
        Assert.True(ids.SequenceEqual(analysis.Diagnostics.Select(d => d.Id)), $"expected [{string.Join(", ", ids)}]:\n{Describe(analysis)}");
    }

    /// <summary>Asserts the diagnostic covers exactly the <paramref name="occurrence"/>th <paramref name="needle"/>.</summary>
    public static void At(DigestDiagnostic diagnostic, string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) is not in the text");
        }

        var (line, column) = new LineMap(text).Position(index);
        Assert.Equal((line, column, needle.Length), (diagnostic.Span.Line, diagnostic.Span.Column, diagnostic.Span.Length));
        Assert.Equal(index, diagnostic.Span.Start);
    }

    public static string Describe(DigestAnalysis analysis) =>
        analysis.Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join("\n", analysis.Diagnostics.Select(d => $"{d.Id} {d.Span} {d.Message}"));

    /// <summary>The text with every fix of <paramref name="analysis"/> applied (fixes never overlap).</summary>
    public static string ApplyFixes(string text, IEnumerable<DigestDiagnostic> diagnostics)
    {
        var edits = diagnostics.Where(d => d.Fix != null).Select(d => d.Fix!.Value).OrderByDescending(e => e.Start).ToList();
        foreach (var edit in edits)
        {
            text = text.Substring(0, edit.Start) + edit.NewText + text.Substring(edit.Start + edit.Length);
        }

        return text;
    }
}
