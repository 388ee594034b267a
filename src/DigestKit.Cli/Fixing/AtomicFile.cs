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
    /// Replaces an existing file that was read earlier, without losing what the caller did not mean to change:
    /// <list type="bullet">
    /// <item>A symbolic link is written through: its final target gets the bytes, the link stays a link.</item>
    /// <item>Just before the replacement the target is read again and compared with <paramref name="expectedSha256"/>
    /// (the hash of the bytes the fix was planned on); a file changed or deleted meanwhile throws
    /// <see cref="FileChangedException"/> and is left as it is: never overwritten, never re-created.</item>
    /// <item>A file with several names (hard links), or whose owner the process cannot give the new file, is written
    /// in place (same inode, so every name, the owner, the mode, ACLs and extended attributes stay), after the new
    /// bytes are in a temporary copy that was read back and verified, and that is kept if the in-place write fails.
    /// Any other file is replaced atomically by a rename, its mode and (as root) owner copied to the new file.</item>
    /// </list>
    /// </summary>
    /// <param name="beforeCommit">Called with the temporary file's path just before the target is re-read and
    /// replaced (tests use it to change the file or fail at the worst moment).</param>
    public static void Replace(string path, byte[] bytes, byte[] expectedSha256, Action<string>? beforeCommit = null)
    {
        var target = ResolveTarget(path);
        if (!File.Exists(target))
        {
            throw new FileChangedException("it was deleted after it was read; not re-created");
        }

        var directory = Path.GetDirectoryName(target) ?? throw new IOException($"'{target}' has no folder");
        RefuseReadOnly(target, directory, exists: true);
        var status = UnixFileStatus.TryGet(target);
        var inPlace = status is { LinkCount: > 1 };

        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.digestkit-tmp");
        var keepTemp = false;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!File.ReadAllBytes(temp).AsSpan().SequenceEqual(bytes))
            {
                throw new IOException($"the temporary copy '{temp}' did not read back as written");
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            if (status is { } original && UnixFileStatus.TryGet(temp) is { } created
                && (created.Uid != original.Uid || created.Gid != original.Gid)
                && !UnixFileStatus.TryChown(temp, original.Uid, original.Gid))
            {
                // The new file would change hands: writing in place keeps the owner instead.
                inPlace = true;
            }

            beforeCommit?.Invoke(temp);
            if (inPlace)
            {
                // Opened, never created: a file deleted meanwhile stays deleted.
                using var stream = OpenExisting(target);
                Verify(ReadAll(stream), expectedSha256);
                keepTemp = true;
                stream.Position = 0;
                stream.Write(bytes);
                stream.SetLength(bytes.Length);
                stream.Flush(flushToDisk: true);
                keepTemp = false;
            }
            else
            {
                byte[] current;
                try
                {
                    current = File.ReadAllBytes(target);
                }
                catch (FileNotFoundException)
                {
                    throw new FileChangedException("it was deleted after it was read; not re-created");
                }

                Verify(current, expectedSha256);
                File.Move(temp, target, overwrite: true);
            }
        }
        catch (Exception ex) when (keepTemp && ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{ex.Message}; the fixed content is kept in '{temp}'", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        TryDelete(temp);
    }

    /// <summary>The file a path finally designates, symbolic links (chains included) resolved.</summary>
    public static string ResolveTarget(string path)
    {
        var full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is null
            ? full
            : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }

    private static FileStream OpenExisting(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileChangedException("it was deleted after it was read; not re-created");
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Verify(byte[] current, byte[] expectedSha256)
    {
        if (!System.Security.Cryptography.SHA256.HashData(current).AsSpan().SequenceEqual(expectedSha256))
        {
            throw new FileChangedException("it changed after it was read; left as it is, run fix again");
        }
    }

    /// <summary>
    /// A file or folder marked read-only is not rewritten, even by a user the system would let do it (root in a
    /// CI container ignores permissions, and a rename replaces a read-only file in a writable folder anyway):
    /// someone marked it so on purpose.
    /// </summary>
    private static void RefuseReadOnly(string path, string directory, bool exists)
    {
        // On Unix .NET derives ReadOnly from the write bit that applies to the running user, so root sees another
        // user's 0644 file as read-only; "marked read-only" there is "no write bit at all", checked below.
        if (exists && OperatingSystem.IsWindows() && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
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

/// <summary>The file <c>fix</c> planned on is no longer the one on disk (edited or deleted meanwhile): nothing was written.</summary>
internal sealed class FileChangedException(string message) : IOException(message);
