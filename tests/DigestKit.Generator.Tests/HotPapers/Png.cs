using System.Buffers.Binary;
using System.IO.Compression;

namespace DigestKit.Generator.Tests.HotPapersApp;

/// <summary>
/// Enough of a PNG decoder to look at a screenshot: 8-bit greyscale, RGB or RGBA, not interlaced (what Chromium
/// writes). Checks the signature and each chunk's length; returns the pixels as RGB.
/// </summary>
internal sealed class Png
{
    private readonly byte[] _rgb;

    private Png(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y] => (_rgb[(y * Width + x) * 3], _rgb[(y * Width + x) * 3 + 1], _rgb[(y * Width + x) * 3 + 2]);

    /// <summary>How many pixels have each colour.</summary>
    public Dictionary<(byte R, byte G, byte B), int> Histogram()
    {
        var counts = new Dictionary<(byte, byte, byte), int>();
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var c = this[x, y];
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        return counts;
    }

    public static Png Decode(byte[] file)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan().StartsWith(signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 12 <= file.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            if (length < 0 || at + 12 + length > file.Length)
            {
                throw new InvalidDataException($"chunk {type} runs past the end of the file");
            }

            var data = file.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    channels = data[9] switch
                    {
                        0 => 1,
                        2 => 3,
                        6 => 4,
                        var other => throw new InvalidDataException($"colour type {other} is not supported"),
                    };
                    if (data[8] != 8 || data[12] != 0)
                    {
                        throw new InvalidDataException("only 8-bit, non-interlaced images are supported");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("no IHDR chunk");
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"image data has {raw.Length} bytes, not {height * (stride + 1)}");
        }

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var value = raw[y * (stride + 1) + 1 + i];
                int left = i >= channels ? pixels[y * stride + i - channels] : 0;
                int up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
                pixels[y * stride + i] = (byte)(value + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"filter {filter} on row {y}"),
                });
            }
        }

        var rgb = new byte[width * height * 3];
        for (var p = 0; p < width * height; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb[p * 3 + c] = pixels[p * channels + (channels == 1 ? 0 : c)];
            }
        }

        return new Png(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
