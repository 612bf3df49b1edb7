namespace TeamsPolicyBot.Guidance.Understanding.Words;

/// <summary>
/// Replaces what staff type for a word with the word itself, from <c>shorthand.yaml</c>: text-speak ("cn"),
/// abbreviations ("req"), run-together contractions ("dont"), common misspellings ("thier") and platform
/// nicknames ("insta"). A key may be several words ("tik tok"); the longest key that starts at a word wins.
/// </summary>
internal static class Shorthand
{
    private static readonly Dictionary<string, (string[] Key, string[] Words)[]> ByFirstWord = Load();

    /// <summary>Every typed form and what it stands for, for tests and the behaviour suite.</summary>
    public static IEnumerable<(string Typed, string Meaning)> Entries =>
        ByFirstWord.Values.SelectMany(e => e).Select(e => (string.Join(' ', e.Key), string.Join(' ', e.Words)));

    /// <summary>Whether <paramref name="word"/> starts some typed form ("b4", "tik").</summary>
    public static bool Knows(string word) => ByFirstWord.ContainsKey(word);

    public static List<string> Expand(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count + 4);
        for (var i = 0; i < tokens.Count; i++)
        {
            var match = ByFirstWord.TryGetValue(tokens[i], out var entries) ? Longest(entries, tokens, i) : null;
            if (match is null)
            {
                result.Add(tokens[i]);
                continue;
            }
            result.AddRange(match.Value.Words);
            i += match.Value.Key.Length - 1;
        }
        return result;
    }

    private static (string[] Key, string[] Words)? Longest((string[] Key, string[] Words)[] entries, IReadOnlyList<string> tokens, int at)
    {
        // Entries are kept longest key first.
        foreach (var entry in entries)
        {
            if (at + entry.Key.Length > tokens.Count) continue;
            var all = true;
            for (var k = 1; k < entry.Key.Length && all; k++) all = tokens[at + k] == entry.Key[k];
            if (all) return entry;
        }
        return null;
    }

    private static Dictionary<string, (string[] Key, string[] Words)[]> Load()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<(string[] Key, string[] Words)>();
        foreach (var (key, value) in WordFile.Read("shorthand.yaml").Values.SelectMany(s => s))
        {
            if (!seen.Add(key)) throw new InvalidOperationException($"shorthand.yaml lists '{key}' twice");
            entries.Add((key.Split(' ', StringSplitOptions.RemoveEmptyEntries), value.Single().Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }
        return entries.GroupBy(e => e.Key[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Key.Length).ToArray(), StringComparer.Ordinal);
    }
}
