using DigestKit.Cli.Lsp;
using DigestKit.Engine;
using Range = DigestKit.Cli.Lsp.Range;

namespace DigestKit.Cli.Tests.Lsp;

/// <summary>Engine offsets to LSP positions (UTF-16 code units, lines at CR LF, LF and CR only) and back.</summary>
public sealed class LspTextTests
{
    [Fact]
    public void Astral_characters_count_two_utf16_units()
    {
        // "a😀b": the emoji is a surrogate pair, so 'b' is at character 3.
        var lines = new LspLines("a😀b\nc");
        Assert.Equal(new Position(0, 3), lines.PositionOf(3));
        Assert.Equal(new Position(1, 0), lines.PositionOf(5));
        Assert.Equal(3, lines.OffsetOf(new Position(0, 3)));
        Assert.Equal(6, lines.OffsetOf(new Position(1, 1)));
    }

    [Fact]
    public void Crlf_cr_and_lf_end_lines_and_an_offset_inside_crlf_is_the_line_end()
    {
        var text = "ab\r\ncd\ref\ngh";
        var lines = new LspLines(text);
        Assert.Equal(4, lines.LineCount);
        Assert.Equal(new Position(0, 2), lines.PositionOf(2)); // the CR
        Assert.Equal(new Position(0, 2), lines.PositionOf(3)); // between CR and LF
        Assert.Equal(new Position(1, 0), lines.PositionOf(4));
        Assert.Equal(new Position(2, 0), lines.PositionOf(7));
        Assert.Equal(new Position(3, 1), lines.PositionOf(11));
        Assert.Equal(new Position(3, 2), lines.PositionOf(text.Length));
    }

    [Fact]
    public void Nel_and_unicode_line_separators_do_not_end_an_lsp_line()
    {
        // Roslyn (and the engine's LineMap) break lines at U+0085, U+2028 and U+2029; LSP does not.
        var text = "a\u2028b\u0085c\u2029d\ne";
        var lines = new LspLines(text);
        Assert.Equal(2, lines.LineCount);
        Assert.Equal(new Position(0, 6), lines.PositionOf(6));
        Assert.Equal(new Position(1, 0), lines.PositionOf(8));
    }

    [Fact]
    public void Positions_past_the_line_or_the_text_are_clamped_as_the_specification_says()
    {
        var lines = new LspLines("abc\r\ndef");
        Assert.Equal(3, lines.OffsetOf(new Position(0, 99)));
        Assert.Equal(8, lines.OffsetOf(new Position(7, 0)));
        Assert.Equal(0, lines.OffsetOf(new Position(-1, 5)));
        Assert.Equal(new Position(1, 3), lines.PositionOf(1000));
        Assert.Equal(new Position(0, 0), lines.PositionOf(-5));
    }

    [Fact]
    public void Incremental_edits_apply_in_utf16_units_and_whole_text_changes_replace()
    {
        var text = "x😀y\r\nz";
        var edited = LspEdits.Apply(text, new LspLines(text), new TextDocumentContentChangeEvent("é", new Range(new Position(0, 1), new Position(0, 3))));
        Assert.Equal("xéy\r\nz", edited);
        var inserted = LspEdits.Apply(edited, new LspLines(edited), new TextDocumentContentChangeEvent("🎉", new Range(new Position(1, 1), new Position(1, 1))));
        Assert.Equal("xéy\r\nz🎉", inserted);
        Assert.Equal("new", LspEdits.Apply(inserted, new LspLines(inserted), new TextDocumentContentChangeEvent("new")));
    }

    [Fact]
    public void An_engine_diagnostic_after_a_line_separator_and_an_emoji_gets_the_lsp_line_and_utf16_column()
    {
        // The abstract holds U+2028 and an emoji before a U+FFFD: the engine's 1-based line and column (Roslyn's
        // lines) differ from LSP's; the offsets, and so the LSP range, do not.
        var sample = File.ReadAllText(Path.Combine(Infrastructure.CliTestPaths.CheckDataDir, "clean.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var text = sample.Replace("much higher than the number of data points.", "much\u2028higher 😀 than the \uFFFD number of data points.", StringComparison.Ordinal);
        var analysis = DigestEngine.Analyze("x.md", text);
        var replacement = analysis.Diagnostics.First(d => d.Id == DigestRules.ReplacementCharacter.Id);
        var diagnostic = DigestWorkspace.ToLsp(replacement, new LspLines(text), null);

        var lspLines = text.Split('\n');
        var line = Array.FindIndex(lspLines, l => l.Contains('\uFFFD', StringComparison.Ordinal));
        var character = lspLines[line].IndexOf('\uFFFD', StringComparison.Ordinal);
        Assert.Equal(new Range(new Position(line, character), new Position(line, character + 1)), diagnostic.Range);
        Assert.Equal(line + 2, replacement.Span.Line); // the engine counts the U+2028 as a line break
        Assert.Equal(line, diagnostic.Range.Start.Line);
    }
}
