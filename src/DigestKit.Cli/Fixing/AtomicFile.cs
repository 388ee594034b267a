namespace DigestKit.Cli.Fixing;

/// <summary>
/// Replaces a file's content all at once: the bytes go to a temporary file in the same folder (same file
/// system, so the rename is atomic), which then replaces the target. A crash or a failed write leaves either
/// the old file or the new one, never half of one, and the temporary file is removed on failure.
/// </summary>
internal static class AtomicFile
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <param name="beforeCommit">Called with the temporary file's path just before it replaces the target
    /// (tests use it to fail at the worst moment).</param>
    public static void Write(string path, byte[] bytes, Action<string>? beforeCommit = null)
    {
        var directory = Path.GetDirectoryName(path) ?? throw new IOException($"'{path}' has no folder");
        var exists = File.Exists(path);
        RefuseReadOnly(path, directory, exists);

        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.digestkit-tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (exists && !OperatingSystem.IsWindows())
            {
                // The replacement keeps the original's permissions (the temporary file has the umask's).
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            beforeCommit?.Invoke(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// A file or folder marked read-only is not rewritten, even by a user the system would let do it (root in a
    /// CI container ignores permissions, and a rename replaces a read-only file in a writable folder anyway):
    /// someone marked it so on purpose.
    /// </summary>
    private static void RefuseReadOnly(string path, string directory, bool exists)
    {
        if (exists && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
        {
            throw new UnauthorizedAccessException($"'{path}' is read-only");
        }

        if (!OperatingSystem.IsWindows() && Directory.Exists(directory) && (File.GetUnixFileMode(directory) & AnyWrite) == 0)
        {
            throw new UnauthorizedAccessException($"the folder '{directory}' is read-only");
        }

        if (exists && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & AnyWrite) == 0)
        {
            throw new UnauthorizedAccessException($"'{path}' is read-only");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the original file is intact either way.
        }
    }
}
