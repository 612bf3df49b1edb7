using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TeamsPolicyBot.Tests.Manifest;

/// <summary>Writes small RGBA PNGs with a chosen row filter, to feed <see cref="PngImage"/> known pixels.</summary>
internal static class TestPng
{
    public static byte[] Encode(int width, int height, IReadOnlyList<Rgba> pixels, byte filter)
    {
        var stride = width * 4;
        var bytes = pixels.SelectMany(p => new[] { p.R, p.G, p.B, p.A }).ToArray();
        using var raw = new MemoryStream();
        for (var row = 0; row < height; row++)
        {
            raw.WriteByte(filter);
            for (var i = 0; i < stride; i++)
            {
                int value = bytes[row * stride + i];
                int left = i >= 4 ? bytes[row * stride + i - 4] : 0;
                int up = row > 0 ? bytes[(row - 1) * stride + i] : 0;
                int upLeft = row > 0 && i >= 4 ? bytes[(row - 1) * stride + i - 4] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    _ => Paeth(left, up, upLeft),
                };
                raw.WriteByte((byte)(value - predictor));
            }
        }

        using var compressed = new MemoryStream();
        using (var deflate = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

    // The decoder does not check chunk CRCs, so they are left zero.
    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]);
    }
}
