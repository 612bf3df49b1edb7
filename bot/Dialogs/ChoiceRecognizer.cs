using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Understands a typed answer to a choice question. In order: the whole message is a choice's text or one of its
/// synonyms (ignoring case, spaces and punctuation); a position ("2", "second", "the 2nd one", "last"); for a
/// Yes/No choice a message that starts with yes or no ("yeah", "nope, not yet"); the message mentions exactly one
/// choice's text or synonym ("she's 19 now"). Synonyms come before positions, so a choice with synonym "2" wins
/// over the second choice.
/// </summary>
public static partial class ChoiceRecognizer
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    private static readonly string[] ShortOrdinals = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"];
    private static readonly string[] Cardinals = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    private static readonly HashSet<string> YesWords = ["yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct"];
    private static readonly HashSet<string> NoWords = ["no", "n", "nope", "nah"];

    /// <returns>The choice the user meant, or null when the text names none, or more than one.</returns>
    public static FoundChoice? Recognize(string text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var words = Words(text);
        if (words.Length == 0 || choices.Count == 0)
            return null;
        var phrases = choices
            .SelectMany((choice, index) => choice.Synonyms.Prepend(choice.Value).Select(phrase => new Phrase(index, Words(phrase))))
            .Where(phrase => phrase.Words.Length > 0)
            .ToList();

        var exact = phrases.Where(p => p.Words.AsSpan().SequenceEqual(words)).Select(p => p.Choice).Distinct().ToList();
        var index = exact.Count switch
        {
            0 => Position(words, choices.Count) ?? YesOrNo(words[0], choices) ?? Mentioned(words, phrases),
            1 => exact[0],
            _ => null, // two choices share that text: the user has to say which
        };
        return index is { } found ? new FoundChoice(choices[found].Value, found) : null;
    }

    /// <summary>Lower-case words: letters and digits, everything else separates them.</summary>
    /// <remarks>Every message turn reads its text this way several times (cancel, start over, commands), so no match objects.</remarks>
    internal static string[] Words(string text)
    {
        var lower = text.ToLowerInvariant();
        var words = new List<string>();
        foreach (var word in WordPattern().EnumerateMatches(lower))
            words.Add(lower.Substring(word.Index, word.Length));
        return [.. words];
    }

    private static int? Position(string[] words, int count)
    {
        var rest = words.SkipWhile(word => word is "the" or "option" or "number" or "choice").ToList();
        if (rest.Count == 2 && rest[1] == "one")
            rest.RemoveAt(1);
        if (rest.Count != 1)
            return null;
        var word = rest[0];
        var position = word == "last" ? count
            : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
            : Math.Max(Array.IndexOf(Ordinals, word), Math.Max(Array.IndexOf(ShortOrdinals, word), Array.IndexOf(Cardinals, word))) + 1;
        return position >= 1 && position <= count ? position - 1 : null;
    }

    private static int? YesOrNo(string firstWord, IReadOnlyList<Choice> choices)
    {
        var answer = YesWords.Contains(firstWord) ? "yes" : NoWords.Contains(firstWord) ? "no" : null;
        if (answer is null)
            return null;
        var index = choices.ToList().FindIndex(choice => Words(choice.Value) is [var only] && only == answer);
        return index >= 0 ? index : null;
    }

    /// <summary>The one choice whose text or synonym appears in the message; the longest mention wins over those inside it.</summary>
    private static int? Mentioned(string[] words, List<Phrase> phrases)
    {
        var mentions = phrases
            .SelectMany(phrase => Occurrences(words, phrase.Words).Select(start => new Mention(phrase.Choice, start, phrase.Words.Length)))
            .ToList();
        if (mentions.Count == 0)
            return null;
        var longest = mentions.MaxBy(mention => mention.Length)!;
        var rivals = mentions.Where(m => m.Choice != longest.Choice && (m.Length == longest.Length || !longest.Covers(m)));
        return rivals.Any() ? null : longest.Choice;
    }

    private static IEnumerable<int> Occurrences(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            if (words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
                yield return start;
        }
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();

    private sealed record Phrase(int Choice, string[] Words);

    private sealed record Mention(int Choice, int Start, int Length)
    {
        public bool Covers(Mention other) => other.Start >= Start && other.Start + other.Length <= Start + Length;
    }
}
