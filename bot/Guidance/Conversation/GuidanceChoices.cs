using System.Globalization;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// Turns the engine's <see cref="GuidanceQuestion"/> into a choice prompt that also understands what staff type
/// instead of pressing a button: an age ("19", "she's 16 now") picks its band, and everyday words pick a person
/// ("her mum" → a parent, "she's my niece" → someone else, who is a relative).
/// </summary>
public static class GuidanceChoices
{
    // Typed ages beyond this are not offered as synonyms: nobody is asked about a 120-year-old.
    private const int OldestTypedAge = 99;

    private static readonly string[] RelativeWords =
    [
        "niece", "nephew", "cousin", "aunt", "auntie", "uncle", "brother", "sister", "son", "daughter",
        "grandson", "granddaughter", "relative", "family", "godson", "goddaughter", "stepson", "stepdaughter",
    ];

    private static readonly Dictionary<string, string[]> PersonSynonyms = new()
    {
        [Facts.People.CurrentPupil] = ["pupil", "current pupil", "student", "in my class", "one of my pupils", "child at school"],
        [Facts.People.FormerPupil] = ["former pupil", "ex pupil", "expupil", "former student", "ex student", "left", "has left", "left the school", "old pupil"],
        [Facts.People.Parent] = ["parent", "mum", "mother", "dad", "father", "carer", "guardian", "step parent"],
        [Facts.People.Colleague] = ["colleague", "teacher", "member of staff", "staff", "coworker", "co worker", "teaching assistant", "ta"],
        [Facts.People.Other] = ["someone else", "friend", "neighbour", "stranger", "nobody from school", .. RelativeWords],
    };

    private static readonly Dictionary<string, string[]> AccountSynonyms = new()
    {
        ["personal"] = ["personal", "mine", "my own", "my account", "my page", "my profile"],
        ["official"] = ["official", "school", "school account", "school page", "the school s", "academy", "trust"],
    };

    /// <summary>The prompt for <paramref name="question"/>: one button per choice (its label), with typed synonyms.</summary>
    public static PromptOptions Prompt(GuidanceQuestion question) => new()
    {
        Prompt = question.Question,
        Choices = question.Choices
            .Take(ChoicePrompt.MaxChoices)
            .Select(choice => new Choice(choice.Label) { Synonyms = Synonyms(question.Fact, choice.Value) })
            .ToList(),
    };

    /// <summary>
    /// Facts a typed answer gives besides the choice itself: "she's my niece" answers who the person is and also
    /// that they are a relative, which the pack's rules may test.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExtraFacts(string fact, string typed)
    {
        if (fact != Facts.Person)
            return new Dictionary<string, string>();
        var words = ChoiceRecognizer.Words(typed);
        return words.Any(word => RelativeWords.Contains(word))
            ? new Dictionary<string, string> { [Facts.Relative] = Facts.Yes }
            : new Dictionary<string, string>();
    }

    private static IReadOnlyList<string> Synonyms(string fact, string value) => fact switch
    {
        Facts.Age when AgeRange.TryParse(value, out var band) => Ages(band),
        Facts.Person => PersonSynonyms.GetValueOrDefault(value) ?? [],
        Facts.Account => AccountSynonyms.GetValueOrDefault(value) ?? [],
        _ => [value],
    };

    private static string[] Ages(AgeRange band) =>
        Enumerable.Range(band.Min, Math.Max(0, Math.Min(band.Max, OldestTypedAge) - band.Min + 1))
            .Select(age => age.ToString(CultureInfo.InvariantCulture))
            .ToArray();
}
