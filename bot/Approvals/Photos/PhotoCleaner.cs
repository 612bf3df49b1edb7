using System.Globalization;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// Turns a file a member of staff sent into a photo fit to keep. The dimensions are read from the header and checked
/// before any pixel is decoded, so a small file declaring huge dimensions (a decompression bomb) costs nothing. The
/// pixels are decoded (JPEGs scaled down while decoding), turned the right way up by the EXIF orientation, shrunk to
/// at most <see cref="MaxSide"/> and re-encoded as JPEG: Skia writes no EXIF, so the location, camera and time the
/// original carried are gone. The thumbnail is small enough that ten of them fit in one Teams card. A HEIC is first
/// made a JPEG by <see cref="HeicConverter"/>.
/// </summary>
public sealed class PhotoCleaner(IOptions<PhotoOptions> options)
{
    /// <summary>The longest side of the stored photo: plenty for an approver to see who is in it.</summary>
    public const int MaxSide = 2048;

    /// <summary>The most bytes of one thumbnail: ten, as base64 data URIs, leave room for the rest of the card under Teams' 28 KB.</summary>
    public const int MaxThumbnailBytes = 1000;

    private static readonly int[] ThumbnailSides = [96, 80, 64, 48, 32];
    private static readonly int[] ThumbnailQualities = [60, 45, 30];

    // Decoding a photo holds its pixels in memory: at most two at a time, whoever sends them.
    private static readonly SemaphoreSlim Decoding = new(2, 2);

    public async Task<PhotoOutcome> CleanAsync(string fileName, byte[] file, CancellationToken cancellationToken)
    {
        var format = PhotoFormats.Sniff(file);
        if (format == PhotoFormat.Other)
            return PhotoOutcome.Refused($"{fileName} isn't a JPEG, PNG or HEIC photo, so I haven't added it.");

        await Decoding.WaitAsync(cancellationToken);
        try
        {
            if (format != PhotoFormat.Heic)
                return Clean(fileName, file);
            var (result, jpeg, width, height) = HeicConverter.ToJpeg(file, options.Value.MaxPhotoPixels);
            return result switch
            {
                HeicConverter.Result.Converted => Clean(fileName, jpeg!),
                HeicConverter.Result.TooLarge => TooLarge(fileName, width, height),
                _ => Unreadable(fileName),
            };
        }
        finally
        {
            Decoding.Release();
        }
    }

    private PhotoOutcome Clean(string fileName, byte[] file)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
            return Unreadable(fileName);

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > options.Value.MaxPhotoPixels)
            return TooLarge(fileName, width, height);

        using var decoded = Decode(codec);
        if (decoded is null)
            return Unreadable(fileName);

        using var upright = Upright(decoded, codec.EncodedOrigin, MaxSide);
        var jpeg = Encode(upright, 85);
        return new PhotoOutcome(new CleanPhoto(jpeg, Thumbnail(upright), upright.Width, upright.Height), null);
    }

    private PhotoOutcome TooLarge(string fileName, long width, long height) => PhotoOutcome.Refused(string.Create(CultureInfo.InvariantCulture,
        $"{fileName} is {width:N0} × {height:N0} pixels; the limit is {options.Value.MaxPhotoPixels / 1_000_000.0:0.#} megapixels. Please send a smaller copy."));

    private static PhotoOutcome Unreadable(string fileName) =>
        PhotoOutcome.Refused($"I couldn't read {fileName}: it may be damaged or cut short. Please send it again as a JPEG or PNG.");

    /// <summary>
    /// The pixels, at the smallest scale the codec decodes to (JPEG: eighths) that is still at least <see cref="MaxSide"/>
    /// long, so a large photo never needs its full size in memory; null when the file is damaged or cut short.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        var size = Enumerable.Range(1, 8).Select(eighths => codec.GetScaledDimensions(eighths / 8f))
            .FirstOrDefault(scaled => Math.Max(scaled.Width, scaled.Height) >= MaxSide, codec.Info.Size);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
            return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>The photo as it should be seen (EXIF orientation applied), at most <paramref name="maxSide"/> long, on white.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin, int maxSide)
    {
        var (w, h) = (source.Width, source.Height);
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = turned ? (h, w) : (w, h);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(uprightWidth, uprightHeight));
        var target = new SKBitmap(new SKImageInfo(
            Math.Max(1, (int)Math.Round(uprightWidth * scale)), Math.Max(1, (int)Math.Round(uprightHeight * scale)), SKColorType.Rgba8888, SKAlphaType.Premul));

        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(SKMatrix.CreateScale(scale, scale).PreConcat(Orientation(origin, w, h)));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();
        return target;
    }

    /// <summary>Maps a pixel of the stored image (w × h) to where it is seen, for each EXIF orientation.</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>The largest, best thumbnail within <see cref="MaxThumbnailBytes"/>.</summary>
    private static byte[] Thumbnail(SKBitmap photo)
    {
        byte[] smallest = [];
        foreach (var side in ThumbnailSides)
        {
            using var small = Upright(photo, SKEncodedOrigin.TopLeft, side);
            foreach (var quality in ThumbnailQualities)
            {
                smallest = Encode(small, quality);
                if (smallest.Length <= MaxThumbnailBytes)
                    return smallest;
            }
        }
        return smallest;
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("Skia could not encode a JPEG.");
        return encoded.ToArray();
    }
}
