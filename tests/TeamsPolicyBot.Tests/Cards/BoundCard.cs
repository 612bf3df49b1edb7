using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Cards.Templating;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>Bound cards as JSON trees, to compare and index in assertions.</summary>
internal static class BoundCard
{
    public static JsonNode? Bind(this CardTemplate template, JsonNode? data)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            template.Write(writer, data);
        return JsonNode.Parse(buffer.WrittenSpan);
    }

    public static JsonObject AsTree(this JsonElement card) => JsonNode.Parse(card.GetRawText())!.AsObject();
}
