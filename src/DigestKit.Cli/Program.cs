using DigestKit.Cli;
using DigestKit.Cli.Commands;
using DigestKit.Cli.Input;

// digestkit check|fix|rules|explain ... — see CommandLine.Usage. Exit codes: 0 clean, 1 errors found, 2 usage or I/O problem.
if (args is ["--version"] or ["version"])
{
    // Before anything else (the command line's tables, the console's writers, the engine): one write of a few bytes.
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(System.Text.Encoding.UTF8.GetBytes($"digestkit {ToolInfo.Version}\n"));
    return ExitCodes.Success;
}

var stderr = Console.Error;
try
{
    if (args.Length == 0)
    {
        stderr.WriteLine("digestkit: missing command (see 'digestkit --help')");
        return ExitCodes.UsageOrIo;
    }

    var command = args[0];
    var rest = args.AsSpan(1).ToArray();
    if (CommandLine.IsHelp(command))
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return ExitCodes.Success;
    }

    if (CommandLine.CommandUsage(command) is { } commandUsage && CommandLine.WantsHelp(rest))
    {
        Console.Out.WriteLine(commandUsage);
        return ExitCodes.Success;
    }

    switch (command)
    {
        case "--version":
        case "version":
            Console.Out.WriteLine($"digestkit {ToolInfo.Version}");
            return ExitCodes.Success;
        case "lsp":
            return DigestKit.Cli.Lsp.LanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error).GetAwaiter().GetResult();
        case "check":
            return CheckCommand.Run(CommandLine.ParseCheck(rest), stderr);
        case "fix":
            using (var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                var error = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
                return FixCommand.Run(CommandLine.ParseFix(rest), stdout, error);
            }

        case "rules":
            using (var stdout = Console.OpenStandardOutput())
            {
                return RulesCommand.Run(CommandLine.ParseRules(rest), stdout);
            }

        case "explain":
            return ExplainCommand.Run(CommandLine.ParseExplain(rest), Console.Out);

        default:
            stderr.WriteLine($"digestkit: unknown command '{command}': expected check, fix, rules or explain (see 'digestkit --help')");
            return ExitCodes.UsageOrIo;
    }
}
catch (UsageException ex)
{
    stderr.WriteLine("digestkit: " + ex.Message);
    return ExitCodes.UsageOrIo;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    stderr.WriteLine("digestkit: " + ex.Message);
    return ExitCodes.UsageOrIo;
}
catch (Exception ex)
{
    // A bug, not a user mistake: one line by default, the whole trace when asked for (for a bug report).
    stderr.WriteLine($"digestkit: unexpected error: {ex.GetType().Name}: {ex.Message}" +
        (Environment.GetEnvironmentVariable("DIGESTKIT_DEBUG") == "1" ? Environment.NewLine + ex : " (set DIGESTKIT_DEBUG=1 for details)"));
    return ExitCodes.UsageOrIo;
}
