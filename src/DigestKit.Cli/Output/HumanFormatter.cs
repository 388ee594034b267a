using System.Globalization;
using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// The output for people: per diagnostic <c>path:line:col: severity ID: message</c> (the form terminals and
/// editors make clickable), the source line with the span underlined, then one summary line. The first diagnostic
/// of each ID is followed by <c>= help: URL</c>, the rule's page.
/// </summary>
internal static class HumanFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Gutter = "\u001b[34m";

    /// <summary>In place of the excerpt of a file that changed between the check and the report.</summary>
    public const string ChangedNote = "(no excerpt: the file changed after it was checked)";

    public static void Write(TextWriter writer, CheckReport report, bool color)
    {
        // The help link goes under the first diagnostic of each ID, as clippy's "= help: for further information
        // visit …" and ruff's rule links sit under the diagnostic itself: the reader sees it where they first meet the
        // rule, and a terminal makes it clickable there. Once per ID (rustc's "--explain" footer also names each code
        // once): 500 DK3001s would otherwise carry 500 identical links, and a footer after them is easily missed.
        // --quiet filters the diagnostics before this, so a link follows only a diagnostic that is shown.
        var helped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in report.Diagnostics)
        {
            var help = helped.Add(diagnostic.Id) ? DigestRules.Find(diagnostic.Id)?.HelpLink : null;
            WriteDiagnostic(writer, diagnostic, report, color, help);
        }

        if (report.IsQuiet && report.Diagnostics.Count == 0)
        {
            return;
        }

        var line = report.SummaryLine();
        if (color)
        {
            var worst = report.Errors > 0 ? DigestSeverity.Error : report.Warnings > 0 ? DigestSeverity.Warning : (DigestSeverity?)null;
            line = worst is { } w ? SeverityColor(w) + line + Reset : Bold + line + Reset;
        }

        writer.Write(line);
        writer.Write('\n');
    }

    private static void WriteDiagnostic(TextWriter writer, DigestDiagnostic diagnostic, CheckReport report, bool color, string? help)
    {
        var location = diagnostic.Path.Length == 0
            ? "digestkit"
            : string.Create(CultureInfo.InvariantCulture, $"{DisplayText.Sanitize(diagnostic.Path)}:{diagnostic.Span.Line}:{diagnostic.Span.Column}");
        var severity = CheckReport.SeverityName(diagnostic.Severity);
        var message = DisplayText.Sanitize(diagnostic.Message);
        if (color)
        {
            var c = SeverityColor(diagnostic.Severity);
            writer.Write($"{Bold}{location}:{Reset} {c}{severity} {diagnostic.Id}:{Reset} {Bold}{message}{Reset}\n");
        }
        else
        {
            writer.Write($"{location}: {severity} {diagnostic.Id}: {message}\n");
        }

        var excerpt = diagnostic.Path.Length == 0 ? null : SourceExcerpt.Create(report.SourceText(diagnostic.Path), diagnostic.Span);
        var pad = string.Empty;
        if (excerpt is null && diagnostic.Path.Length > 0 && report.ChangedSinceChecked(diagnostic.Path))
        {
            // The line as it is now may not be the line that was checked: no excerpt, and why.
            pad = new string(' ', diagnostic.Span.Line.ToString(CultureInfo.InvariantCulture).Length);
            writer.Write(color ? $"{Gutter} {pad} |{Reset} {ChangedNote}\n" : $" {pad} | {ChangedNote}\n");
        }
        else if (excerpt is { } e)
        {
            var number = e.LineNumber.ToString(CultureInfo.InvariantCulture);
            pad = new string(' ', number.Length);
            if (color)
            {
                var c = SeverityColor(diagnostic.Severity);
                writer.Write($"{Gutter} {number} |{Reset} {e.Line}\n");
                writer.Write($"{Gutter} {pad} |{Reset} {c}{e.Underline}{Reset}\n");
            }
            else
            {
                writer.Write($" {number} | {e.Line}\n");
                writer.Write($" {pad} | {e.Underline}\n");
            }
        }

        if (help is not null)
        {
            // Under the gutter, as rustc writes its "= help:" and "= note:" lines.
            writer.Write(color ? $"{Gutter} {pad} ={Reset} {Bold}help:{Reset} {help}\n" : $" {pad} = help: {help}\n");
        }
    }

    private static string SeverityColor(DigestSeverity severity) => severity switch
    {
        DigestSeverity.Error => "\u001b[1;31m",
        DigestSeverity.Warning => "\u001b[1;33m",
        _ => "\u001b[1;36m",
    };
}
