using System.Text.RegularExpressions;
using TeamsPolicyBot.Guidance.Understanding.Words;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>One word of a message: as typed (lower-cased, spelling repaired), its stem, whether it
/// was followed by a possessive 's ("the pupil's mum": "pupil" is possessive), and whether it starts a sentence.</summary>
internal sealed record Word(string Text, string Stem, bool Possessive, bool StartsSentence = false);

/// <summary>A member of staff's message as words: contractions expanded, shorthand and platform nicknames
/// replaced from <see cref="Shorthand"/>, number words as digits, spelling repaired, words of two senses read in
/// theirs (<see cref="WordSenses"/>).</summary>
internal sealed partial class Message
{
    private const string PossessiveMark = "\u0001s";
    private const string SentenceMark = "\u0002";

    private readonly Word[] _words;
    private readonly MessagePatternWords _patternWords;

    public IReadOnlyList<Word> Words => _words;

    public Message(string text, Lexicon lexicon)
    {
        var tokens = Shorthand.Expand(Tokens(Normalise(text)));
        var words = new List<Word>(tokens.Count);
        var sentenceStarts = true;
        foreach (var token in NumberWords.Replace(tokens))
        {
            if (token == PossessiveMark)
            {
                if (words.Count > 0) words[^1] = words[^1] with { Possessive = true };
                continue;
            }
            if (token == SentenceMark)
            {
                sentenceStarts = true;
                continue;
            }
            // "Year 10s", "my Y9s": the plural of a number is the number.
            if (token == "s" && words.Count > 0 && words[^1].Text.All(char.IsAsciiDigit)) continue;
            var corrected = lexicon.Correct(token);
            // A slip in shorthand ("nista") is corrected to the shorthand ("insta"), which stands for words.
            foreach (var word in corrected != token && Shorthand.Knows(corrected) ? Shorthand.Expand([corrected]) : [corrected])
            {
                words.Add(new Word(word, Stemmer.Stem(word), false, sentenceStarts));
                sentenceStarts = false;
            }
        }
        _words = [.. words];
        _patternWords = new MessagePatternWords(_words);
        // "write my reports": read in their sense before any reader sees them.
        if (WordSenses.Read(this, _words) is { } read)
        {
            _words = read;
            _patternWords = new MessagePatternWords(_words);
        }
    }

    public int Count => _words.Length;

    public string this[int index] => index >= 0 && index < _words.Length ? _words[index].Text : "";

    public string StemAt(int index) => index >= 0 && index < _words.Length ? _words[index].Stem : "";

    /// <summary>Whether the word at <paramref name="index"/> begins a sentence ("…feel ignored. The Head agreed": "the").</summary>
    public bool StartsSentence(int index) => index >= 0 && index < _words.Length && _words[index].StartsSentence;

    /// <summary>Whether the word at <paramref name="index"/> is one of <paramref name="words"/>, in any form ("photos" is "photo").</summary>
    public bool Is(int index, params ReadOnlySpan<string> words)
    {
        if (index < 0 || index >= _words.Length) return false;
        var word = _words[index];
        foreach (var candidate in words)
            if (word.Text == candidate || word.Stem == Stemmer.StemOfConstant(candidate)) return true;
        return false;
    }

    /// <summary>Whether some word of the message is, or has the stem, the pattern word numbered <paramref name="patternWord"/>;
    /// or, for a prefix's number, starts with it.</summary>
    public bool Contains(int patternWord) => _patternWords.Contains(patternWord);

    /// <summary>Whether the word at <paramref name="index"/> is, or has the stem, the pattern word numbered <paramref name="patternWord"/>.</summary>
    public bool HasAt(int index, int patternWord) => _patternWords.HasAt(index, patternWord);

    /// <summary>The numbers of the pattern words and prefixes the message holds, lowest first.</summary>
    public IEnumerable<int> PatternWordsPresent() => _patternWords.Present();

    private static string Normalise(string text)
    {
        var s = text.ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'')
            .Replace('\u201c', '"').Replace('\u201d', '"').Replace("&", " and ");
        s = Contraction().Replace(s, m => m.Groups[1].Value switch
        {
            "can't" or "cant" or "cannot" => "can not",
            "won't" or "wont" => "will not",
            _ => m.Groups[1].Value,
        });
        // The passes below but one need an apostrophe, which most messages no longer have; the regexes that
        // start at a word, not at the apostrophe, would otherwise try every word of the message to find none.
        var apostrophe = s.Contains('\'');
        if (apostrophe)
        {
            s = NegativeContraction().Replace(s, " not");
            // "dm'd", "msg'd", "txt'd": a verb made past, not "would".
            s = ShorthandPast().Replace(s, "$1ed");
            s = BeContraction().Replace(s, "$1 is");
            s = s.Replace("'re", " are").Replace("'m", " am").Replace("'ve", " have").Replace("'ll", " will").Replace("'d", " would");
        }
        s = YearShort().Replace(s, "year $1");
        s = SentenceEnd().Replace(s, " " + SentenceMark + " ");
        if (apostrophe)
        {
            s = Possessive().Replace(s, " " + PossessiveMark + " ");
            s = PluralPossessive().Replace(s, "$1 " + PossessiveMark + " ");
        }
        return s;
    }

    /// <summary>The message's words; "16yo" is two ("16", "yo") unless the shorthand list knows it whole ("b4").</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var match in Token().EnumerateMatches(text))
        {
            var token = text.Substring(match.Index, match.Length);
            if (IsMixed(token) && !Shorthand.Knows(token))
            {
                foreach (var run in LettersOrDigits().EnumerateMatches(token))
                    tokens.Add(token.Substring(run.Index, run.Length));
            }
            else
            {
                tokens.Add(token);
            }
        }
        return tokens;
    }

    private static bool IsMixed(string token) => token.Any(char.IsAsciiDigit) && token.Any(char.IsAsciiLetter);

    [GeneratedRegex(@"\b(can't|cant|cannot|won't|wont)\b")]
    private static partial Regex Contraction();

    [GeneratedRegex(@"\b(dm|pm|msg|txt)'d\b")]
    private static partial Regex ShorthandPast();

    [GeneratedRegex(@"n't\b")]
    private static partial Regex NegativeContraction();

    [GeneratedRegex(@"\b(he|she|it|that|who|what|there|where|they|here)'s\b")]
    private static partial Regex BeContraction();

    [GeneratedRegex(@"\b(?:y|yr|yrs|year)[ -]?(\d{1,2})s?\b")]
    private static partial Regex YearShort();

    [GeneratedRegex(@"'s\b")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b([a-z]+s)'(?=\s|$)")]
    private static partial Regex PluralPossessive();

    [GeneratedRegex("\u0001s|\u0002|[a-z0-9]+")]
    private static partial Regex Token();

    /// <summary>A full stop, question or exclamation mark or semicolon ending a sentence (not "2.1").</summary>
    [GeneratedRegex(@"[.!?;]+(?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[a-z]+|[0-9]+")]
    private static partial Regex LettersOrDigits();
}
