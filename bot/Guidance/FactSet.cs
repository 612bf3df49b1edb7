using System.Collections.Immutable;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Guidance;

/// <summary>The facts about one person in one situation, as rules see them: what the message said,
/// then the fact's stated default, or unknown (null) for the facts that are asked.</summary>
internal sealed record FactSet(string Topic, ImmutableDictionary<string, string> Values, AgeRange Age)
{
    public string? Get(string fact) =>
        Values.TryGetValue(fact, out var value) ? value
        : Facts.IsAsked(Topic, fact) ? null
        : Facts.DefaultFor(Topic, fact);

    public bool IsStated(string fact) => Values.ContainsKey(fact);

    public bool IsUnknown(string fact) => !Values.ContainsKey(fact) && Facts.IsAsked(Topic, fact);

    public FactSet With(string fact, string value) =>
        fact == Facts.Age
            ? this with { Age = AgeRange.TryParse(value, out var band) ? Age.Intersect(band) : Age }
            : this with { Values = Values.SetItem(fact, value) };
}
