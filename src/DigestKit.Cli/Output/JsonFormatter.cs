using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// <c>--format json</c>: the checked files, every diagnostic with its position (1-based, end column exclusive,
/// columns in UTF-16 code units like the build's), and the summary counts. Written with Utf8JsonWriter: no
/// serializer, no reflection, nothing to warm up.
/// </summary>
internal static class JsonFormatter
{
    /// <summary>Bumped when a field changes meaning or disappears; new fields may appear without a bump.</summary>
    public const int FormatVersion = 1;

    public static void Write(Stream stream, CheckReport report)
    {
        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();

        json.WriteStartArray("files");
        foreach (var file in report.Files)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();

        json.WriteStartArray("diagnostics");
        foreach (var d in report.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("path", d.Path);
            json.WriteNumber("line", d.Span.Line);
            json.WriteNumber("column", d.Span.Column);
            json.WriteNumber("endLine", d.Span.EndLine);
            json.WriteNumber("endColumn", d.Span.EndColumn);
            json.WriteNumber("offset", d.Span.Start);
            json.WriteNumber("length", d.Span.Length);
            json.WriteString("id", d.Id);
            json.WriteString("severity", CheckReport.SeverityName(d.Severity));
            json.WriteString("message", d.Message);
            if (DigestRules.Find(d.Id) is { } rule)
            {
                json.WriteString("helpUri", rule.HelpLink);
            }

            if (d.Fix is { } fix)
            {
                json.WriteStartObject("fix");
                json.WriteNumber("offset", fix.Start);
                json.WriteNumber("length", fix.Length);
                json.WriteString("newText", fix.NewText);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("summary");
        json.WriteNumber("files", report.Files.Count);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteNumber("infos", report.Infos);
        json.WriteNumber("fixable", report.Fixable);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
