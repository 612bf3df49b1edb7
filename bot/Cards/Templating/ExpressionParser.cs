using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Cards.Templating;

/// <summary>
/// Parses template strings ("Report to ${reportTo}") into text and expressions. The grammar is the
/// part of the Adaptive Expressions language our templates use: constants, paths, calls to the
/// functions in <see cref="TemplateFunction.All"/>. Anything else (operators, lambdas, string
/// indexes, unknown functions) is refused with a <see cref="FormatException"/> when the template
/// loads, rather than rendering differently from the official engine.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly string[] ScopeNames = ["$root", "$data", "$index"];

    private readonly string source;
    private int position;

    private ExpressionParser(string source) => this.source = source;

    /// <summary>
    /// The text's parts in order, literal text as string constants (as the official engine reads it);
    /// null when the text holds no <c>${</c> and is therefore plain text.
    /// </summary>
    public static IReadOnlyList<Expression>? ParseText(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<Expression>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                if (literal.Length > 0)
                {
                    parts.Add(Literal(literal.ToString()));
                    literal.Clear();
                }

                var end = FindClosingBrace(text, i + 2);
                parts.Add(ParseExpression(text[(i + 2)..end]));
                i = end + 1;
                continue;
            }

            if (text[i] is '\\' or '`')
            {
                // The official engine gives these escape meanings in text around ${...}; we keep templates free of them.
                throw new FormatException($"'{text[i]}' is not supported in text that contains ${{...}}");
            }

            literal.Append(text[i++]);
        }

        if (literal.Length > 0)
        {
            parts.Add(Literal(literal.ToString()));
        }

        return parts;
    }

    private static ConstantExpression Literal(string text) => new(JsonValue.Create(text));

    private static int FindClosingBrace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '}':
                    return i;
                case '\'' or '"':
                    var quote = text[i];
                    for (i++; i < text.Length && text[i] != quote; i++)
                    {
                        i += text[i] == '\\' ? 1 : 0;
                    }

                    if (i >= text.Length)
                    {
                        throw new FormatException("a string in ${...} is not closed");
                    }

                    break;
                case '{' or '`' or '\r' or '\n':
                    throw new FormatException($"'{text[i]}' is not supported inside ${{...}}");
            }
        }

        throw new FormatException("${ has no closing }");
    }

    public static Expression ParseExpression(string source)
    {
        var parser = new ExpressionParser(source);
        var expression = parser.ParsePrimary();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw parser.Unexpected("operators are not supported; use the functions " + string.Join(", ", TemplateFunction.All.Keys));
        }

        return expression;
    }

    private bool AtEnd => position >= source.Length;

    private char Peek => AtEnd ? '\0' : source[position];

    private Expression ParsePrimary()
    {
        SkipSpaces();
        return Peek switch
        {
            >= '0' and <= '9' => new ConstantExpression(JsonValue.Create(double.Parse(ReadNumber(), CultureInfo.InvariantCulture))),
            '\'' or '"' => new ConstantExpression(JsonValue.Create(ReadString())),
            var c when char.IsAsciiLetter(c) || c is '_' or '$' => ParseNameOrCall(),
            _ => throw Unexpected("expected a value, a path or a function call"),
        };
    }

    private Expression ParseNameOrCall()
    {
        var name = ReadName();
        SkipSpaces();
        if (Peek == '(')
        {
            return ParseCall(name);
        }

        var hasMembers = Peek is '.' or '[';
        switch (name)
        {
            case "true" or "false" when !hasMembers:
                return new ConstantExpression(JsonValue.Create(name == "true"));
            case "null" when !hasMembers:
                return new ConstantExpression(null);
            case "undefined":
                throw new FormatException("'undefined' is not supported");
        }

        if (name.StartsWith('$') && !ScopeNames.Contains(name))
        {
            throw new FormatException($"unknown name '{name}'; the names starting with $ are {string.Join(", ", ScopeNames)}");
        }

        var segments = new List<PathSegment>();
        while (Peek is '.' or '[')
        {
            if (source[position++] == '.')
            {
                segments.Add(new PathSegment(ReadName(allowDollar: false), null));
                continue;
            }

            SkipSpaces();
            if (!char.IsAsciiDigit(Peek))
            {
                throw Unexpected("only whole-number indexes such as [0] are supported");
            }

            var index = int.Parse(ReadDigits(), CultureInfo.InvariantCulture);
            SkipSpaces();
            Expect(']');
            segments.Add(new PathSegment(null, index));
        }

        return new PathExpression(name, segments);
    }

    private FunctionCall ParseCall(string name)
    {
        if (!TemplateFunction.All.TryGetValue(name, out var function))
        {
            throw new FormatException($"unknown function '{name}'; templates may use {string.Join(", ", TemplateFunction.All.Keys)}");
        }

        Expect('(');
        var arguments = new List<Expression>();
        SkipSpaces();
        if (Peek != ')')
        {
            arguments.Add(ParsePrimary());
            for (SkipSpaces(); Peek == ','; SkipSpaces())
            {
                position++;
                arguments.Add(ParsePrimary());
            }
        }

        Expect(')');
        if (arguments.Count != function.Arity)
        {
            throw new FormatException($"{name} takes {function.Arity} argument(s), not {arguments.Count}");
        }

        SkipSpaces();
        if (Peek is '.' or '[')
        {
            throw Unexpected("members of a function's result are not supported");
        }

        return new FunctionCall(function, arguments);
    }

    private string ReadName(bool allowDollar = true)
    {
        var start = position;
        if (Peek == '$' && allowDollar)
        {
            position++;
        }

        if (!(char.IsAsciiLetter(Peek) || Peek == '_'))
        {
            throw Unexpected("expected a name");
        }

        while (char.IsAsciiLetterOrDigit(Peek) || Peek == '_')
        {
            position++;
        }

        return source[start..position];
    }

    private string ReadNumber()
    {
        var number = ReadDigits();
        if (Peek == '.')
        {
            position++;
            number += "." + ReadDigits();
        }

        return number;
    }

    private string ReadDigits()
    {
        var start = position;
        while (char.IsAsciiDigit(Peek))
        {
            position++;
        }

        return start == position ? throw Unexpected("expected a digit") : source[start..position];
    }

    private string ReadString()
    {
        var quote = source[position++];
        var text = new StringBuilder();
        while (Peek != quote)
        {
            if (AtEnd)
            {
                throw new FormatException("a string is not closed");
            }

            var c = source[position++];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            text.Append(Peek switch
            {
                '\\' or '\'' or '"' => Peek,
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => throw Unexpected("the only escapes in strings are \\\\ \\' \\\" \\n \\r \\t"),
            });
            position++;
        }

        position++;
        return text.ToString();
    }

    private void Expect(char expected)
    {
        if (Peek != expected)
        {
            throw Unexpected($"expected '{expected}'");
        }

        position++;
    }

    private void SkipSpaces()
    {
        while (Peek is ' ' or '\t')
        {
            position++;
        }
    }

    private FormatException Unexpected(string hint) =>
        new(AtEnd ? $"unexpected end of '{source}': {hint}" : $"unexpected '{Peek}' at {position} in '{source}': {hint}");
}
