namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Numbers every word (stem) a <see cref="Pattern"/> names, so a <see cref="Message"/> can record which of
/// them it contains as bits, and a pattern test each word it needs with a shift instead of hashing a string.
/// Patterns are made on first use, so the numbering grows while the bot warms up; it never shrinks.
/// </summary>
internal static class PatternWords
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static volatile int _count;

    /// <summary>How many words are numbered: every number below it can be found with <see cref="Find"/>.</summary>
    public static int Count => _count;

    public static int Add(string word)
    {
        lock (Gate)
        {
            if (Numbers.TryGetValue(word, out var number)) return number;
            number = _count;
            Numbers[word] = number;
            // Published after the word, so whoever reads Count can find every word below it.
            _count = number + 1;
            return number;
        }
    }

    /// <returns>The word's number, or -1 when no pattern names it.</returns>
    public static int Find(string word) => Numbers.TryGetValue(word, out var number) ? number : -1;
}
