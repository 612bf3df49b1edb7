using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>
/// Breaks a real Teams payload the ways a buggy or hostile client might: fields deleted, duplicated, of the wrong type,
/// null, numbers as strings, oversized strings, deep nesting, huge arrays, control characters, invalid UTF-8 and
/// truncation. The same <see cref="Random"/> seed always gives the same body, so a failure reproduces.
/// </summary>
public sealed class ActivityMutator(Random random)
{
    private delegate string Mutation(JsonObject activity);

    // Deeper than any parser should accept, so writing it must allow more.
    private static readonly JsonSerializerOptions Writer = new() { MaxDepth = 4096 };

    /// <summary>A mutated body of <paramref name="payload"/>, and what was done to it.</summary>
    public (byte[] Body, string Description) Mutate(JsonObject payload)
    {
        var activity = (JsonObject)payload.DeepClone();
        var steps = new List<string>();
        Mutation[] structural =
        [
            DeleteField, WrongType, Null, NumberAsString, OversizedString, DeepNesting, HugeArray, ControlCharacters,
        ];
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
            steps.Add(structural[random.Next(structural.Length)](activity));

        var body = Encoding.UTF8.GetBytes(activity.ToJsonString(Writer));
        switch (random.Next(6))
        {
            case 0:
                (body, var duplicated) = DuplicateField(body, activity);
                steps.Add(duplicated);
                break;
            case 1:
                body = InvalidUtf8(body);
                steps.Add("invalid UTF-8");
                break;
            case 2:
                body = body[..random.Next(body.Length)];
                steps.Add("truncated");
                break;
        }
        return (body, string.Join("; ", steps));
    }

    private string DeleteField(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        parent.Remove(key);
        return $"deleted {key}";
    }

    private string WrongType(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        JsonNode?[] others = [42, -1.5e300, true, new JsonArray(1, "two"), new JsonObject { ["x"] = 1 }, "text", 0];
        parent[key] = others[random.Next(others.Length)]?.DeepClone();
        return $"{key} of a wrong type";
    }

    private string Null(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        parent[key] = null;
        return $"{key} null";
    }

    private string NumberAsString(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        parent[key] = parent[key]?.ToJsonString(Writer) ?? "null";
        return $"{key} as a string";
    }

    private string OversizedString(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        int[] lengths = [300, 5_000, 60_000, 300_000];
        parent[key] = new string('x', lengths[random.Next(lengths.Length)]);
        return $"{key} oversized";
    }

    private string DeepNesting(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        var depth = random.Next(30, 3000);
        JsonNode nested = "bottom";
        for (var i = 0; i < depth; i++)
            nested = i % 2 == 0 ? new JsonArray(nested) : new JsonObject { ["a"] = nested };
        parent[key] = nested;
        return $"{key} nested {depth} deep";
    }

    private string HugeArray(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        var items = new JsonArray();
        var length = random.Next(1_000, 8_000);
        for (var i = 0; i < length; i++)
            items.Add(i);
        parent[key] = items;
        return $"{key} an array of {length}";
    }

    private string ControlCharacters(JsonObject activity)
    {
        var (parent, key) = AnyProperty(activity);
        string[] hostile = ["\0", "\u0007\u001b[31m", "\u202e", "\ud800", "\r\n\t", "\uffff", "help\0cancel"];
        parent[key] = hostile[random.Next(hostile.Length)] + (parent[key] is JsonValue value ? value.ToString() : "");
        return $"{key} with control characters";
    }

    private (byte[] Body, string Description) DuplicateField(byte[] body, JsonObject activity)
    {
        var key = activity.Count > 0 ? activity.ElementAt(random.Next(activity.Count)).Key : "type";
        var json = Encoding.UTF8.GetString(body);
        var at = json.LastIndexOf('}');
        if (at < 0)
            return (body, "no object to duplicate into");
        var separator = json[..at].TrimEnd().EndsWith('{') ? "" : ",";
        var duplicate = json[..at] + $"{separator}\"{key}\":{(random.Next(2) == 0 ? "\"invoke\"" : "null")}" + json[at..];
        return (Encoding.UTF8.GetBytes(duplicate), $"{key} duplicated");
    }

    private byte[] InvalidUtf8(byte[] body)
    {
        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]];
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. invalid[random.Next(invalid.Length)], .. body[at..]];
    }

    /// <summary>Any property at any depth (the root itself when the activity is empty, under a new key).</summary>
    private (JsonObject Parent, string Key) AnyProperty(JsonObject activity)
    {
        var properties = new List<(JsonObject, string)>();
        Collect(activity, properties, depth: 0);
        return properties.Count > 0 ? properties[random.Next(properties.Count)] : (activity, "type");
    }

    private static void Collect(JsonNode? node, List<(JsonObject, string)> properties, int depth)
    {
        if (depth > 8)
            return;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    properties.Add((obj, key));
                    Collect(value, properties, depth + 1);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Collect(item, properties, depth + 1);
                break;
        }
    }
}
