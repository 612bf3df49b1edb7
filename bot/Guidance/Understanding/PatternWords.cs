using System.Collections.Concurrent;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Numbers every word (stem) and every prefix (<c>messag*</c>) a <see cref="Pattern"/> names, so a
/// <see cref="Message"/> can record which of them it holds as bits, and a pattern test each option with a
/// shift instead of hashing or comparing strings. Patterns are made on first use, so the numbering grows
/// while the bot warms up; it never shrinks.
/// </summary>
internal static class PatternWords
{
    private const int Buckets = 27;

    private static readonly ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static volatile int _count;

    /// <summary>The numbered prefixes by first letter (a–z, then anything else), so a word is only tried
    /// against the few that could start it.</summary>
    private static volatile PrefixNumber[][] _prefixesByLetter = [.. Enumerable.Repeat(Array.Empty<PrefixNumber>(), Buckets)];

    /// <summary>How many words and prefixes are numbered: everything numbered below it can be found.</summary>
    public static int Count => _count;

    /// <summary>The numbered prefixes that could start <paramref name="word"/>: those with its first letter.</summary>
    public static ReadOnlySpan<PrefixNumber> PrefixesFor(string word) => word.Length == 0 ? [] : _prefixesByLetter[Bucket(word[0])];

    public static int Add(string word) => Number(word, isPrefix: false);

    public static int AddPrefix(string prefix) => Number(prefix, isPrefix: true);

    /// <returns>The word's number, or -1 when no pattern names it.</returns>
    public static int Find(string word) => Numbers.TryGetValue(word, out var number) ? number : -1;

    private static int Number(string text, bool isPrefix)
    {
        // A prefix is kept apart from the word it is spelt like: "post*" is not "post".
        var key = isPrefix ? text + "*" : text;
        lock (Gate)
        {
            if (Numbers.TryGetValue(key, out var number)) return number;
            number = _count;
            Numbers[key] = number;
            if (isPrefix)
            {
                var byLetter = (PrefixNumber[][])_prefixesByLetter.Clone();
                // An empty prefix starts every word.
                foreach (var bucket in text.Length == 0 ? Enumerable.Range(0, Buckets) : [Bucket(text[0])])
                    byLetter[bucket] = [.. byLetter[bucket], new PrefixNumber(text, number)];
                _prefixesByLetter = byLetter;
            }
            // Published last, so whoever reads Count first finds everything numbered below it.
            _count = number + 1;
            return number;
        }
    }

    private static int Bucket(char first) => char.IsAsciiLetterLower(first) ? first - 'a' : Buckets - 1;
}

internal readonly record struct PrefixNumber(string Prefix, int Number);
