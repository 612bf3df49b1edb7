using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>Where an expression is evaluated: the data the card was bound to, and the current <c>$data</c> / <c>$index</c>.</summary>
internal sealed record BindingScope(JsonNode? Root, JsonNode? Data, int? Index)
{
    public static BindingScope For(JsonNode? root) => new(root, root, null);
}

/// <summary>
/// One parsed <c>${...}</c> expression. <c>substitute</c> mirrors the official engine's
/// "null substitution": when on, a path that finds nothing evaluates to its own <c>${path}</c> text.
/// </summary>
internal abstract record Expression
{
    public abstract Value Evaluate(BindingScope scope, bool substitute);

    public bool TryEvaluate(BindingScope scope, bool substitute, out Value value)
    {
        try
        {
            value = Evaluate(scope, substitute);
            return true;
        }
        catch (EvaluationException)
        {
            value = Value.Undefined;
            return false;
        }
    }

    /// <summary>The expression as the official engine prints it when it writes a failed one back as text.</summary>
    public abstract override string ToString();
}

internal sealed record ConstantExpression(JsonNode? Constant) : Expression
{
    public override Value Evaluate(BindingScope scope, bool substitute) => Value.Of(Constant);

    public override string ToString() => ScriptSemantics.Kind(Constant) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "'" + Constant!.GetValue<string>().Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        _ => ScriptSemantics.ToText(Value.Of(Constant))!,
    };
}

/// <summary>A property name or an array index after the first name of a path.</summary>
internal sealed record PathSegment(string? Property, int? Index)
{
    public override string ToString() => Property is null ? $"[{Index}]" : "." + Property;
}

/// <summary>
/// <c>name.property[0].property</c>, where the first name may be <c>$root</c>, <c>$data</c> or
/// <c>$index</c> and any other first name is read from <c>$data</c>.
/// </summary>
internal sealed record PathExpression(string First, IReadOnlyList<PathSegment> Segments) : Expression
{
    public override Value Evaluate(BindingScope scope, bool substitute)
    {
        // The official engine reads a path that ends in an index as "element i of the rest": it fails
        // where a plain lookup would only find nothing. Any other path is one memory lookup.
        if (Segments is [.., { Index: int index }])
        {
            var collection = new PathExpression(First, Segments.Take(Segments.Count - 1).ToList()).Evaluate(scope, substitute);
            return ElementAt(collection, index);
        }

        var found = Lookup(scope);
        return !found.IsDefined && substitute ? Value.Of("${" + this + "}") : found;
    }

    private Value Lookup(BindingScope scope)
    {
        var current = First switch
        {
            "$root" => Value.Of(scope.Root),
            "$data" => Value.Of(scope.Data),
            "$index" => scope.Index is int index ? Value.Of(JsonValue.Create(index)) : Value.Undefined,
            _ => Property(scope.Data, First),
        };

        foreach (var segment in Segments)
        {
            if (!current.IsDefined)
            {
                return Value.Undefined;
            }

            if (segment.Index is int index && current.Node is JsonArray array)
            {
                if (index < 0 || index >= array.Count)
                {
                    return Value.Undefined;
                }

                current = Value.Of(array[index]);
            }
            else
            {
                current = Property(current.Node, segment.Property ?? segment.Index!.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return current;
    }

    /// <summary>
    /// Property names match case-insensitively, first match wins, as in adaptive-expressions.
    /// Only objects have properties here; the official engine would also read a string's
    /// characters by numeric key in the middle of a path, which no template needs.
    /// </summary>
    private static Value Property(JsonNode? instance, string name)
    {
        if (instance is not JsonObject obj)
        {
            return Value.Undefined;
        }

        foreach (var (key, value) in obj)
        {
            if (SameName(key, name))
            {
                return Value.Of(value);
            }
        }

        return Value.Undefined;
    }

    /// <summary>
    /// Equal once both are lower-cased, which keeps a name's length: most keys differ in length from the name looked up.
    /// ASCII names, all there are in practice, are compared without copying.
    /// </summary>
    private static bool SameName(string key, string name) =>
        key.Length == name.Length
        && (Ascii.IsValid(key) && Ascii.IsValid(name)
            ? Ascii.EqualsIgnoreCase(key, name)
            : string.Equals(key.ToLowerInvariant(), name.ToLowerInvariant(), StringComparison.Ordinal));

    private static Value ElementAt(Value collection, int index)
    {
        if (collection.IsNullOrUndefined)
        {
            return Value.Undefined;
        }

        if (collection.Node is not JsonArray array)
        {
            throw new EvaluationException($"{ScriptSemantics.ToText(collection)} is not a collection.");
        }

        return index >= 0 && index < array.Count
            ? Value.Of(array[index])
            : throw new EvaluationException($"{index} is out of range for {ScriptSemantics.ToText(collection)}");
    }

    public override string ToString() => First + string.Concat(Segments);
}

internal sealed record FunctionCall(TemplateFunction Function, IReadOnlyList<Expression> Arguments) : Expression
{
    public override Value Evaluate(BindingScope scope, bool substitute) => Function.Evaluate(Arguments, scope, substitute);

    public override string ToString()
    {
        var text = new StringBuilder(Function.Name).Append('(');
        text.AppendJoin(", ", Arguments.Select(argument => argument.ToString()));
        return text.Append(')').ToString();
    }
}
