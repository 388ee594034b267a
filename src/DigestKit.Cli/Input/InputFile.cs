namespace DigestKit.Cli.Input;

/// <summary>
/// One file to process. <see cref="DisplayPath"/> is what every report shows (and what the engine's diagnostics
/// carry): the argument as typed, or for files found in a folder, the folder argument joined with the file's
/// path below it, so output stays relative when the input was.
/// </summary>
internal sealed record InputFile(string DisplayPath, string FullPath)
{
    /// <summary>The bytes already read (the standard input for <c>-</c>); null to read <see cref="FullPath"/>.</summary>
    public byte[]? Content { get; init; }
}

/// <summary>A problem with the command line or the file system that stops the command (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The command line's files and folders as a list, for callers that only want the files.</summary>
internal static class InputFiles
{
    /// <summary>
    /// <see cref="FileDiscovery.Discover"/> with default options; its notes and errors go to
    /// <paramref name="warnings"/>. A missing path is a usage error.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IReadOnlyList<string> arguments, TextWriter? warnings = null)
    {
        var result = FileDiscovery.Discover(arguments);
        foreach (var line in result.Notes.Concat(result.Errors))
        {
            warnings?.WriteLine("digestkit: " + line);
        }

        return result.Files;
    }
}
