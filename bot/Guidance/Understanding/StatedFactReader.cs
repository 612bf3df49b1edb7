using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding.Words;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Reads the facts a message states in so many words ("full names", "a rumour", "without keeping a record")
/// from the word list <c>facts.yaml</c>: the first value with a pattern in the message is the fact's value; a
/// yes/no fact stated only after a "not" or "without" is <c>no</c>.
/// </summary>
internal static class StatedFactReader
{
    private sealed record Value(string Name, Pattern[] Patterns);

    private static readonly (string Fact, Value[] Values)[] Words = Load();

    public static void Read(Message m, Dictionary<string, string> facts)
    {
        foreach (var (fact, values) in Words)
        {
            string? negatedYes = null;
            foreach (var value in values)
            {
                var stated = Stated(m, value.Patterns, out var onlyNegated);
                if (stated)
                {
                    facts[fact] = value.Name;
                    negatedYes = null;
                    break;
                }
                if (onlyNegated && value.Name == Facts.Yes) negatedYes = Facts.No;
            }
            if (negatedYes is not null) facts[fact] = negatedYes;
        }
    }

    /// <summary>Whether a pattern is in the message other than after a negation; <paramref name="onlyNegated"/>: it is, but only there.</summary>
    private static bool Stated(Message m, Pattern[] patterns, out bool onlyNegated)
    {
        onlyNegated = false;
        foreach (var pattern in patterns)
        {
            foreach (var (start, _) in pattern.Matches(m))
            {
                if (!FactReader.Negated(m, start)) return true;
                onlyNegated = true;
            }
        }
        return false;
    }

    private static (string, Value[])[] Load() =>
        WordFile.Read("facts.yaml").Select(section =>
        {
            if (!Facts.Values.TryGetValue(section.Key, out var allowed))
                throw new InvalidOperationException($"facts.yaml names unknown fact '{section.Key}'");
            var values = section.Value.Select(entry =>
            {
                if (!allowed.Contains(entry.Key))
                    throw new InvalidOperationException($"facts.yaml gives {section.Key} the unknown value '{entry.Key}'");
                return new Value(entry.Key, entry.Value.Select(Pattern.Of).ToArray());
            }).ToArray();
            return (section.Key, values);
        }).ToArray();
}
