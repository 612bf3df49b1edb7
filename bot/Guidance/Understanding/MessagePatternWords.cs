using System.Numerics;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// The pattern words and prefixes (see <see cref="PatternWords"/>) in a message: each word's number by text and
/// by stem (-1 when no pattern names it), and every number the message holds as a bit, prefixes included, so
/// a pattern tests a word it needs with a shift. Numbered on first use, and again when a pattern made since
/// names a word numbered later, so the order patterns are made in never changes what a message matches.
/// </summary>
internal sealed class MessagePatternWords(Word[] words)
{
    private int _numbered;
    private int[] _textNumbers = [];
    private int[] _stemNumbers = [];
    private ulong[] _present = [];

    // The "numbered yet?" checks stay in these small members, which run thousands of times per answer; the
    // numbering, once per message, stays out of them.
    public bool Contains(int patternWord)
    {
        if (patternWord >= _numbered) Number();
        return (_present[patternWord / 64] & (1UL << (patternWord % 64))) != 0;
    }

    public bool HasAt(int index, int patternWord)
    {
        if (patternWord >= _numbered) Number();
        return _textNumbers[index] == patternWord || _stemNumbers[index] == patternWord;
    }

    public IEnumerable<int> Present()
    {
        if (_numbered < PatternWords.Count) Number();
        var present = _present;
        for (var block = 0; block < present.Length; block++)
        {
            for (var bits = present[block]; bits != 0; bits &= bits - 1)
                yield return block * 64 + BitOperations.TrailingZeroCount(bits);
        }
    }

    private void Number()
    {
        _numbered = PatternWords.Count;
        _textNumbers = new int[words.Length];
        _stemNumbers = new int[words.Length];
        _present = new ulong[(_numbered + 63) / 64];
        for (var i = 0; i < words.Length; i++)
        {
            _textNumbers[i] = Number(words[i].Text);
            _stemNumbers[i] = Number(words[i].Stem);
            MarkPrefixes(words[i].Text);
            // Usually the stem starts the text ("photo", "photos"), and so does every prefix of it.
            if (!words[i].Text.StartsWith(words[i].Stem, StringComparison.Ordinal)) MarkPrefixes(words[i].Stem);
        }
    }

    /// <summary>The word's number, marked present; -1 for a word no pattern names (or one numbered since counting began).</summary>
    private int Number(string word)
    {
        var number = PatternWords.Find(word);
        if (number < 0 || number >= _numbered) return -1;
        Mark(number);
        return number;
    }

    private void MarkPrefixes(string word)
    {
        foreach (var (prefix, number) in PatternWords.PrefixesFor(word))
            if (number < _numbered && word.StartsWith(prefix, StringComparison.Ordinal)) Mark(number);
    }

    private void Mark(int number) => _present[number / 64] |= 1UL << (number % 64);
}
