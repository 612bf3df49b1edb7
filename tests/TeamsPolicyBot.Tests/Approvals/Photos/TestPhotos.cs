using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace TeamsPolicyBot.Tests.Approvals.Photos;

/// <summary>Image files made for the tests: real photos with EXIF location, and the hostile files a bot must refuse.</summary>
internal static class TestPhotos
{
    /// <summary>Leeds, 53°48'24"N 1°32'42"W: the location the stored photo must not carry.</summary>
    public static readonly (uint, uint)[] Latitude = [(53, 1), (48, 1), (2400, 100)];

    /// <summary>A photo-like JPEG (gradient and texture) with an APP1 Exif block holding GPS and <paramref name="orientation"/>.</summary>
    public static byte[] JpegWithGps(int width = 1200, int height = 900, ushort orientation = 1, int seed = 1)
    {
        using var bitmap = Picture(width, height, seed);
        using var encoded = bitmap.PeekPixels().Encode(new SKJpegEncoderOptions(90))!;
        var jpeg = encoded.ToArray();
        // After SOI (FF D8), where cameras put it.
        return [.. jpeg[..2], .. ExifSegment(orientation), .. jpeg[2..]];
    }

    public static byte[] Png(int width = 800, int height = 600, int seed = 2)
    {
        using var bitmap = Picture(width, height, seed);
        using var encoded = bitmap.PeekPixels().Encode(new SKPngEncoderOptions())!;
        return encoded.ToArray();
    }

    /// <summary>The first half of a real JPEG: its header reads, its pixels stop.</summary>
    public static byte[] TruncatedJpeg() => JpegWithGps(seed: 3) is var whole ? whole[..(whole.Length / 2)] : [];

    /// <summary>A tiny PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels (4 bytes each would be 40 GB).</summary>
    public static byte[] PngBomb(int width = 100_000, int height = 100_000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // RGB
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[64 * 1024]);
        return [0x89, .. "PNG\r\n\u001a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A Linux executable's first bytes, as if renamed to .jpg.</summary>
    public static byte[] Executable() => [0x7F, .. "ELF"u8, 2, 1, 1, 0, .. new byte[4088]];

    /// <summary>The start of an iPhone HEIC file (an ISO media "ftyp" box of brand heic).</summary>
    public static byte[] Heic() => [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[1000]];

    /// <summary>The APPn markers (0xE0-0xEF) of a JPEG's header, before its image data.</summary>
    public static IReadOnlyList<byte> AppMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF;)
        {
            var marker = jpeg[at + 1];
            if (marker == 0xDA)
                break;
            if (marker is >= 0xE0 and <= 0xEF)
                markers.Add(marker);
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
        return markers;
    }

    public static bool ContainsExif(byte[] file) => file.AsSpan().IndexOf("Exif\0\0"u8) >= 0;

    private static SKBitmap Picture(int width, int height, int seed)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor(90, 160, 230), new SKColor(40, 140, 60)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, width, height, sky);
        var random = new Random(seed);
        using var dot = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 400; i++)
        {
            dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(4, width / 12), dot);
        }
        return bitmap;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>APP1 "Exif": IFD0 with Orientation and a GPS IFD (latitude and longitude), little-endian TIFF.</summary>
    private static byte[] ExifSegment(ushort orientation)
    {
        var tiff = new byte[152];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        // IFD0 at 8: two entries.
        BinaryPrimitives.WriteUInt16LittleEndian(t[8..], 2);
        Entry(t[10..], 0x0112, 3, 1, orientation);
        Entry(t[22..], 0x8825, 4, 1, 38);
        // GPS IFD at 38: five entries, then rationals at 104 and 128.
        BinaryPrimitives.WriteUInt16LittleEndian(t[38..], 5);
        Entry(t[40..], 0x0000, 1, 4, 0x00000202);
        Entry(t[52..], 0x0001, 2, 2, 'N');
        Entry(t[64..], 0x0002, 5, 3, 104);
        Entry(t[76..], 0x0003, 2, 2, 'W');
        Entry(t[88..], 0x0004, 5, 3, 128);
        Rationals(t[104..], Latitude);
        Rationals(t[128..], [(1, 1), (32, 1), (4200, 100)]);

        var segment = new byte[2 + 2 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment, 10);
        return segment;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    private static void Rationals(Span<byte> at, (uint Numerator, uint Denominator)[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at[(i * 8)..], values[i].Numerator);
            BinaryPrimitives.WriteUInt32LittleEndian(at[(i * 8 + 4)..], values[i].Denominator);
        }
    }
}
