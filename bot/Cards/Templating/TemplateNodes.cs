using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// A parsed piece of a card template. Expanding it against a scope gives JSON, following the
/// official engine: undefined properties are left out, nulls are dropped from arrays, and an
/// array produced inside an array is spliced into it.
/// </summary>
internal abstract class TemplateNode
{
    public abstract Value Expand(BindingScope scope);
}

/// <summary>JSON with no <c>${</c> in it, copied as it is.</summary>
internal sealed class LiteralNode(JsonNode? literal) : TemplateNode
{
    public override Value Expand(BindingScope scope) => Value.Of(literal?.DeepClone());
}

/// <summary>A string that is exactly one <c>${...}</c>: the value keeps its JSON type.</summary>
internal sealed class ExpressionNode(Expression expression, string location) : TemplateNode
{
    public override Value Expand(BindingScope scope)
    {
        var value = Evaluate(expression, scope, location);
        return value.IsDefined ? Value.Of(value.Node?.DeepClone()) : value;
    }

    public static Value Evaluate(Expression expression, BindingScope scope, string location)
    {
        try
        {
            return expression.Evaluate(scope, substitute: true);
        }
        catch (EvaluationException failure)
        {
            throw new CardTemplateException($"{location}: ${{{expression}}} failed: {failure.Message}", failure);
        }
    }
}

/// <summary>
/// Text with <c>${...}</c> inside it: each value is written in as text. Data is only ever inserted,
/// never parsed again, so <c>${</c>, quotes or markdown in data come out exactly as they went in.
/// </summary>
internal sealed class TextNode(IReadOnlyList<Expression> parts, string location) : TemplateNode
{
    public override Value Expand(BindingScope scope)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            // Like the official engine: a part that fails is written back as its own ${...} text.
            var value = part.TryEvaluate(scope, substitute: true, out var evaluated) ? evaluated : Value.Of("${" + part + "}");
            text.Append(ScriptSemantics.ToText(value)
                ?? throw new CardTemplateException($"{location}: ${{{part}}} is null, and the official engine cannot write null into text"));
        }

        return Value.Of(text.ToString());
    }
}

internal sealed class ArrayNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override Value Expand(BindingScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            var value = item.Expand(scope);
            if (value is { IsDefined: true, Node: null })
            {
                continue;
            }

            if (value.Node is JsonArray repeated)
            {
                var elements = repeated.ToArray();
                repeated.Clear();
                foreach (var element in elements)
                {
                    result.Add(element);
                }

                continue;
            }

            result.Add(value.Node);
        }

        return Value.Of(result);
    }
}

/// <summary>
/// An object, repeated once per item when its <c>$data</c> is an array (with <c>$index</c> set),
/// re-scoped when <c>$data</c> is anything else, and dropped where <c>$when</c> is not true.
/// </summary>
internal sealed class ObjectNode(
    IReadOnlyList<KeyValuePair<string, TemplateNode>> properties,
    Expression? data,
    Expression? when,
    string location) : TemplateNode
{
    public override Value Expand(BindingScope scope)
    {
        var expanded = new List<JsonObject>();
        foreach (var itemScope in Scopes(scope))
        {
            if (when is not null && !Holds(when, itemScope))
            {
                continue;
            }

            var result = new JsonObject();
            foreach (var (key, node) in properties)
            {
                var value = node.Expand(itemScope);
                if (value.IsDefined)
                {
                    result[key] = value.Node;
                }
            }

            expanded.Add(result);
        }

        return expanded.Count switch
        {
            0 => Value.Of((JsonNode?)null),
            1 => Value.Of(expanded[0]),
            _ => Value.Of(new JsonArray([.. expanded])),
        };
    }

    private IEnumerable<BindingScope> Scopes(BindingScope scope)
    {
        if (data is null)
        {
            return [scope];
        }

        var value = ExpressionNode.Evaluate(data, scope, location + ".$data");
        return value.Node switch
        {
            JsonArray items => items.Select((item, index) => scope with { Data = item, Index = index }),
            _ when value.IsDefined => [scope with { Data = value.Node }],
            _ => [scope],
        };
    }

    /// <summary><c>$when</c> keeps the element only for a real <c>true</c>; missing data or an error means false.</summary>
    private static bool Holds(Expression when, BindingScope scope) =>
        when.TryEvaluate(scope, substitute: false, out var value) && ScriptSemantics.Kind(value.Node) == JsonValueKind.True;
}
