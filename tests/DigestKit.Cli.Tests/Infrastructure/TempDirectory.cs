namespace DigestKit.Cli.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, removed (permissions restored first) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "digestkit-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies a file in (writable, whatever the source's permissions) and returns the copy's path.</summary>
    public string CopyIn(string source, string? name = null)
    {
        var target = Combine(name ?? System.IO.Path.GetFileName(source));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, File.ReadAllBytes(source));
        return target;
    }

    public string Write(string name, byte[] bytes)
    {
        var target = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return target;
    }

    /// <summary>Files in the folder whose name marks them as an atomic write's leftover.</summary>
    public string[] TempLeftovers() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".digestkit-tmp", StringComparison.Ordinal)).ToArray();

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Links are not descended into: a test's link loop (ln -s . self) would never end.
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
                foreach (var entry in Directory.EnumerateFileSystemEntries(Path, "*", options).Prepend(Path))
                {
                    // Symbolic links (a dangling one in a test) have no mode of their own to restore.
                    if (new FileInfo(entry).LinkTarget is null)
                    {
                        File.SetUnixFileMode(entry, Directory.Exists(entry)
                            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
