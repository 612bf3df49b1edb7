using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TeamsPolicyBot.Tests.Manifest;

internal readonly record struct Rgba(byte R, byte G, byte B, byte A);

/// <summary>
/// Just enough of a PNG decoder to check app icons: 8-bit RGB or RGBA, not interlaced (what
/// manifest/make-icons.py writes). Anything else is refused with a clear message.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly Rgba[] _pixels;

    private PngImage(int width, int height, Rgba[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public IEnumerable<Rgba> Pixels => _pixels;

    public static PngImage Read(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file: the signature is wrong.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    channels = ChannelsOf(bitDepth: data[8], colorType: data[9], interlace: data[12]);
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        if (channels == 0)
        {
            throw new InvalidDataException("The PNG has no IHDR chunk.");
        }

        compressed.Position = 0;
        using var inflate = new ZLibStream(compressed, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[height * (stride + 1)];
        inflate.ReadExactly(raw);
        return new PngImage(width, height, ToPixels(Unfilter(raw, height, stride, channels), channels));
    }

    private static int ChannelsOf(byte bitDepth, byte colorType, byte interlace) =>
        (bitDepth, colorType, interlace) switch
        {
            (8, 2, 0) => 3,
            (8, 6, 0) => 4,
            _ => throw new NotSupportedException(
                $"PNG with bit depth {bitDepth}, colour type {colorType}, interlace {interlace}: only 8-bit RGB/RGBA, not interlaced, is supported."),
        };

    /// <summary>Undoes the per-row filters (PNG specification, section 9).</summary>
    private static byte[] Unfilter(byte[] raw, int height, int stride, int bytesPerPixel)
    {
        var pixels = new byte[height * stride];
        for (var row = 0; row < height; row++)
        {
            var filter = raw[row * (stride + 1)];
            var source = raw.AsSpan(row * (stride + 1) + 1, stride);
            var current = pixels.AsSpan(row * stride, stride);
            var previous = row == 0 ? new byte[stride] : pixels.AsSpan((row - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                int up = previous[i];
                int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter} in row {row}."),
                };
                current[i] = (byte)(source[i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

    private static Rgba[] ToPixels(byte[] bytes, int channels)
    {
        var pixels = new Rgba[bytes.Length / channels];
        for (var i = 0; i < pixels.Length; i++)
        {
            var at = i * channels;
            pixels[i] = new Rgba(bytes[at], bytes[at + 1], bytes[at + 2], channels == 4 ? bytes[at + 3] : (byte)255);
        }

        return pixels;
    }
}
