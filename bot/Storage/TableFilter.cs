using System.Globalization;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Builds OData filters with every interpolated value written as a typed literal, so user input
/// can never change the shape of a query: <c>TableFilter.Create($"PartitionKey eq {pk} and Due lt {now}")</c>.
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>The OData literal for one value: strings quoted with <c>'</c> doubled, <c>123L</c>, <c>datetime'…'</c>, <c>guid'…'</c>.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("Table filters cannot compare with null; a missing property never matches."),
        string text => Quote(text),
        Enum choice => Quote(choice.ToString()),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => DoubleLiteral(number),
        DateTimeOffset moment => $"datetime'{TableValueFormat.DateTime(moment)}'",
        Guid id => $"guid'{id:D}'",
        _ => throw new ArgumentException($"Table filters cannot compare with a {value.GetType().Name}."),
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException("Table filters cannot compare with NaN or infinity.");
        }
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        // Without a '.' or exponent the service reads the literal as an Int32 and never matches a Double property.
        return text.AsSpan().ContainsAny(".E") ? text : text + ".0";
    }
}
