using System.Runtime.InteropServices;

namespace DigestKit.Cli.Input;

internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>
/// What a path is, without opening it: opening a FIFO blocks until a writer comes, and reading a device such as
/// /dev/zero never ends. .NET reports FIFOs, sockets and devices as plain files (FileAttributes.Normal), so on
/// Unix this asks stat(2) through the runtime's own native shim (libSystem.Native, shipped with every .NET
/// runtime), whose file-status record starts with the flags and then the raw st_mode on every Unix it supports.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;

    // Larger than the runtime's file-status record on any version: only the mode at offset 4 is read.
    private const int StatusBufferSize = 256;

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/>, of what a link points to.</summary>
    public static FileKind Of(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
        {
            return OfManaged(path, followLinks);
        }

        var buffer = new byte[StatusBufferSize];
        int result;
        try
        {
            result = followLinks ? Stat(path, buffer) : LStat(path, buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return OfManaged(path, followLinks);
        }

        if (result != 0)
        {
            return FileKind.Missing;
        }

        return (BitConverter.ToInt32(buffer, 4) & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Other,
        };
    }

    private static FileKind OfManaged(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (!info.Exists)
        {
            return FileKind.Missing;
        }

        return info is DirectoryInfo ? FileKind.Directory : FileKind.Regular;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
