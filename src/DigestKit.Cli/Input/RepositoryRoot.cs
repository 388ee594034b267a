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

    /// <summary>
    /// <paramref name="path"/> (absolute, or relative to <paramref name="workingDirectory"/>) relative to
    /// <paramref name="root"/> with '/' separators, or null when it lies outside the root.
    /// </summary>
    public static string? RelativePath(string root, string workingDirectory, string path)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        var relative = Path.GetRelativePath(root, full);
        if (Path.IsPathRooted(relative) || relative == ".."
            || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
