namespace DigestKit.Cli.Input;

/// <summary>
/// The folder a report's locations are relative to: the nearest folder holding <c>.git</c> (a folder in a clone,
/// a file in a worktree or submodule), else the current directory. Code scanning resolves result paths against
/// the repository root, whatever folder <c>check</c> ran from.
/// </summary>
internal static class RepositoryRoot
{
    public static string Find(string startDirectory)
    {
        var start = Path.GetFullPath(startDirectory);
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var git = Path.Combine(directory, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory;
            }
        }

        return start;
    }
}
