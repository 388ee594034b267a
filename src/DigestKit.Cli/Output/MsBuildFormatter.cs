using System.Globalization;

namespace DigestKit.Cli.Output;

/// <summary>
/// MSBuild's canonical message format, which Visual Studio, VS Code problem matchers and CI log parsers read:
/// <c>path(line,col,endLine,endCol): error|warning|info DKxxxx: message</c>, one per line, nothing else.
/// </summary>
internal static class MsBuildFormatter
{
    public static void Write(TextWriter writer, CheckReport report)
    {
        foreach (var d in report.Diagnostics)
        {
            var origin = d.Path.Length == 0
                ? "digestkit"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{DisplayText.Sanitize(d.Path)}({d.Span.Line},{d.Span.Column},{d.Span.EndLine},{d.Span.EndColumn})");
            writer.Write($"{origin}: {CheckReport.SeverityName(d.Severity)} {d.Id}: {DisplayText.Sanitize(d.Message)}\n");
        }
    }
}
