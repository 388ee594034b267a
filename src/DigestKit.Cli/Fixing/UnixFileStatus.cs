using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace DigestKit.Cli.Fixing;

/// <summary>What <c>fix</c> must keep about a file it rewrites: which file it is, how many names it has, its owner.</summary>
internal readonly record struct FileStatus(ulong Device, ulong Inode, uint LinkCount, uint Uid, uint Gid);

/// <summary>
/// The file facts .NET does not expose (link count, owner, inode) and <c>chown</c>, from libc on Linux. statx(2) is
/// used rather than stat(2) because its record has the same layout on every architecture (stat's differs between
/// x86-64 and arm64). Elsewhere (macOS, Windows, an old libc) <see cref="TryGet"/> returns null and callers keep
/// their portable behaviour.
/// </summary>
internal static class UnixFileStatus
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7FF;
    private const int StatxSize = 256;

    /// <summary>The status of <paramref name="path"/> (links followed), or null when it cannot be asked.</summary>
    public static FileStatus? TryGet(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        var span = buffer.AsSpan();
        var nlink = BinaryPrimitives.ReadUInt32LittleEndian(span[16..]);
        var uid = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
        var gid = BinaryPrimitives.ReadUInt32LittleEndian(span[24..]);
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        var devMajor = BinaryPrimitives.ReadUInt32LittleEndian(span[136..]);
        var devMinor = BinaryPrimitives.ReadUInt32LittleEndian(span[140..]);
        if (!BitConverter.IsLittleEndian)
        {
            // The record is in host order; no big-endian Linux runs .NET today, so rather report nothing than garbage.
            return null;
        }

        return new FileStatus(((ulong)devMajor << 32) | devMinor, inode, nlink, uid, gid);
    }

    /// <summary>Gives <paramref name="path"/> an owner and group; false when the system refuses (not root).</summary>
    public static bool TryChown(string path, uint uid, uint gid)
    {
        try
        {
            return Chown(path, uid, gid) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint uid, uint gid);
}
