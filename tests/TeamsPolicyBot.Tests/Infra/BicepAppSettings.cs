using System.Text.RegularExpressions;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>
/// The names of the web app settings in <c>infra/main.bicep</c>, read as text (there is no Bicep compiler here):
/// every object of the App Service setting shape, <c>name: '…'</c> followed by <c>value:</c>, wherever it is
/// declared (the <c>appSettings</c> array or the variables it concatenates).
/// </summary>
internal static partial class BicepAppSettings
{
    public static string BicepPath => Path.Combine(Repository.Root, "infra", "main.bicep");

    public static IReadOnlyList<string> Names() => Read(File.ReadAllText(BicepPath));

    public static IReadOnlyList<string> Read(string bicep) =>
        [.. Setting().Matches(bicep).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\bname:\s*'(?<name>[^'$]+)'\s*(?://[^\n]*)?\r?\n\s*value:")]
    private static partial Regex Setting();
}
