namespace DigestKit.Cli.Input;

/// <summary>
/// One file to process. <see cref="DisplayPath"/> is what every report shows (and what the engine's diagnostics
/// carry): the argument as typed, or for files found in a folder, the folder argument joined with the file's
/// path below it, so output stays relative when the input was.
/// </summary>
internal sealed record InputFile(string DisplayPath, string FullPath);

/// <summary>A problem with the command line or the file system that stops the command (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Expands the command line's files and folders into the files to process.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Files are taken as given whatever their extension; folders contribute every <c>*.md</c> below them, in
    /// ordinal order of their path. A file named twice is processed once. A missing path is a usage error.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IReadOnlyList<string> arguments, TextWriter? warnings = null)
    {
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var result = new List<InputFile>();
        foreach (var argument in arguments)
        {
            string full;
            try
            {
                full = Path.GetFullPath(argument);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new UsageException($"'{argument}' is not a valid path: {ex.Message}");
            }

            if (File.Exists(full))
            {
                if (seen.Add(full))
                {
                    result.Add(new InputFile(argument, full));
                }
            }
            else if (Directory.Exists(full))
            {
                string[] found;
                try
                {
                    found = Directory.GetFiles(full, "*.md", new EnumerationOptions
                    {
                        RecurseSubdirectories = true,
                        IgnoreInaccessible = false,
                        MatchCasing = MatchCasing.CaseInsensitive,
                        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                    });
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot list the folder '{argument}': {ex.Message}");
                }

                if (found.Length == 0)
                {
                    // Not an error (an empty folder is valid), but a likely mistake worth a line.
                    warnings?.WriteLine($"digestkit: no *.md files in the folder '{argument}'");
                }

                var relative = found.Select(f => Path.GetRelativePath(full, f)).ToArray();
                Array.Sort(relative, StringComparer.Ordinal);
                foreach (var rel in relative)
                {
                    var fileFull = Path.Combine(full, rel);
                    if (seen.Add(fileFull))
                    {
                        result.Add(new InputFile(Path.Combine(argument, rel), fileFull));
                    }
                }
            }
            else
            {
                throw new UsageException($"'{argument}' does not exist (expected a digest file or a folder of *.md digests)");
            }
        }

        return result;
    }
}
