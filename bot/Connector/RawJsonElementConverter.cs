using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Writes a <see cref="JsonElement"/> as the JSON text it was parsed from, copied as it is. The built-in converter
/// walks the element token by token and escapes every string again: for a reply's card, which is most of the reply,
/// that cost more than binding the card's template did. An element is always valid JSON, so nothing needs checking.
/// </summary>
internal sealed class RawJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
}
