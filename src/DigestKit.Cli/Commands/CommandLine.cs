namespace DigestKit.Cli.Commands;

internal enum OutputFormat
{
    Human,
    MsBuild,
    Sarif,
    Json,
}

internal enum ColorMode
{
    Auto,
    Always,
    Never,
}

internal sealed record CheckOptions(
    IReadOnlyList<string> Paths,
    OutputFormat Format,
    string? OutputPath,
    bool WarningsAsErrors,
    ColorMode Color);

internal sealed record FixOptions(IReadOnlyList<string> Paths, bool DryRun);

/// <summary>
/// The command line, parsed by hand: two commands and a handful of options do not justify a parsing library's
/// start-up cost. Options may come before or after the paths; <c>--</c> ends options; <c>--name=value</c> and
/// <c>--name value</c> are both accepted.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        """
        Usage:
          digestkit check [options] <file-or-folder>...
          digestkit fix [--dry-run] <file-or-folder>...
          digestkit lsp                        a language server (LSP 3.17, stdio) for editors: see README
          digestkit --version
          digestkit --help

        Folders contribute every *.md file below them; files are taken whatever their extension.

        check: validates digests with the same rules as the build (cross-file rules included).
          --format <human|msbuild|sarif|json>  output format (default: human)
          -o, --output <file>                  write the report to a file instead of the standard output
          --warnaserror                        exit with 1 when there is a warning, not only an error
          --color, --no-color                  force colours on or off (default: on for a terminal, off when
                                               NO_COLOR is set or the output is redirected)

          Severities set in .editorconfig for the digests (digestkit_diagnostic.DKxxxx.severity, the category and
          bulk dotnet_analyzer_diagnostic keys) apply as in the build.

        fix: applies every safe repair in place (mis-encoded text, then paper renumbering). A repair is kept only
        if the file then has fewer diagnostics; files are replaced atomically, keeping encoding and line endings.
          --dry-run                            print a unified diff of the repairs and change nothing

        Exit codes: 0 no error, 1 errors found (check; with --warnaserror, warnings too),
                    2 usage or I/O problem (missing path, unreadable or unwritable file, unknown option).
        """;

    public static CheckOptions ParseCheck(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var format = OutputFormat.Human;
        string? output = null;
        var warnAsError = false;
        var color = ColorMode.Auto;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !IsOption(arg))
            {
                paths.Add(arg);
                continue;
            }

            var (name, inline) = Split(arg);
            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "--format":
                case "-f":
                    format = ParseFormat(Value(args, ref i, name, inline));
                    break;
                case "--output":
                case "-o":
                    output = Value(args, ref i, name, inline);
                    break;
                case "--warnaserror":
                case "--warn-as-error":
                    NoValue(name, inline);
                    warnAsError = true;
                    break;
                case "--color":
                    color = inline is null ? ColorMode.Always : ParseColor(inline);
                    break;
                case "--no-color":
                    NoValue(name, inline);
                    color = ColorMode.Never;
                    break;
                default:
                    throw new Input.UsageException($"unknown option '{arg}' for 'check' (see 'digestkit --help')");
            }
        }

        if (paths.Count == 0)
        {
            throw new Input.UsageException("'check' needs at least one file or folder (see 'digestkit --help')");
        }

        return new CheckOptions(paths, format, output, warnAsError, color);
    }

    public static FixOptions ParseFix(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var dryRun = false;
        var optionsEnded = false;
        foreach (var arg in args)
        {
            if (optionsEnded || !IsOption(arg))
            {
                paths.Add(arg);
                continue;
            }

            var (name, inline) = Split(arg);
            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "--dry-run":
                case "-n":
                    NoValue(name, inline);
                    dryRun = true;
                    break;
                default:
                    throw new Input.UsageException($"unknown option '{arg}' for 'fix' (see 'digestkit --help')");
            }
        }

        if (paths.Count == 0)
        {
            throw new Input.UsageException("'fix' needs at least one file or folder (see 'digestkit --help')");
        }

        return new FixOptions(paths, dryRun);
    }

    public static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?" or "/?";

    private static bool IsOption(string arg) => arg.Length > 1 && arg[0] == '-';

    private static (string Name, string? Inline) Split(string arg)
    {
        var eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name, string? inline)
    {
        if (inline is not null)
        {
            return inline;
        }

        if (i + 1 >= args.Count)
        {
            throw new Input.UsageException($"option '{name}' needs a value");
        }

        return args[++i];
    }

    private static void NoValue(string name, string? inline)
    {
        if (inline is not null)
        {
            throw new Input.UsageException($"option '{name}' takes no value");
        }
    }

    private static OutputFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "human" or "text" => OutputFormat.Human,
        "msbuild" => OutputFormat.MsBuild,
        "sarif" => OutputFormat.Sarif,
        "json" => OutputFormat.Json,
        _ => throw new Input.UsageException($"unknown format '{value}': expected human, msbuild, sarif or json"),
    };

    private static ColorMode ParseColor(string value) => value.ToLowerInvariant() switch
    {
        "auto" => ColorMode.Auto,
        "always" => ColorMode.Always,
        "never" => ColorMode.Never,
        _ => throw new Input.UsageException($"unknown colour mode '{value}': expected auto, always or never"),
    };
}
