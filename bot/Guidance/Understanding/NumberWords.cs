namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>Turns number words into digits: "nineteen" → 19, "twenty one" → 21.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Replaces runs of number words in a token list; "one" stays a word before "of" ("one of my pupils").</summary>
    public static List<string> Replace(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Tens.TryGetValue(token, out var tens))
            {
                if (i + 1 < tokens.Count && Units.TryGetValue(tokens[i + 1], out var unit) && unit < 10)
                {
                    result.Add((tens + unit).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    i++;
                }
                else
                {
                    result.Add(tens.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else if (Units.TryGetValue(token, out var units) && !(token == "one" && i + 1 < tokens.Count && tokens[i + 1] == "of"))
            {
                result.Add(units.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                result.Add(token);
            }
        }
        return result;
    }
}
