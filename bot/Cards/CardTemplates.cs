using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPolicyBot.Cards.Templating;

namespace TeamsPolicyBot.Cards;

/// <summary>
/// Binds the Adaptive Card templates in <c>cards/&lt;name&gt;.json</c> to data, the way the official
/// adaptivecards-templating engine does (see cards/README.md for what templates may use). Each
/// template is read and parsed once, on first use. Data is only ever inserted into the card, never
/// read as template, so a member of staff's text comes out exactly as they wrote it.
/// </summary>
public sealed partial class CardTemplates(string directory)
{
    private const int TypicalCardBytes = 8 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<CardTemplate>> templates = new(StringComparer.Ordinal);

    /// <summary>
    /// The card <paramref name="name"/> bound to <paramref name="data"/>: a <see cref="JsonNode"/> as it
    /// is, or any other object serialised with the web defaults (camelCase property names).
    /// </summary>
    /// <exception cref="CardTemplateException">The template is missing or invalid, or cannot be bound to this data.</exception>
    public JsonElement Render(string name, object? data)
    {
        var template = templates.GetOrAdd(name, key => new Lazy<CardTemplate>(() => Load(key))).Value;
        var root = data as JsonNode ?? JsonSerializer.SerializeToNode(data, JsonSerializerOptions.Web);
        var buffer = new ArrayBufferWriter<byte>(TypicalCardBytes);
        using (var writer = new Utf8JsonWriter(buffer))
            template.Write(writer, root);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var card = JsonElement.ParseValue(ref reader);
        return card.ValueKind == JsonValueKind.Object
            ? card
            : throw new CardTemplateException($"card template '{name}' did not produce a card for this data (its root $when was false)");
    }

    private CardTemplate Load(string name)
    {
        if (!CardName().IsMatch(name))
        {
            throw new CardTemplateException($"'{name}' is not a card template name (lowercase letters, digits and hyphens)");
        }

        var path = Path.Combine(directory, name + ".json");
        if (!File.Exists(path))
        {
            throw new CardTemplateException($"card template '{name}' not found at {path}");
        }

        try
        {
            return CardTemplate.Parse(name, JsonNode.Parse(File.ReadAllText(path)));
        }
        catch (JsonException failure)
        {
            throw new CardTemplateException($"card template '{name}' at {path} is not valid JSON: {failure.Message}", failure);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CardName();
}
