using System.Buffers;
using System.Text;

namespace DigestKit.Cli.Input;

/// <summary>
/// How a digest's bytes become the text the engine sees, and back. The engine's spans are offsets into the
/// decoded text (BOM excluded), so a fix can only be written back byte for byte if the same encoding and the
/// same preamble are used again.
/// </summary>
internal sealed class SourceEncoding
{
    public static readonly SourceEncoding Utf8 = new("UTF-8", [], new UTF8Encoding(false, true));
    public static readonly SourceEncoding Utf8Bom = new("UTF-8 with BOM", [0xEF, 0xBB, 0xBF], new UTF8Encoding(false, true));
    public static readonly SourceEncoding Utf16LE = new("UTF-16 LE", [0xFF, 0xFE], new UnicodeEncoding(false, false, true));
    public static readonly SourceEncoding Utf16BE = new("UTF-16 BE", [0xFE, 0xFF], new UnicodeEncoding(true, false, true));

    private SourceEncoding(string name, byte[] preamble, Encoding strict)
    {
        Name = name;
        Preamble = preamble;
        Strict = strict;
        Lenient = (Encoding)strict.Clone();
        Lenient.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
    }

    public string Name { get; }

    /// <summary>The byte-order mark the file starts with (empty for UTF-8 without BOM).</summary>
    public byte[] Preamble { get; }

    /// <summary>Throws on bytes that are not valid in this encoding: used when a file is to be rewritten.</summary>
    public Encoding Strict { get; }

    /// <summary>Replaces invalid bytes by U+FFFD (which the engine reports): used to check.</summary>
    public Encoding Lenient { get; }

    public static SourceEncoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom.Preamble)) return Utf8Bom;
        if (bytes.StartsWith(Utf16LE.Preamble)) return Utf16LE;
        if (bytes.StartsWith(Utf16BE.Preamble)) return Utf16BE;
        return Utf8;
    }

    public byte[] Encode(string text)
    {
        var bytes = new byte[Preamble.Length + Strict.GetByteCount(text)];
        Preamble.CopyTo(bytes, 0);
        Strict.GetBytes(text, 0, text.Length, bytes, Preamble.Length);
        return bytes;
    }

    public override string ToString() => Name;
}

/// <summary>A digest read from disk: its path as shown to the user, its text and how it was encoded.</summary>
internal sealed record SourceFile(string DisplayPath, string FullPath, string Text, SourceEncoding Encoding, bool IsValidEncoding)
{
    /// <summary>Larger files are refused: no digest comes near it, and the whole text is held in memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads and decodes a file; invalid bytes become U+FFFD and <see cref="IsValidEncoding"/> is false.</summary>
    public static SourceFile Read(InputFile file)
    {
        using var bytes = ReadRented(file);
        return Decode(file, bytes.Span);
    }

    /// <summary>The file's bytes in an array of their own (<see cref="InputFile.Content"/> when it has some).</summary>
    public static byte[] ReadBytes(InputFile file)
    {
        if (file.Content is { } content)
        {
            return content;
        }

        using var bytes = ReadRented(file);
        return bytes.Span.ToArray();
    }

    /// <summary>
    /// The file's bytes (<see cref="InputFile.Content"/>, else at most <see cref="MaxBytes"/> of the file, whatever
    /// length it claims) in an array rented from <see cref="ArrayPool{T}.Shared"/> and given back on dispose: check
    /// reads each file once to analyze it and once more for excerpts, and keeps none of the bytes.
    /// </summary>
    public static RentedBytes ReadRented(InputFile file)
    {
        if (file.Content is { } content)
        {
            return new RentedBytes(content, content.Length, rented: false);
        }

        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > MaxBytes)
        {
            throw new FileTooLargeException(length);
        }

        // One byte more than the file's length, to tell a file that grew since it was opened.
        var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        var filled = 0;
        int got;
        while (filled < buffer.Length && (got = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += got;
        }

        if (filled <= length)
        {
            return new RentedBytes(buffer, filled, rented: true);
        }

        ArrayPool<byte>.Shared.Return(buffer);
        stream.Position = 0;
        var all = ReadCapped(stream);
        return new RentedBytes(all, all.Length, rented: false);
    }

    /// <summary>A stream's bytes, at most <see cref="MaxBytes"/> (a seekable one claiming more is refused unread).</summary>
    public static byte[] ReadCapped(Stream stream)
    {
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw new FileTooLargeException(stream.Length);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new FileTooLargeException(null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static SourceFile Decode(InputFile file, ReadOnlySpan<byte> bytes)
    {
        var encoding = SourceEncoding.Detect(bytes);
        var body = bytes[encoding.Preamble.Length..];
        string text;
        var valid = true;
        try
        {
            text = encoding.Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            text = encoding.Lenient.GetString(body);
            valid = false;
        }

        return new SourceFile(file.DisplayPath, file.FullPath, text, encoding, valid);
    }
}

/// <summary>A file over <see cref="SourceFile.MaxBytes"/>: an I/O problem like an unreadable file (exit code 2).</summary>
internal sealed class FileTooLargeException(long? length) : IOException(Describe(length))
{
    private static string Describe(long? length) =>
        FormattableString.Invariant($"it is larger than {SourceFile.MaxBytes / (1024 * 1024)} MB, the limit for a digest")
        + (length is { } n ? FormattableString.Invariant($" ({n / (1024.0 * 1024):F1} MB)") : "");
}

/// <summary>Bytes read by <see cref="SourceFile.ReadRented"/>: <see cref="Span"/> until disposed.</summary>
internal readonly struct RentedBytes(byte[] array, int length, bool rented) : IDisposable
{
    public ReadOnlySpan<byte> Span => array.AsSpan(0, length);

    public void Dispose()
    {
        if (rented)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
