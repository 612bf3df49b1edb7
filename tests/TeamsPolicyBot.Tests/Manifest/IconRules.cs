namespace TeamsPolicyBot.Tests.Manifest;

/// <summary>What Teams asks of the two app icons, as a list of problems (empty when the icon is fine).</summary>
internal static class IconRules
{
    public static IReadOnlyList<string> ColorIconProblems(PngImage icon)
    {
        var problems = new List<string>();
        if (icon.Width != 192 || icon.Height != 192)
        {
            problems.Add($"color icon is {icon.Width}x{icon.Height}, not 192x192");
        }

        if (icon.Pixels.Distinct().Take(2).Count() < 2)
        {
            problems.Add("color icon is a single flat colour, with no drawing");
        }

        return problems;
    }

    public static IReadOnlyList<string> OutlineIconProblems(PngImage icon)
    {
        var problems = new List<string>();
        if (icon.Width != 32 || icon.Height != 32)
        {
            problems.Add($"outline icon is {icon.Width}x{icon.Height}, not 32x32");
        }

        var visible = icon.Pixels.Where(pixel => pixel.A > 0).ToList();
        var coloured = visible.Count(pixel => pixel is not { R: 255, G: 255, B: 255 });
        if (coloured > 0)
        {
            problems.Add($"outline icon has {coloured} visible pixels that are not white");
        }

        if (visible.Count == 0 || visible.Count == icon.Width * icon.Height)
        {
            problems.Add("outline icon needs a white drawing on a transparent background");
        }

        return problems;
    }
}
