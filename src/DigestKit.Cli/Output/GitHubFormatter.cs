using System.Globalization;
using System.Text;
using DigestKit.Cli.Input;
using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// <c>--format github</c>: one GitHub Actions workflow command per diagnostic
/// (<c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=DKxxxx::message</c>; warnings are <c>::warning</c>,
/// infos <c>::notice</c>), which the runner turns into annotations on the pull request, then the summary line.
/// Paths are relative to the repository root, as the runner resolves them. Values are escaped as the runner
/// unescapes them, so a digest's text can neither break the line nor start a command of its own.
/// </summary>
internal static class GitHubFormatter
{
    public static void Write(TextWriter writer, CheckReport report, string rootDirectory, string workingDirectory)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = new StringBuilder(256);
        foreach (var d in report.Diagnostics)
        {
            line.Clear().Append("::").Append(Command(d.Severity)).Append(' ');
            if (d.Path.Length > 0)
            {
                if (!paths.TryGetValue(d.Path, out var file))
                {
                    file = RepositoryRoot.RelativePath(rootDirectory, workingDirectory, d.Path) ?? Path.GetFullPath(d.Path, workingDirectory);
                    paths.Add(d.Path, file);
                }

                line.Append("file=").Append(EscapeProperty(file));
                line.Append(CultureInfo.InvariantCulture, $",line={d.Span.Line}");

                // The runner rejects columns on an annotation that spans several lines.
                if (d.Span.EndLine == d.Span.Line)
                {
                    line.Append(CultureInfo.InvariantCulture, $",col={d.Span.Column}");
                }

                line.Append(CultureInfo.InvariantCulture, $",endLine={d.Span.EndLine}");
                if (d.Span.EndLine == d.Span.Line)
                {
                    line.Append(CultureInfo.InvariantCulture, $",endColumn={d.Span.EndColumn}");
                }

                line.Append(',');
            }

            line.Append("title=").Append(EscapeProperty(d.Id)).Append("::").Append(EscapeData(d.Message)).Append('\n');
            writer.Write(line);
        }

        writer.Write(report.SummaryLine() + "\n");
    }

    public static string Command(DigestSeverity severity) => severity switch
    {
        DigestSeverity.Error => "error",
        DigestSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>A command's message: '%', CR and LF as %25, %0D and %0A; other invisible characters made visible.</summary>
    public static string EscapeData(string text) => Escape(text, property: false);

    /// <summary>A command's property value: as <see cref="EscapeData"/>, and ':' and ',' (the separators) as %3A and %2C.</summary>
    public static string EscapeProperty(string text) => Escape(text, property: true);

    private static string Escape(string text, bool property)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '%': builder.Append("%25"); break;
                case '\r': builder.Append("%0D"); break;
                case '\n': builder.Append("%0A"); break;
                case ':' when property: builder.Append("%3A"); break;
                case ',' when property: builder.Append("%2C"); break;
                default:
                    // A log line holding U+202E would read backwards from there on: shown as <U+202E>, as on a terminal.
                    if (rune.Value != '\t' && DisplayText.IsHidden(rune))
                    {
                        builder.Append(DisplayText.Visible(rune));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
