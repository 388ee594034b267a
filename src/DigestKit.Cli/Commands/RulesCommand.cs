using System.Text;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Commands;

internal enum RulesFormat
{
    Text,
    Json,
}

/// <summary>
/// <c>digestkit rules</c>: the catalogue as a table (one rule per line, so it greps) or as JSON for tools.
/// Severities are the defaults; .editorconfig can change them per project.
/// </summary>
internal static class RulesCommand
{
    public static int Run(RulesFormat format, Stream stdout)
    {
        if (format == RulesFormat.Json)
        {
            WriteJson(stdout, DigestRules.All);
        }
        else
        {
            using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            WriteText(writer, DigestRules.All);
        }

        stdout.Flush();
        return ExitCodes.Success;
    }

    public static void WriteText(TextWriter writer, IReadOnlyList<DigestRule> rules)
    {
        string[] header = ["ID", "Severity", "Category", "Title"];
        var rows = rules.Select(r => new[] { r.Id, CheckReport.SeverityName(r.DefaultSeverity), r.Category, r.Title }).ToList();
        var widths = new int[header.Length - 1];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = rows.Select(r => r[c].Length).Append(header[c].Length).Max();
        }

        foreach (var row in rows.Prepend(header))
        {
            var line = new StringBuilder();
            for (var c = 0; c < widths.Length; c++)
            {
                line.Append(row[c].PadRight(widths[c] + 2));
            }

            line.Append(row[^1]);
            writer.WriteLine(line.ToString());
        }
    }

    public static void WriteJson(Stream stream, IReadOnlyList<DigestRule> rules)
    {
        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("version", JsonFormatter.FormatVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("defaultSeverity", CheckReport.SeverityName(rule.DefaultSeverity));
            json.WriteString("category", rule.Category);
            json.WriteString("title", rule.Title);
            json.WriteString("messageFormat", rule.MessageFormat);
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
