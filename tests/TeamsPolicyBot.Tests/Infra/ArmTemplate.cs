using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>
/// The ARM template that <c>bicep build</c> makes of infra/main.bicep: what Azure actually receives, in the
/// compiler's canonical form whatever the Bicep's layout.
/// </summary>
internal sealed partial class ArmTemplate(JsonObject template)
{
    public IEnumerable<JsonObject> Resources => template["resources"] switch
    {
        JsonArray resources => resources.OfType<JsonObject>(),
        // languageVersion 2.0 templates key their resources by symbolic name.
        JsonObject resources => resources.Select(resource => resource.Value).OfType<JsonObject>(),
        _ => [],
    };

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A string from the template with every <c>variables('…')</c> that names a string variable replaced by that
    /// string, quoted as an ARM literal, so a role's GUID reads the same whether or not it sits in a variable.
    /// </summary>
    public string Resolve(string expression) =>
        VariableReference().Replace(expression, match =>
            template["variables"]?[match.Groups["name"].Value] is JsonValue value && value.TryGetValue(out string? text)
                ? $"'{text}'"
                : match.Value);

    /// <summary>
    /// The names of the web app settings, wherever the template declares them: objects of the App Service setting
    /// shape (<c>name</c> and <c>value</c>) and, where Bicep folds settings into an expression,
    /// <c>createObject('name', '…', 'value', …)</c>.
    /// </summary>
    public IReadOnlyList<string> AppSettingNames() =>
        [.. Nodes(template).SelectMany(SettingNames).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> SettingNames(JsonNode node) => node switch
    {
        JsonObject { Count: 2 } setting when setting["name"] is JsonValue name && setting.ContainsKey("value") && name.TryGetValue(out string? text) => [text],
        JsonValue value when value.TryGetValue(out string? text) => SettingObject().Matches(text).Select(match => match.Groups["name"].Value),
        _ => [],
    };

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null)
            yield break;
        yield return node;
        var children = node switch
        {
            JsonObject properties => properties.Select(property => property.Value),
            JsonArray items => items,
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Nodes))
            yield return descendant;
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"createObject\('name', '(?<name>[^']+)', 'value',")]
    private static partial Regex SettingObject();
}
