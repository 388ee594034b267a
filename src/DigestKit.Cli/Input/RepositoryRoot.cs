namespace DigestKit.Cli.Input;

/// <summary>
/// The folder a report's locations are relative to: the nearest folder holding <c>.git</c> (a folder in a clone,
/// a file in a worktree or submodule), else the current directory. Code scanning resolves result paths against
/// the repository root, whatever folder <c>check</c> ran from.
/// </summary>
internal static class RepositoryRoot
{
    public static string Find(string startDirectory) => TryFind(startDirectory) ?? Path.GetFullPath(startDirectory);

    /// <summary>
    /// The nearest folder at or above <paramref name="startDirectory"/> (as a full path) that holds <c>.git</c>, or
    /// null outside a repository. Also where file discovery starts reading .gitignore files and .git/info/exclude.
    /// </summary>
    public static string? TryFind(string startDirectory)
    {
        for (var directory = Path.GetFullPath(startDirectory); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var git = Path.Combine(directory, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory;
            }
        }

        return null;
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
