using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>Compares JSON as trees: object keys in any order, numbers by value.</summary>
internal static class JsonTree
{
    public static void AssertEqual(JsonNode? expected, JsonNode? actual)
    {
        var difference = FirstDifference(expected, actual, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        var kind = Kind(expected);
        if (kind != Kind(actual))
        {
            return $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                var (left, right) = (expected!.AsObject(), actual!.AsObject());
                var keys = left.Select(property => property.Key).Union(right.Select(property => property.Key));
                foreach (var key in keys)
                {
                    if (!left.ContainsKey(key) || !right.ContainsKey(key))
                    {
                        return $"{path}.{key}: {(left.ContainsKey(key) ? "missing" : "not expected")}";
                    }

                    if (FirstDifference(left[key], right[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var (first, second) = (expected!.AsArray(), actual!.AsArray());
                if (first.Count != second.Count)
                {
                    return $"{path}: expected {first.Count} items, got {second.Count}";
                }

                return first.Select((item, i) => FirstDifference(item, second[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case JsonValueKind.Number:
                return Number(expected!) == Number(actual!) ? null : $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
            case JsonValueKind.String:
                return expected!.GetValue<string>() == actual!.GetValue<string>() ? null : $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
            default:
                return null;
        }
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";
}
