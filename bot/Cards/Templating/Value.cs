using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// The result of evaluating an expression: a JSON value (where a C# null is JSON null), or
/// undefined when a path found nothing. The official engine treats the two differently: an
/// undefined path is written back as its own <c>${path}</c> text, a null is kept as null.
/// </summary>
internal readonly record struct Value(JsonNode? Node, bool IsDefined)
{
    public static readonly Value Undefined = new(null, false);

    public static Value Of(JsonNode? node) => new(node, true);

    public static Value Of(bool value) => new(JsonValue.Create(value), true);

    public static Value Of(string value) => new(JsonValue.Create(value), true);

    public bool IsNullOrUndefined => Node is null;
}

/// <summary>An expression failed in a way the official engine reports as an evaluation error.</summary>
internal sealed class EvaluationException(string message) : Exception(message);
