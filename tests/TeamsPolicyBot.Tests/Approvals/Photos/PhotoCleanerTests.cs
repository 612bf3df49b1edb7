using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using SkiaSharp;
using TeamsPolicyBot.Approvals.Photos;

namespace TeamsPolicyBot.Tests.Approvals.Photos;

public class PhotoCleanerTests
{
    private readonly PhotoCleaner _cleaner = new(Options.Create(new PhotoOptions()));

    [Fact]
    public async Task Clean_JpegWithGpsExif_StoredJpegHasNoExifAtAll()
    {
        var original = TestPhotos.JpegWithGps();
        Assert.True(TestPhotos.ContainsExif(original));
        Assert.Contains((byte)0xE1, TestPhotos.AppMarkers(original));

        var photo = (await _cleaner.CleanAsync("sports-day.jpg", original, CancellationToken.None)).Photo!;

        Assert.False(TestPhotos.ContainsExif(photo.Jpeg));
        Assert.DoesNotContain((byte)0xE1, TestPhotos.AppMarkers(photo.Jpeg));
        Assert.False(TestPhotos.ContainsExif(photo.Thumbnail));
    }

    [Fact]
    public async Task Clean_OrientationSaysTurnedRight_StoredUprightWithoutOrientation()
    {
        var original = TestPhotos.JpegWithGps(width: 600, height: 300, orientation: 6);
        using (var codec = SKCodec.Create(new MemoryStream(original)))
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);

        var photo = (await _cleaner.CleanAsync("turned.jpg", original, CancellationToken.None)).Photo!;

        Assert.Equal((300, 600), (photo.Width, photo.Height));
        using var stored = SKCodec.Create(new MemoryStream(photo.Jpeg));
        Assert.Equal((300, 600, SKEncodedOrigin.TopLeft), (stored.Info.Width, stored.Info.Height, stored.EncodedOrigin));
    }

    [Fact]
    public async Task Clean_LargePhoto_StoredAtMostMaxSideAndThumbnailWithinItsBudget()
    {
        var photo = (await _cleaner.CleanAsync("wide.jpg", TestPhotos.JpegWithGps(width: 4000, height: 3000), CancellationToken.None)).Photo!;

        Assert.Equal(PhotoCleaner.MaxSide, Math.Max(photo.Width, photo.Height));
        Assert.InRange(photo.Thumbnail.Length, 1, PhotoCleaner.MaxThumbnailBytes);
        using var thumbnail = SKCodec.Create(new MemoryStream(photo.Thumbnail));
        Assert.InRange(Math.Max(thumbnail.Info.Width, thumbnail.Info.Height), 32, 96);
    }

    [Fact]
    public async Task Clean_Png_StoredAsJpeg()
    {
        var photo = (await _cleaner.CleanAsync("poster.png", TestPhotos.Png(), CancellationToken.None)).Photo!;

        Assert.Equal(PhotoFormat.Jpeg, PhotoFormats.Sniff(photo.Jpeg));
        Assert.Equal((800, 600), (photo.Width, photo.Height));
    }

    [Fact]
    public async Task Clean_TruncatedJpeg_RefusedNamingTheFile()
    {
        var outcome = await _cleaner.CleanAsync("cut-short.jpg", TestPhotos.TruncatedJpeg(), CancellationToken.None);

        Assert.Null(outcome.Photo);
        Assert.Equal("I couldn't read cut-short.jpg: it may be damaged or cut short. Please send it again as a JPEG or PNG.", outcome.Refusal);
    }

    [Fact]
    public async Task Clean_PngBomb_RefusedFromItsHeaderWithoutDecoding()
    {
        var bomb = TestPhotos.PngBomb();
        await _cleaner.CleanAsync("warm-up.png", TestPhotos.PngBomb(), CancellationToken.None);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var outcome = await _cleaner.CleanAsync("bomb.png", bomb, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Null(outcome.Photo);
        Assert.Equal("bomb.png is 100,000 × 100,000 pixels; the limit is 50 megapixels. Please send a smaller copy.", outcome.Refusal);
        // Decoding it would need 40 GB; refusing it costs a few kilobytes (the file is under 1 KB).
        Assert.True(allocated < 256 * 1024, $"refusing the bomb allocated {allocated:N0} bytes");
        Assert.True(bomb.Length < 1024, $"the bomb is {bomb.Length} bytes");
    }

    [Fact]
    public async Task Clean_RenamedExecutable_RefusedAsNotAPhoto()
    {
        var outcome = await _cleaner.CleanAsync("sports-day.jpg", TestPhotos.Executable(), CancellationToken.None);

        Assert.Equal("sports-day.jpg isn't a JPEG, PNG or HEIC photo, so I haven't added it.", outcome.Refusal);
    }

    [Fact]
    public async Task Clean_RealHeicFile_StoredUprightAsJpegWithoutMetadata()
    {
        // Made with libheif's heif-enc from a 640 × 480 PNG. Skia builds for Linux have no HEIF codec; ImageMagick reads it.
        var heic = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Approvals", "Photos", "Files", "made-with-heif-enc.heic"));

        var outcome = await _cleaner.CleanAsync("IMG_0042.HEIC", heic, CancellationToken.None);

        var photo = Assert.IsType<CleanPhoto>(outcome.Photo);
        Assert.Equal(PhotoFormat.Jpeg, PhotoFormats.Sniff(photo.Jpeg));
        Assert.Equal((640, 480), (photo.Width, photo.Height));
        Assert.False(TestPhotos.ContainsExif(photo.Jpeg));
        Assert.InRange(photo.Thumbnail.Length, 1, PhotoCleaner.MaxThumbnailBytes);
    }

    [Fact]
    public async Task Clean_HeicDeclaringHugeDimensions_RefusedFromItsHeaderWithoutDecoding()
    {
        // The real file with its image extents ('ispe') rewritten to 100,000 × 100,000: 40 GB of pixels if decoded.
        var heic = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Approvals", "Photos", "Files", "made-with-heif-enc.heic"));
        var extents = heic.AsSpan().IndexOf("ispe"u8) + 8;
        BinaryPrimitives.WriteUInt32BigEndian(heic.AsSpan(extents), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(heic.AsSpan(extents + 4), 100_000);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var before = process.PrivateMemorySize64;

        var outcome = await _cleaner.CleanAsync("bomb.HEIC", heic, CancellationToken.None);

        process.Refresh();
        Assert.Equal("bomb.HEIC is 100,000 × 100,000 pixels; the limit is 50 megapixels. Please send a smaller copy.", outcome.Refusal);
        var grown = process.PrivateMemorySize64 - before;
        Assert.True(grown < 64 * 1024 * 1024, $"refusing the HEIC bomb grew the process by {grown:N0} bytes");
    }

    [Fact]
    public async Task Clean_DamagedHeic_RefusedNamingTheFile()
    {
        var outcome = await _cleaner.CleanAsync("IMG_0042.HEIC", TestPhotos.Heic(), CancellationToken.None);

        Assert.Equal("I couldn't read IMG_0042.HEIC: it may be damaged or cut short. Please send it again as a JPEG or PNG.", outcome.Refusal);
    }
}
