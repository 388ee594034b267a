namespace HotPapers;

/// <summary>A usage error: printed with the usage text, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The parsed command line: a command, its positional arguments, and its options.</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> Flags = ["--json", "--help", "-h"];
    private static readonly HashSet<string> ValueOptions = ["--count", "--author", "--title", "--category", "--since", "--until", "--sort"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public string? Command { get; private set; }

    public List<string> Positionals { get; } = [];

    public bool Json => _flags.Contains("--json");

    public bool Help => _flags.Contains("--help") || _flags.Contains("-h") || Command == "help";

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg))
            {
                line._flags.Add(arg);
            }
            else if (ValueOptions.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"option {arg} needs a value");
                }

                line._values[arg] = args[++i];
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                throw new UsageException($"unknown option '{arg}'");
            }
            else if (line.Command is null)
            {
                line.Command = arg;
            }
            else
            {
                line.Positionals.Add(arg);
            }
        }

        return line;
    }

    public string? Value(string option) => _values.TryGetValue(option, out var value) ? value : null;

    /// <summary>Rejects options the command does not take, so a typo never silently does something else.</summary>
    public void Allow(params string[] options)
    {
        foreach (var option in _values.Keys)
        {
            if (Array.IndexOf(options, option) < 0)
            {
                throw new UsageException($"'{Command}' does not take {option}");
            }
        }
    }

    public void ExpectPositionals(int count, string what)
    {
        if (Positionals.Count < count)
        {
            throw new UsageException($"'{Command}' needs {what}");
        }

        if (Positionals.Count > count)
        {
            throw new UsageException($"unexpected argument '{Positionals[count]}'");
        }
    }
}
