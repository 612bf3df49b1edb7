using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Entities in the service's JSON: values the JSON type cannot carry (Int64, DateTime, Guid, Binary,
/// Double) are written with a <c>Name@odata.type</c> annotation, and read back from the annotations
/// that <c>odata=minimalmetadata</c> responses include.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                if (value is null || name is TableEntity.TimestampName or TableEntity.ETagName)
                {
                    continue;
                }
                WriteProperty(json, name, value);
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static TableEntity Deserialize(JsonElement json)
    {
        var entity = new TableEntity();
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableEntity.ETagName)
            {
                entity.ETag = property.Value.GetString() is { } etag ? new ETag(etag) : default;
            }
            else if (!name.StartsWith("odata.", StringComparison.Ordinal) && !name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                // Timestamp is always a DateTime, though not every service version annotates it.
                var type = name == TableEntity.TimestampName ? TableValueFormat.DateTimeType
                    : json.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
                entity[name] = ReadValue(property.Value, type, name);
            }
        }
        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteString(name, text);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case long number:
                json.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                json.WriteString(name + TypeSuffix, TableValueFormat.Int64);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumber(name, number);
                json.WriteString(name + TypeSuffix, TableValueFormat.Double);
                break;
            case double number:
                json.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                json.WriteString(name + TypeSuffix, TableValueFormat.Double);
                break;
            case DateTimeOffset moment:
                json.WriteString(name, TableValueFormat.DateTime(moment));
                json.WriteString(name + TypeSuffix, TableValueFormat.DateTimeType);
                break;
            case Guid id:
                json.WriteString(name, id.ToString("D"));
                json.WriteString(name + TypeSuffix, TableValueFormat.Guid);
                break;
            case byte[] bytes:
                json.WriteBase64String(name, bytes);
                json.WriteString(name + TypeSuffix, TableValueFormat.Binary);
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' is a {value.GetType().Name}; table entities hold string, int, long, bool, "
                    + "double, DateTimeOffset, Guid or byte[].");
        }
    }

    private static object? ReadValue(JsonElement value, string? type, string name) => (type, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        (TableValueFormat.Int64, _) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        (TableValueFormat.DateTimeType, _) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        (TableValueFormat.Guid, _) => Guid.Parse(value.GetString()!),
        (TableValueFormat.Binary, _) => value.GetBytesFromBase64(),
        (TableValueFormat.Double, JsonValueKind.String) => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        (TableValueFormat.Double, JsonValueKind.Number) => value.GetDouble(),
        (_, JsonValueKind.String) => value.GetString(),
        (_, JsonValueKind.True or JsonValueKind.False) => value.GetBoolean(),
        (_, JsonValueKind.Number) when value.TryGetInt32(out var number) => number,
        (_, JsonValueKind.Number) => value.GetDouble(),
        _ => throw new FormatException($"Property '{name}' has a {value.ValueKind} value the table service does not send."),
    };
}
