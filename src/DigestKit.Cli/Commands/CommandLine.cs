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
          digestkit check [options] <file-or-folder>...   check digests with the same rules as the build
          digestkit fix [--dry-run] <file-or-folder>...   apply the safe repairs in place
          digestkit rules [--format text|json]            list every rule
          digestkit explain <DKxxxx>                      print a rule's documentation page
          digestkit --version
          digestkit --help

        'digestkit <command> --help' describes a command's options.

        Exit codes: 0 no error, 1 errors found (check; with --warnaserror, warnings too; fix --dry-run: repairs
                    pending), 2 usage or I/O problem (missing path, unreadable or unwritable file, unknown option).
        """;

    public const string CheckUsage =
        """
        Usage: digestkit check [options] <file-or-folder>...

        Validates digests with the same rules as the build (cross-file rules included).
        Folders contribute every *.md file below them; files are taken whatever their extension.

        Options:
          --format <human|msbuild|sarif|json>  output format (default: human)
          -o, --output <file>                  write the report to a file instead of the standard output
          --warnaserror                        exit with 1 when there is a warning, not only an error
          --color, --no-color                  force colours on or off (default: on for a terminal, off when
                                               NO_COLOR is set or the output is redirected)

        Severities set in .editorconfig for the digests (digestkit_diagnostic.DKxxxx.severity, the category and
        bulk dotnet_analyzer_diagnostic keys) apply as in the build.

        Exit codes: 0 no error, 1 errors found (with --warnaserror, warnings too), 2 usage or I/O problem.
        """;

    public const string FixUsage =
        """
        Usage: digestkit fix [options] <file-or-folder>...

        Applies every safe repair in place (mis-encoded text, then paper renumbering). A repair is kept only if
        the file then has fewer diagnostics; files are replaced atomically, keeping encoding and line endings.

        Options:
          -n, --dry-run                        print a unified diff of the repairs and change nothing

        Exit codes: 0 done, 2 usage or I/O problem (a file could not be read or written).
        """;

    public const string RulesUsage =
        """
        Usage: digestkit rules [--format text|json]

        Lists every rule: its ID, default severity, category and title.

        Options:
          --format <text|json>                 output format (default: text)
        """;

    public const string ExplainUsage =
        """
        Usage: digestkit explain <DKxxxx>

        Prints a rule's documentation page (Markdown): what it means, an example, how to fix it and how to
        configure its severity. 'digestkit rules' lists the IDs.

        Exit codes: 0 printed, 2 unknown rule.
        """;

    /// <summary>A command's own help text, or null for a command that has none here.</summary>
    public static string? CommandUsage(string command) => command switch
    {
        "check" => CheckUsage,
        "fix" => FixUsage,
        "rules" => RulesUsage,
        "explain" => ExplainUsage,
        _ => null,
    };

    /// <summary>True when a help option comes before any <c>--</c> (after it, <c>-h</c> is a file name).</summary>
    public static bool WantsHelp(IReadOnlyList<string> args)
    {
        foreach (var arg in args)
        {
            if (arg == "--")
            {
                return false;
            }

            if (IsHelp(arg))
            {
                return true;
            }
        }

        return false;
    }

    public static RulesFormat ParseRules(IReadOnlyList<string> args)
    {
        var format = RulesFormat.Text;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            switch (name)
            {
                case "--format":
                case "-f":
                    var value = Value(args, ref i, name, inline);
                    format = value.ToLowerInvariant() switch
                    {
                        "text" or "human" => RulesFormat.Text,
                        "json" => RulesFormat.Json,
                        _ => throw new Input.UsageException($"unknown format '{value}' for 'rules': expected text or json"),
                    };
                    break;
                default:
                    throw new Input.UsageException(IsOption(args[i])
                        ? $"unknown option '{args[i]}' for 'rules' (see 'digestkit rules --help')"
                        : $"'rules' takes no argument, got '{args[i]}' (see 'digestkit explain {args[i]}' for one rule)");
            }
        }

        return format;
    }

    public static string ParseExplain(IReadOnlyList<string> args)
    {
        var ids = new List<string>();
        var optionsEnded = false;
        foreach (var arg in args)
        {
            if (!optionsEnded && arg == "--")
            {
                optionsEnded = true;
            }
            else if (!optionsEnded && IsOption(arg))
            {
                throw new Input.UsageException($"unknown option '{arg}' for 'explain' (see 'digestkit explain --help')");
            }
            else
            {
                ids.Add(arg);
            }
        }

        return ids.Count == 1
            ? ids[0]
            : throw new Input.UsageException("'explain' needs exactly one rule ID, like 'digestkit explain DK1001'");
    }

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
