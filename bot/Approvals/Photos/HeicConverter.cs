using ImageMagick;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// Turns an iPhone's HEIC photo into a JPEG for <see cref="PhotoCleaner"/>: Skia has no HEIF codec on Linux, ImageMagick
/// (with libheif) has. The dimensions are read from the header first, so a HEIC declaring huge dimensions is refused
/// before any pixel is decoded; the JPEG is turned upright and carries no metadata.
/// </summary>
public static class HeicConverter
{
    /// <summary>The JPEG, or why not: <see cref="Result.TooLarge"/> with the declared size, or <see cref="Result.Unreadable"/>.</summary>
    public static (Result Result, byte[]? Jpeg, uint Width, uint Height) ToJpeg(byte[] heic, long maxPixels)
    {
        try
        {
            var info = new MagickImageInfo(heic);
            if (info.Width == 0 || info.Height == 0 || (long)info.Width * info.Height > maxPixels)
                return (Result.TooLarge, null, info.Width, info.Height);
            using var image = new MagickImage(heic);
            image.AutoOrient();
            image.Strip();
            image.Quality = 95;
            return (Result.Converted, image.ToByteArray(MagickFormat.Jpeg), image.Width, image.Height);
        }
        catch (MagickException)
        {
            return (Result.Unreadable, null, 0, 0);
        }
    }

    public enum Result { Converted, TooLarge, Unreadable }
}
