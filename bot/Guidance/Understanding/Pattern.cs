using System.Collections.Concurrent;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// A short word pattern matched against a message's stems. Words are stemmed like the message, so
/// "send request" also matches "sent requests". Syntax: <c>a|b</c> alternatives in one slot,
/// <c>word*</c> a prefix, <c>~</c> allows up to three other words before the next slot, <c>#</c> any number.
/// </summary>
internal sealed class Pattern
{
    private const int Gap = 3;
    private static readonly ConcurrentDictionary<string, Pattern> Cache = new(StringComparer.Ordinal);

    private readonly Slot[] _slots;

    private Pattern(string text)
    {
        var slots = new List<Slot>();
        var gapBefore = false;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "~")
            {
                gapBefore = true;
                continue;
            }
            var options = part.Split('|');
            slots.Add(new Slot(
                options.Where(o => !o.EndsWith('*')).Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal),
                options.Where(o => o.EndsWith('*')).Select(o => o[..^1]).ToArray(),
                gapBefore));
            gapBefore = false;
        }
        _slots = [.. slots];
    }

    public static Pattern Of(string text) => Cache.GetOrAdd(text, t => new Pattern(t));

    /// <summary>Each match as the index of its first and last word.</summary>
    public IEnumerable<(int Start, int End)> Matches(Message message)
    {
        for (var start = 0; start < message.Count; start++)
        {
            if (!_slots[0].Accepts(message.Words[start])) continue;
            var end = MatchFrom(message, 1, start);
            if (end >= 0) yield return (start, end);
        }
    }

    // Called for every cue of every topic on every question: a loop, not Matches(message).Any(), which allocates.
    public bool IsIn(Message message)
    {
        for (var start = 0; start < message.Count; start++)
        {
            if (_slots[0].Accepts(message.Words[start]) && MatchFrom(message, 1, start) >= 0)
                return true;
        }
        return false;
    }

    private int MatchFrom(Message message, int slot, int previous)
    {
        if (slot == _slots.Length) return previous;
        var reach = _slots[slot].GapBefore ? Gap + 1 : 1;
        for (var i = previous + 1; i <= previous + reach && i < message.Count; i++)
        {
            if (!_slots[slot].Accepts(message.Words[i])) continue;
            var end = MatchFrom(message, slot + 1, i);
            if (end >= 0) return end;
        }
        return -1;
    }

    private sealed class Slot(HashSet<string> words, string[] prefixes, bool gapBefore)
    {
        /// <summary>The first letters this slot can accept: most words fail on it without hashing the word
        /// twice, which matters because every cue of every topic tries every word of every question.</summary>
        private readonly int _firstLetters = words.Concat(prefixes).Aggregate(0, (mask, w) => mask | FirstLetter(w));

        public bool GapBefore => gapBefore;

        public bool Accepts(Word word)
        {
            if ((_firstLetters & (FirstLetter(word.Text) | FirstLetter(word.Stem))) == 0) return false;
            if (words.Contains(word.Stem) || words.Contains(word.Text)) return true;
            foreach (var prefix in prefixes)
                if (word.Text.StartsWith(prefix, StringComparison.Ordinal) || word.Stem.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>One bit per letter a–z, one for anything else; an empty word (or prefix) could start with anything.</summary>
        private static int FirstLetter(string word) =>
            word.Length == 0 ? -1 : char.IsAsciiLetterLower(word[0]) ? 1 << (word[0] - 'a') : 1 << 26;
    }
}
