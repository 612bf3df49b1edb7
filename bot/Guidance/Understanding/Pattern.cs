namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// A short word pattern matched against a message's stems. Words are stemmed like the message, so
/// "send request" also matches "sent requests". Syntax: <c>a|b</c> alternatives in one slot,
/// <c>word*</c> a prefix, <c>~</c> allows up to three other words before the next slot, <c>~~</c> up to eight
/// ("not want ~~ photographed" for "doesn't want her daughter in Year 5 photographed").
/// </summary>
internal sealed class Pattern
{
    private const int Gap = 3;
    private const int LongGap = 8;
    private static readonly LiteralCache<Pattern> Cache = new(text => new Pattern(text));

    private readonly Slot[] _slots;

    private Pattern(string text)
    {
        var slots = new List<Slot>();
        var gapBefore = 0;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "~" or "~~")
            {
                gapBefore = part == "~" ? Gap : LongGap;
                continue;
            }
            var options = part.Split('|');
            var prefixes = options.Where(o => o.EndsWith('*')).Select(o => o[..^1]).ToArray();
            slots.Add(new Slot(
                options.Where(o => !o.EndsWith('*')).Select(o => PatternWords.Add(Stemmer.Stem(o))).Distinct().ToArray(),
                prefixes,
                prefixes.Select(PatternWords.AddPrefix).ToArray(),
                gapBefore));
            gapBefore = 0;
        }
        _slots = [.. slots];
    }

    /// <param name="text">The pattern, written in the engine's code (see <see cref="LiteralCache{T}"/>).</param>
    public static Pattern Of(string text) => Cache[text];

    /// <summary>The numbers (see <see cref="PatternWords"/>) of the words and prefixes the first slot accepts:
    /// a message holding none of them cannot match.</summary>
    public IEnumerable<int> FirstWords => _slots[0].Numbers;

    /// <summary>Each match as the index of its first and last word: one per first word, the shortest from it.</summary>
    public IEnumerable<(int Start, int End)> Matches(Message message) => CanMatch(message) ? MatchesFrom(message) : [];

    /// <summary>Whether the message holds a match; allocates nothing, unlike <c>Matches(message).Any()</c>.</summary>
    public bool IsIn(Message message)
    {
        if (!CanMatch(message)) return false;
        for (var start = 0; start < message.Count; start++)
        {
            if (_slots[0].Accepts(message, start) && MatchFrom(message, 1, start) >= 0)
                return true;
        }
        return false;
    }

    /// <summary>Whether one of the <see cref="Matches"/> starts at word <paramref name="index"/>.</summary>
    public bool StartsAt(Message message, int index) =>
        index >= 0 && index < message.Count && CanMatch(message) && _slots[0].Accepts(message, index) && MatchFrom(message, 1, index) >= 0;

    /// <summary>Whether one of the <see cref="Matches"/> ends at word <paramref name="index"/>.</summary>
    public bool EndsAt(Message message, int index)
    {
        if (!CanMatch(message)) return false;
        for (var start = 0; start <= index && start < message.Count; start++)
        {
            if (_slots[0].Accepts(message, start) && MatchFrom(message, 1, start) == index)
                return true;
        }
        return false;
    }

    private IEnumerable<(int Start, int End)> MatchesFrom(Message message)
    {
        for (var start = 0; start < message.Count; start++)
        {
            if (!_slots[0].Accepts(message, start)) continue;
            var end = MatchFrom(message, 1, start);
            if (end >= 0) yield return (start, end);
        }
    }

    /// <summary>Whether every slot has some word of the message to accept: most patterns fail here, in a few
    /// lookups, instead of trying their first slot at every word.</summary>
    private bool CanMatch(Message message)
    {
        foreach (var slot in _slots)
            if (!slot.OccursIn(message)) return false;
        return true;
    }

    private int MatchFrom(Message message, int slot, int previous)
    {
        if (slot == _slots.Length) return previous;
        var reach = _slots[slot].GapBefore + 1;
        for (var i = previous + 1; i <= previous + reach && i < message.Count; i++)
        {
            if (!_slots[slot].Accepts(message, i)) continue;
            var end = MatchFrom(message, slot + 1, i);
            if (end >= 0) return end;
        }
        return -1;
    }

    /// <param name="words">The <see cref="PatternWords"/> numbers of the stems this slot accepts (a word's text or stem).</param>
    /// <param name="prefixes">Beginnings this slot accepts of a word's text or stem.</param>
    /// <param name="prefixNumbers">The <see cref="PatternWords"/> numbers of <paramref name="prefixes"/>.</param>
    /// <param name="gapBefore">How many other words may come before this slot's word.</param>
    private sealed class Slot(int[] words, string[] prefixes, int[] prefixNumbers, int gapBefore)
    {
        public int GapBefore => gapBefore;

        public IEnumerable<int> Numbers => words.Concat(prefixNumbers);

        public bool Accepts(Message message, int index)
        {
            foreach (var word in words)
                if (message.HasAt(index, word)) return true;
            var text = message[index];
            var stem = message.StemAt(index);
            foreach (var prefix in prefixes)
                if (text.StartsWith(prefix, StringComparison.Ordinal) || stem.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        }

        public bool OccursIn(Message message)
        {
            foreach (var word in words)
                if (message.Contains(word)) return true;
            foreach (var prefix in prefixNumbers)
                if (message.Contains(prefix)) return true;
            return false;
        }
    }
}
