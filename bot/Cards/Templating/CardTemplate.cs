using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// A card template parsed once into <see cref="TemplateNode"/>s, ready to bind to data many times.
/// Everything that could make it render differently from the official adaptivecards-templating
/// engine is refused here, when it loads.
/// </summary>
internal sealed class CardTemplate
{
    // Keys the official engine reads or reserves; they never reach the bound card.
    private static readonly HashSet<string> ReservedKeys = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly TemplateNode root;

    private CardTemplate(TemplateNode root) => this.root = root;

    public static CardTemplate Parse(string name, JsonNode? template) => new(ParseNode(name, template));

    /// <summary>Writes the template bound to <paramref name="data"/>.</summary>
    /// <exception cref="CardTemplateException">An expression failed in a way the official engine refuses.</exception>
    public void Write(Utf8JsonWriter writer, JsonNode? data) => root.WriteValue(writer, BindingScope.For(data));

    private static TemplateNode ParseNode(string name, JsonNode? node) => node switch
    {
        JsonObject obj => ParseObject(name, obj),
        JsonArray array => new ArrayNode(array.Select(item => ParseNode(name, item)).ToList()),
        JsonValue value when value.TryGetValue(out string? text) => ParseString(name, value, text),
        _ => new LiteralNode(node?.DeepClone()),
    };

    private static ObjectNode ParseObject(string name, JsonObject obj)
    {
        var properties = obj
            .Where(property => !ReservedKeys.Contains(property.Key))
            .Select(property => KeyValuePair.Create(JsonEncodedText.Encode(property.Key), ParseNode(name, property.Value)))
            .ToList();
        return new ObjectNode(properties, ScopeExpression(name, obj, "$data"), ScopeExpression(name, obj, "$when"), Location(name, obj));
    }

    /// <summary>
    /// <c>$data</c> and <c>$when</c> must each be exactly one <c>${...}</c> over data: the official
    /// engine gives plain values there surprising meanings (a literal <c>true</c> drops the element).
    /// </summary>
    private static Expression? ScopeExpression(string name, JsonObject obj, string key)
    {
        if (!obj.TryGetPropertyValue(key, out var node))
        {
            return null;
        }

        var parts = node is JsonValue value && value.TryGetValue(out string? text) ? Parse(name, node, text) : null;
        return parts is [var expression and not ConstantExpression]
            ? expression
            : throw new CardTemplateException($"{Location(name, obj)}: {key} must be one ${{...}} expression over data, such as \"${{items}}\"");
    }

    private static TemplateNode ParseString(string name, JsonNode node, string text) => Parse(name, node, text) switch
    {
        null => new LiteralNode(node.DeepClone()),
        [var expression and not ConstantExpression] => new ExpressionNode(expression, Location(name, node)),
        var parts => new TextNode(parts, Location(name, node)),
    };

    private static IReadOnlyList<Expression>? Parse(string name, JsonNode node, string text)
    {
        try
        {
            return ExpressionParser.ParseText(text);
        }
        catch (FormatException failure)
        {
            throw new CardTemplateException($"{Location(name, node)}: {failure.Message} in \"{text}\"", failure);
        }
    }

    private static string Location(string name, JsonNode node) => $"card template '{name}' at {node.GetPath()}";
}
