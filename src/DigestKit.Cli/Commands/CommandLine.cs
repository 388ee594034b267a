namespace DigestKit.Cli.Commands;

internal enum OutputFormat
{
    Human,
    MsBuild,
    Sarif,
    Json,
    GitHub,
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
    ColorMode Color)
{
    public Input.DiscoveryOptions Discovery { get; init; } = new();

    /// <summary>Errors only (and warnings with --warnaserror, since they fail the run).</summary>
    public bool Quiet { get; init; }

    /// <summary>The path the digest read from <c>-</c> is reported under (and configured as).</summary>
    public string? StdinPath { get; init; }
}

internal sealed record FixOptions(IReadOnlyList<string> Paths, bool DryRun)
{
    public Input.DiscoveryOptions Discovery { get; init; } = new();
}

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
          digestkit lsp                                   a language server (LSP 3.17, stdio) for editors
          digestkit --version
          digestkit --help

        'digestkit <command> --help' describes a command's options.

        Exit codes: 0 no error, 1 errors found (check; with --warnaserror, warnings too; fix --dry-run: repairs
                    pending), 2 usage or I/O problem (missing path, unreadable or unwritable file, unknown option).
        """;

    public const string CheckUsage =
        $"""
        Usage: digestkit check [options] <file-or-folder>...

        Validates digests with the same rules as the build (cross-file rules included). '-' reads one digest
        from the standard input.

        Options:
          --format <human|msbuild|sarif|json|github>
                                               output format (default: human); github: workflow commands
                                               that annotate a GitHub Actions run
          -o, --output <file>                  write the report to a file instead of the standard output
          --warnaserror                        exit with 1 when there is a warning, not only an error
          -q, --quiet                          report errors only (and warnings with --warnaserror); no notes
          --color, --no-color                  force colours on or off (default: on for a terminal; off when
                                               redirected or NO_COLOR is set; FORCE_COLOR=1 forces them on)
          --stdin-path <path>                  the path the digest read from '-' is reported and configured as
        {FilesHelp}
        Severities set in .editorconfig for the digests (digestkit_diagnostic.DKxxxx.severity, the category and
        bulk dotnet_analyzer_diagnostic keys) apply as in the build.

        Exit codes: 0 no error, 1 errors found (with --warnaserror, warnings too), 2 usage or I/O problem
                    (also when nothing is left to check).
        """;

    private const string FilesHelp =
        """

        Choosing files:
          -x, --exclude <pattern>              leave out files matching a gitignore-style pattern, relative to the
                                               current folder (repeatable): --exclude README.md --exclude 'drafts/'
          --no-ignore                          also read git-ignored files and node_modules folders

        Folders contribute every *.md file below them, except dot-entries, node_modules and what .gitignore
        files (and .git/info/exclude) ignore; links to folders are not followed. Files are taken whatever
        their extension. Quoted globs ('content/**/*.md') are expanded. Only regular files are read: FIFOs,
        sockets and devices in folders are skipped, and one named explicitly is an error, as is a file over
        64 MB.

        """;

    public const string FixUsage =
        $"""
        Usage: digestkit fix [options] <file-or-folder>...

        Applies every safe repair in place (mis-encoded text, then paper renumbering). A repair is kept only if
        it brings no new diagnostic (a second run changes nothing); files are replaced atomically, keeping encoding and line endings.

        Options:
          -n, --dry-run                        print a unified diff of the repairs (a/ and b/ paths relative to
                                               the current folder, for 'git apply') and change nothing
        {FilesHelp}
        Exit codes: 0 done (with --dry-run: nothing to repair), 1 with --dry-run: repairs pending,
                    2 usage or I/O problem (a file could not be read or written, or nothing to check).
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
        var quiet = false;
        string? stdinPath = null;
        var discovery = new DiscoveryParser();
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
            if (discovery.TryParse(args, ref i, name, inline))
            {
                continue;
            }

            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "--quiet":
                case "-q":
                    NoValue(name, inline);
                    quiet = true;
                    break;
                case "--stdin-path":
                    stdinPath = Value(args, ref i, name, inline);
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

        if (paths.Count(p => p == "-") > 1)
        {
            throw new Input.UsageException("'-' (the standard input) can be named only once");
        }

        if (stdinPath is not null && !paths.Contains("-"))
        {
            throw new Input.UsageException("'--stdin-path' names the digest read from '-', and no '-' was given");
        }

        return new CheckOptions(paths, format, output, warnAsError, color) { Discovery = discovery.Options, Quiet = quiet, StdinPath = stdinPath };
    }

    public static FixOptions ParseFix(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var dryRun = false;
        var discovery = new DiscoveryParser();
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !IsOption(arg))
            {
                if (arg == "-")
                {
                    throw new Input.UsageException("'fix' rewrites files in place and cannot read the standard input: name the file");
                }

                paths.Add(arg);
                continue;
            }

            var (name, inline) = Split(arg);
            if (discovery.TryParse(args, ref i, name, inline))
            {
                continue;
            }

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

        return new FixOptions(paths, dryRun) { Discovery = discovery.Options };
    }

    /// <summary>The file-selection options <c>check</c> and <c>fix</c> share.</summary>
    private sealed class DiscoveryParser
    {
        private readonly List<string> _excludes = [];
        private bool _noIgnore;

        public Input.DiscoveryOptions Options => new() { Excludes = _excludes, NoIgnore = _noIgnore };

        public bool TryParse(IReadOnlyList<string> args, ref int i, string name, string? inline)
        {
            switch (name)
            {
                case "--exclude":
                case "-x":
                    _excludes.Add(Value(args, ref i, name, inline));
                    return true;
                case "--no-ignore":
                    NoValue(name, inline);
                    _noIgnore = true;
                    return true;
                default:
                    return false;
            }
        }
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
        "github" => OutputFormat.GitHub,
        _ => throw new Input.UsageException($"unknown format '{value}': expected human, msbuild, sarif, json or github"),
    };

    private static ColorMode ParseColor(string value) => value.ToLowerInvariant() switch
    {
        "auto" => ColorMode.Auto,
        "always" => ColorMode.Always,
        "never" => ColorMode.Never,
        _ => throw new Input.UsageException($"unknown colour mode '{value}': expected auto, always or never"),
    };
}
