using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Manifest;

public sealed class IconTests
{
    private static readonly Rgba White = new(255, 255, 255, 255);
    private static readonly Rgba Clear = new(255, 255, 255, 0);

    [Fact]
    public void ColorIcon_Committed_Is192SquareWithADrawing()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Repository.ManifestDirectory, "color.png")));

        Assert.Empty(IconRules.ColorIconProblems(icon));
    }

    [Fact]
    public void OutlineIcon_Committed_Is32SquareWhiteOnTransparent()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Repository.ManifestDirectory, "outline.png")));

        Assert.Empty(IconRules.OutlineIconProblems(icon));
    }

    [Fact]
    public void OutlineIconProblems_FaintRedPixel_Reported()
    {
        var pixels = Enumerable.Repeat(Clear, 32 * 32).ToArray();
        pixels[40] = White;
        pixels[41] = new Rgba(255, 0, 0, 10);

        var problems = IconRules.OutlineIconProblems(PngImage.Read(TestPng.Encode(32, 32, pixels, filter: 0)));

        Assert.Equal(["outline icon has 1 visible pixels that are not white"], problems);
    }

    [Fact]
    public void OutlineIconProblems_WrongSizeAndNothingDrawn_BothReported()
    {
        var pixels = Enumerable.Repeat(Clear, 16 * 16).ToArray();

        var problems = IconRules.OutlineIconProblems(PngImage.Read(TestPng.Encode(16, 16, pixels, filter: 0)));

        Assert.Equal(["outline icon is 16x16, not 32x32", "outline icon needs a white drawing on a transparent background"], problems);
    }

    [Fact]
    public void ColorIconProblems_FlatSquare_Reported()
    {
        var pixels = Enumerable.Repeat(new Rgba(31, 58, 104, 255), 192 * 192).ToArray();

        var problems = IconRules.ColorIconProblems(PngImage.Read(TestPng.Encode(192, 192, pixels, filter: 0)));

        Assert.Equal(["color icon is a single flat colour, with no drawing"], problems);
    }
}
