namespace TeamsPolicyBot.Tests.Manifest;

public sealed class PngImageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Read_RowsWithEachFilterType_GivesBackThePixels(byte filter)
    {
        var pixels = Enumerable.Range(0, 5 * 4)
            .Select(i => new Rgba((byte)(i * 37), (byte)(255 - i * 11), (byte)(i * i), (byte)(i % 3 * 120)))
            .ToArray();

        var image = PngImage.Read(TestPng.Encode(5, 4, pixels, filter));

        Assert.Equal((5, 4), (image.Width, image.Height));
        Assert.Equal(pixels, image.Pixels);
    }

    [Fact]
    public void Read_NotAPng_Refused()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Read("GIF89a not a png"u8.ToArray()));
    }
}
