using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// A parsed piece of a card template, written straight to JSON against a scope, following the official engine:
/// undefined properties are left out, nulls are dropped from arrays, and an array produced inside an array is
/// spliced into it. Writing rather than building a tree keeps the card's literal parts from being copied per card.
/// </summary>
internal abstract class TemplateNode
{
    /// <summary>Writes the node where one JSON value goes: the card itself, or after its property name.</summary>
    public abstract void WriteValue(Utf8JsonWriter writer, BindingScope scope);

    /// <summary>Writes <c>"key": value</c>, or nothing where the official engine leaves the property out.</summary>
    public virtual void WriteProperty(Utf8JsonWriter writer, JsonEncodedText key, BindingScope scope)
    {
        writer.WritePropertyName(key);
        WriteValue(writer, scope);
    }

    /// <summary>Writes the node as items of the array around it: an array's items spliced in, a null left out.</summary>
    public abstract void WriteItems(Utf8JsonWriter writer, BindingScope scope);

    protected static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
            writer.WriteNullValue();
        else if (node is JsonValue value && value.TryGetValue(out JsonElement parsed))
            // Data read from JSON is copied as it was written, not unescaped and escaped again.
            writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(parsed), skipInputValidation: true);
        else
            node.WriteTo(writer);
    }
}

/// <summary>
/// A number, true, false, null or a string with no <c>${</c> in it, copied as it is: encoded once, when the template
/// loads, since most of a card is literal and escaping its text again for every card cost more than binding its data.
/// </summary>
internal sealed class LiteralNode(JsonNode? literal) : TemplateNode
{
    private readonly byte[] json = JsonSerializer.SerializeToUtf8Bytes(literal);

    public override void WriteValue(Utf8JsonWriter writer, BindingScope scope) => writer.WriteRawValue(json, skipInputValidation: true);

    public override void WriteItems(Utf8JsonWriter writer, BindingScope scope)
    {
        if (literal is not null)
            WriteValue(writer, scope);
    }
}

/// <summary>A string that is exactly one <c>${...}</c>: the value keeps its JSON type.</summary>
internal sealed class ExpressionNode(Expression expression, string location) : TemplateNode
{
    public override void WriteValue(Utf8JsonWriter writer, BindingScope scope) => Write(writer, Evaluate(expression, scope, location).Node);

    public override void WriteProperty(Utf8JsonWriter writer, JsonEncodedText key, BindingScope scope)
    {
        var value = Evaluate(expression, scope, location);
        if (!value.IsDefined)
            return;
        writer.WritePropertyName(key);
        Write(writer, value.Node);
    }

    public override void WriteItems(Utf8JsonWriter writer, BindingScope scope)
    {
        var value = Evaluate(expression, scope, location);
        switch (value)
        {
            case { IsDefined: true, Node: null }:
                return;
            case { Node: JsonArray items }:
                foreach (var item in items)
                    Write(writer, item);
                return;
            default:
                // An undefined value inside an array is written as null, as the official engine does.
                Write(writer, value.Node);
                return;
        }
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
    public override void WriteValue(Utf8JsonWriter writer, BindingScope scope) => writer.WriteStringValue(Text(scope));

    public override void WriteItems(Utf8JsonWriter writer, BindingScope scope) => WriteValue(writer, scope);

    private string Text(BindingScope scope)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            // Like the official engine: a part that fails is written back as its own ${...} text.
            var value = part.TryEvaluate(scope, substitute: true, out var evaluated) ? evaluated : Value.Of("${" + part + "}");
            text.Append(ScriptSemantics.ToText(value)
                ?? throw new CardTemplateException($"{location}: ${{{part}}} is null, and the official engine cannot write null into text"));
        }
        return text.ToString();
    }
}

internal sealed class ArrayNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override void WriteValue(Utf8JsonWriter writer, BindingScope scope)
    {
        writer.WriteStartArray();
        WriteItems(writer, scope);
        writer.WriteEndArray();
    }

    public override void WriteItems(Utf8JsonWriter writer, BindingScope scope)
    {
        foreach (var item in items)
            item.WriteItems(writer, scope);
    }
}

/// <summary>
/// An object, repeated once per item when its <c>$data</c> is an array (with <c>$index</c> set),
/// re-scoped when <c>$data</c> is anything else, and dropped where <c>$when</c> is not true.
/// </summary>
internal sealed class ObjectNode(
    IReadOnlyList<KeyValuePair<JsonEncodedText, TemplateNode>> properties,
    Expression? data,
    Expression? when,
    string location) : TemplateNode
{
    /// <summary>No object is null, one is itself, several are an array.</summary>
    public override void WriteValue(Utf8JsonWriter writer, BindingScope scope)
    {
        if (data is null)
        {
            if (IsKept(scope))
                WriteObject(writer, scope);
            else
                writer.WriteNullValue();
            return;
        }

        var kept = Scopes(scope).Where(IsKept).ToList();
        switch (kept.Count)
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                WriteObject(writer, kept[0]);
                break;
            default:
                writer.WriteStartArray();
                foreach (var itemScope in kept)
                    WriteObject(writer, itemScope);
                writer.WriteEndArray();
                break;
        }
    }

    public override void WriteItems(Utf8JsonWriter writer, BindingScope scope)
    {
        if (data is null)
        {
            if (IsKept(scope))
                WriteObject(writer, scope);
            return;
        }

        foreach (var itemScope in Scopes(scope))
        {
            if (IsKept(itemScope))
                WriteObject(writer, itemScope);
        }
    }

    private void WriteObject(Utf8JsonWriter writer, BindingScope scope)
    {
        writer.WriteStartObject();
        foreach (var (key, node) in properties)
            node.WriteProperty(writer, key, scope);
        writer.WriteEndObject();
    }

    private bool IsKept(BindingScope scope) => when is null || Holds(when, scope);

    /// <summary>The scopes <c>$data</c> gives: one per item of an array, else one.</summary>
    private IEnumerable<BindingScope> Scopes(BindingScope scope)
    {
        var value = ExpressionNode.Evaluate(data!, scope, location + ".$data");
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
