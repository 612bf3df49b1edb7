using System.Text.RegularExpressions;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;
using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Cli.Behaviour;

/// <summary>
/// A question changed in one fact the pack rules on (CheckList's directional tests), with the same change made
/// to the situation as the engine read it: what the pack says for the changed situation is the answer the
/// changed wording must get.
/// </summary>
internal sealed record DirectionalVariant(string Type, string Question, Situation Expected);

/// <summary>
/// Makes the directional variants of a question: an age moved across each of the pack's thresholds, a pupil made
/// the member of staff's relative, a current pupil made a former one, and consent given or refused. A variant is
/// made only where the pack's rules (or duties) for the question's topic test that fact.
/// </summary>
internal static partial class Directions
{
    public const string Age = "age across the threshold";
    public const string Relative = "relative or not";
    public const string Former = "current or former pupil";
    public const string Consent = "consent given or not";

    public static readonly IReadOnlyList<string> Types = [Age, Relative, Former, Consent];

    /// <summary>The age a current pupil is given when made a former one: an adult, so only the role changes the answer.</summary>
    private const int FormerPupilAge = 25;

    public static IEnumerable<DirectionalVariant> For(string question, Situation read, PolicyPack pack)
    {
        if (read.Topic is not { } topic) yield break;
        var rules = pack.RulesFor(topic);
        foreach (var variant in Ages(question, read, rules, pack.Duties)) yield return variant;
        if (Tests(rules, pack.Duties, Facts.Relative) && RelativeOf(question, read) is { } relative) yield return relative;
        if (rules.Any(r => r.When.Any(c => c.Fact == Facts.Person && c.Values.Contains(FormerPupil))) && FormerOf(question, read) is { } former)
            yield return former;
        foreach (var variant in Consents(question, read, rules)) yield return variant;
    }

    private static IEnumerable<DirectionalVariant> Ages(string question, Situation read, IReadOnlyList<PackRule> rules, IReadOnlyList<PackDuty> duties)
    {
        var person = read.People.FirstOrDefault(p => p.Age.Min == p.Age.Max);
        // Only an age the question gives once and nowhere else: "left eight years ago" or "Year 10" would contradict a new one.
        if (person is null || Regex.Matches(question, $@"\b{person.Age.Min}\b").Count != 1 || OtherAgeEvidence().IsMatch(question)) yield break;
        var thresholds = rules.SelectMany(r => new[] { r.AgeUnder, r.AgeAtLeast })
            .Concat(duties.SelectMany(d => new[] { d.AgeUnder, d.AgeAtLeast }))
            .OfType<int>().Distinct().Order();
        foreach (var threshold in thresholds)
        {
            foreach (var age in new[] { threshold - 1, threshold })
            {
                var text = Regex.Replace(question, $@"\b{person.Age.Min}\b", age.ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield return new DirectionalVariant(Age, text, With(read, person, person with { Age = AgeRange.Exactly(age) }));
            }
        }
    }

    /// <summary>"A Year 10 pupil sent me…" → "My nephew, who is a Year 10 pupil, sent me…".</summary>
    private static DirectionalVariant? RelativeOf(string question, Situation read)
    {
        var person = read.People.FirstOrDefault(p => p.Role is CurrentPupil or FormerPupil && p.Relative != true);
        var phrase = PupilPhrase().Match(question);
        if (person is null || !phrase.Success || NotRelated().IsMatch(question)) return null;
        var relation = SheOrHer().IsMatch(question) ? "niece" : "nephew";
        var start = phrase.Index == 0 ? "My" : "my";
        var rest = question[(phrase.Index + phrase.Length)..];
        var text = question[..phrase.Index] + $"{start} {relation}, who is {Lower(phrase.Value, phrase.Index)}" + (rest.StartsWith(',') ? "" : ",") + rest;
        return new DirectionalVariant(Relative, text, With(read, person, person with { Relative = true }));
    }

    /// <summary>"A Year 10 pupil sent me…" → "A former pupil who is now 25 sent me…".</summary>
    private static DirectionalVariant? FormerOf(string question, Situation read)
    {
        var person = read.People.FirstOrDefault(p => p.Role == CurrentPupil && p.Relative != true);
        var phrase = ArticlePupil().Match(question);
        // Nothing else may say they are a pupil now ("in my class", "in Year 8"), or the changed question contradicts itself.
        if (person is null || !phrase.Success
            || StillAPupil().IsMatch(question[..phrase.Index] + question[(phrase.Index + phrase.Length)..])) return null;
        var article = char.IsUpper(phrase.Value[0]) ? "A" : "a";
        var text = question[..phrase.Index] + $"{article} former {phrase.Groups[3].Value.ToLowerInvariant()} who is now {FormerPupilAge}"
                   + question[(phrase.Index + phrase.Length)..];
        return new DirectionalVariant(Former, text,
            With(read, person, person with { Role = FormerPupil, Age = AgeRange.Exactly(FormerPupilAge) }));
    }

    private static IEnumerable<DirectionalVariant> Consents(string question, Situation read, IReadOnlyList<PackRule> rules)
    {
        if (Tests(rules, [], Facts.HeadteacherAgreed) && !read.Facts.ContainsKey(Facts.HeadteacherAgreed))
        {
            yield return Stated(question, read, Facts.HeadteacherAgreed, Facts.Yes, "The Headteacher has agreed to it in writing.");
            yield return Stated(question, read, Facts.HeadteacherAgreed, Facts.No, "The Headteacher has not agreed to it.");
        }
        if (Tests(rules, [], Facts.ParentConsent) && !read.Facts.ContainsKey(Facts.ParentConsent))
        {
            yield return Stated(question, read, Facts.ParentConsent, Facts.Yes, "I have written consent from their parents.");
            yield return Stated(question, read, Facts.ParentConsent, Facts.No, "I do not have their parents' consent.");
        }
    }

    private static DirectionalVariant Stated(string question, Situation read, string fact, string value, string sentence)
    {
        var facts = new Dictionary<string, string>(read.Facts) { [fact] = value };
        var ended = question.TrimEnd() is var q && (q.EndsWith('.') || q.EndsWith('?') || q.EndsWith('!')) ? q : q + ".";
        return new DirectionalVariant(Consent, $"{ended} {sentence}", read with { Facts = facts });
    }

    private static bool Tests(IReadOnlyList<PackRule> rules, IReadOnlyList<PackDuty> duties, string fact) =>
        rules.Any(r => r.When.Any(c => c.Fact == fact)) || duties.Any(d => d.When.Concat(d.Unless).Any(c => c.Fact == fact));

    private static Situation With(Situation read, Person before, Person after) =>
        read with { People = read.People.Select(p => p == before ? after : p).ToList() };

    private static string Lower(string phrase, int index) => index == 0 ? char.ToLowerInvariant(phrase[0]) + phrase[1..] : phrase;

    [GeneratedRegex(@"\b(?:[Aa]n?|[Oo]ne of my)\s+(?:Year\s*\d+\s+)?(?:pupil|student|girl|boy|child|kid|lad|learner)s?\b")]
    private static partial Regex PupilPhrase();

    [GeneratedRegex(@"\b([Aa]n?)\s+(Year\s*\d+\s+)?(pupil|student)\b")]
    private static partial Regex ArticlePupil();

    [GeneratedRegex(@"\b(ago|left|graduated|Year\s*\d+|Y\d+|(19|20)\d\d|sixth form\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherAgeEvidence();

    [GeneratedRegex(@"\b(Year\s*\d+|Y\d+|sixth form\w*|(my|our|the) (class|form|tutor group|school|academy)|reception|tutees?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StillAPupil();

    [GeneratedRegex(@"\b(not related|isn't related|isn’t related|no relation|not a relative|unrelated|not family)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotRelated();

    [GeneratedRegex(@"\b(she|her|hers|girl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SheOrHer();
}
