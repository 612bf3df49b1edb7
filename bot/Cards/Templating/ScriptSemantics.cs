using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// The JavaScript rules the official engine (adaptive-expressions on Node) applies to values:
/// truthiness, equality, and how a value reads when it is written into a longer string.
/// </summary>
internal static class ScriptSemantics
{
    private const double JsEpsilon = 2.220446049250313e-16;

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Adaptive expressions' idea of true: everything except false, null and undefined.</summary>
    public static bool IsLogicTrue(Value value) => Kind(value.Node) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => true,
    };

    /// <summary>JavaScript's falsy values, which a property lookup treats as having no properties.</summary>
    public static bool IsFalsy(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => Number(node!) is 0 or double.NaN,
        JsonValueKind.String => node!.GetValue<string>().Length == 0,
        _ => false,
    };

    public static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The <c>equals</c> function: arrays item by item, objects deeply, numbers within epsilon.</summary>
    public static bool CommonEquals(Value left, Value right)
    {
        if (left.IsNullOrUndefined || right.IsNullOrUndefined)
        {
            return left.IsNullOrUndefined && right.IsNullOrUndefined;
        }

        var (a, b) = (left.Node!, right.Node!);
        return (Kind(a), Kind(b)) switch
        {
            (JsonValueKind.Array, JsonValueKind.Array) => a.AsArray().Count == b.AsArray().Count
                && a.AsArray().Zip(b.AsArray()).All(pair => CommonEquals(Value.Of(pair.First), Value.Of(pair.Second))),
            (JsonValueKind.Object, JsonValueKind.Object) => StrictDeepEquals(a, b),
            (JsonValueKind.Number, JsonValueKind.Number) => Math.Abs(Number(a) - Number(b)) < JsEpsilon || Number(a) == Number(b),
            _ => StrictDeepEquals(a, b),
        };
    }

    private static bool StrictDeepEquals(JsonNode? a, JsonNode? b)
    {
        var kind = Kind(a);
        if (kind != Kind(b))
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.Number => Number(a!) == Number(b!),
            JsonValueKind.String => a!.GetValue<string>() == b!.GetValue<string>(),
            JsonValueKind.Array => a!.AsArray().Count == b!.AsArray().Count
                && a.AsArray().Zip(b.AsArray()).All(pair => StrictDeepEquals(pair.First, pair.Second)),
            _ => a!.AsObject().Count == b!.AsObject().Count
                && a.AsObject().All(property => b.AsObject().TryGetPropertyValue(property.Key, out var other)
                    && StrictDeepEquals(property.Value, other)),
        };
    }

    /// <summary>
    /// The text JavaScript's <c>toString()</c> gives a value; null when the official engine would
    /// fail because the value is null or undefined.
    /// </summary>
    public static string? ToText(Value value) => value.Node is null ? null : ToText(value.Node);

    private static string ToText(JsonNode node) => Kind(node) switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => FormatNumber(Number(node)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(",", node.AsArray().Select(item => item is null ? "" : ToText(item))),
        _ => "[object Object]",
    };

    /// <summary>ECMAScript Number::toString: shortest round-trip digits, exponent only outside 1e-7..1e21.</summary>
    public static string FormatNumber(double number)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }

        if (number == 0)
        {
            return "0";
        }

        var sign = number < 0 ? "-" : "";
        var roundTrip = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E');
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var pointAt = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "");
        var point = (pointAt < 0 ? mantissa.Length : pointAt) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= leadingZeros;

        var k = digits.Length;
        var n = point;
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }

        var e = n - 1;
        var exponentText = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return sign + (k == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + exponentText;
    }
}
