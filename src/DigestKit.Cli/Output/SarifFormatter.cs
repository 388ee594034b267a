using System.Text;
using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0, the format GitHub code scanning and the SARIF viewers read. One run; the
/// driver lists every DigestKit rule (so <c>ruleIndex</c> is stable across runs); columns are UTF-16 code units,
/// as the engine counts them. Relative paths stay relative URIs (code scanning resolves them against the
/// repository root); absolute paths become <c>file://</c> URIs.
/// </summary>
internal static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream stream, CheckReport report)
    {
        var rules = DigestRules.All;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var artifactIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Files.Count; i++)
        {
            artifactIndex.TryAdd(report.Files[i], i);
        }

        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("messageStrings");
            json.WriteStartObject("default");
            json.WriteString("text", rule.MessageFormat);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("artifacts");
        foreach (var file in report.Files)
        {
            json.WriteStartObject();
            json.WriteStartObject("location");
            json.WriteString("uri", ToUri(file));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteString("columnKind", "utf16CodeUnits");

        json.WriteStartArray("results");
        foreach (var d in report.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", d.Id);
            if (ruleIndex.TryGetValue(d.Id, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", Level(d.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", d.Message);
            json.WriteEndObject();
            if (d.Path.Length > 0)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", ToUri(d.Path));
                if (artifactIndex.TryGetValue(d.Path, out var artifact))
                {
                    json.WriteNumber("index", artifact);
                }

                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", d.Span.Line);
                json.WriteNumber("startColumn", d.Span.Column);
                json.WriteNumber("endLine", d.Span.EndLine);
                json.WriteNumber("endColumn", d.Span.EndColumn);
                json.WriteNumber("charOffset", d.Span.Start);
                json.WriteNumber("charLength", d.Span.Length);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();

                if (d.Fix is { } fix)
                {
                    WriteFix(json, d.Path, fix);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    public static string Level(DigestSeverity severity) => severity switch
    {
        DigestSeverity.Error => "error",
        DigestSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative path as a relative URI reference (segments escaped, '/' separators); an absolute one as file://.</summary>
    public static string ToUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        var builder = new StringBuilder();
        var segments = path.Split(Path.DirectorySeparatorChar == '/' ? ['/'] : ['/', Path.DirectorySeparatorChar]);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }

    private static void WriteFix(System.Text.Json.Utf8JsonWriter json, string path, TextEdit fix)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(path));
        json.WriteEndObject();
        json.WriteStartArray("replacements");
        json.WriteStartObject();
        json.WriteStartObject("deletedRegion");
        json.WriteNumber("charOffset", fix.Start);
        json.WriteNumber("charLength", fix.Length);
        json.WriteEndObject();
        json.WriteStartObject("insertedContent");
        json.WriteString("text", fix.NewText);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
