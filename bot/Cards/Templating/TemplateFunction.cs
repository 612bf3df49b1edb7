using System.Text.Json;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// A function templates may call. Only the functions our templates use are here, each behaving as
/// its adaptive-expressions namesake: conditions are read without null substitution, and an
/// argument that fails makes the condition false rather than failing the card.
/// </summary>
internal sealed record TemplateFunction(
    string Name,
    int Arity,
    Func<IReadOnlyList<Expression>, BindingScope, bool, Value> Evaluate)
{
    public static readonly IReadOnlyDictionary<string, TemplateFunction> All = new[]
    {
        new TemplateFunction("if", 3, If),
        new TemplateFunction("equals", 2, AreEqual),
        new TemplateFunction("not", 1, Not),
        new TemplateFunction("empty", 1, Empty),
    }.ToDictionary(function => function.Name, StringComparer.Ordinal);

    private static Value If(IReadOnlyList<Expression> arguments, BindingScope scope, bool substitute)
    {
        var holds = arguments[0].TryEvaluate(scope, substitute: false, out var condition) && ScriptSemantics.IsLogicTrue(condition);
        return arguments[holds ? 1 : 2].Evaluate(scope, substitute);
    }

    private static Value AreEqual(IReadOnlyList<Expression> arguments, BindingScope scope, bool substitute) =>
        Value.Of(arguments[0].TryEvaluate(scope, substitute: false, out var left)
            && arguments[1].TryEvaluate(scope, substitute: false, out var right)
            && ScriptSemantics.CommonEquals(left, right));

    private static Value Not(IReadOnlyList<Expression> arguments, BindingScope scope, bool substitute) =>
        Value.Of(!arguments[0].TryEvaluate(scope, substitute: false, out var value) || !ScriptSemantics.IsLogicTrue(value));

    private static Value Empty(IReadOnlyList<Expression> arguments, BindingScope scope, bool substitute)
    {
        if (!arguments[0].TryEvaluate(scope, substitute: false, out var value))
        {
            return Value.Of(false);
        }

        return Value.Of(ScriptSemantics.Kind(value.Node) switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.String => value.Node!.GetValue<string>().Length == 0,
            JsonValueKind.Array => value.Node!.AsArray().Count == 0,
            JsonValueKind.Object => value.Node!.AsObject().Count == 0,
            // Numbers and booleans are not containers: adaptive-expressions reports an error, which a comparison reads as false.
            _ => false,
        });
    }
}
