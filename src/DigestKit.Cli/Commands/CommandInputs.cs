using DigestKit.Cli.Input;

namespace DigestKit.Cli.Commands;

/// <summary>What <c>check</c> and <c>fix</c> do with their inputs beyond discovery: stdin, and an empty selection.</summary>
internal static class CommandInputs
{
    /// <summary>
    /// No file to check is a mistake (a wrong folder, a pattern that excludes everything), not a clean run: CI
    /// that checks nothing must not pass. The errors that emptied the list come first.
    /// </summary>
    public static int NothingToCheck(DiscoveryResult discovery, DiscoveryOptions options, TextWriter stderr)
    {
        foreach (var error in discovery.Errors)
        {
            stderr.WriteLine("digestkit: " + error);
        }

        var hint = options.NoIgnore ? "" : "; git-ignored files and node_modules are left out unless --no-ignore";
        hint += options.Excludes.Count == 0 ? "" : "; --exclude left out the rest";
        stderr.WriteLine($"digestkit: nothing to check: no digest file found (folders contribute *.md files{hint})");
        return ExitCodes.UsageOrIo;
    }

    /// <summary>The digest piped in for <c>-</c>: reported as &lt;stdin&gt; or as <c>--stdin-path</c>, and configured as that path.</summary>
    public static InputFile ReadStandardInput(string? stdinPath)
    {
        byte[] bytes;
        try
        {
            using var stdin = Console.OpenStandardInput();
            bytes = SourceFile.ReadCapped(stdin);
        }
        catch (IOException ex)
        {
            throw new UsageException("cannot read the standard input: " + ex.Message);
        }

        // Without a path, .editorconfig sections for *.md in the current folder apply, as to a digest there.
        var full = Path.GetFullPath(stdinPath ?? "stdin.md");
        return new InputFile(stdinPath ?? "<stdin>", full) { Content = bytes };
    }
}
