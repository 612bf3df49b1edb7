using System.Collections.Immutable;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Guidance;

/// <summary>A topic's rules run on facts already known (e.g. answers on a form), without reading a question.</summary>
public static class KnownFacts
{
    /// <returns>The rule that decides, or null when no rule fits or a fact the rules need is missing.</returns>
    public static PackRule? Decide(PolicyPack pack, string topic, IReadOnlyDictionary<string, string> facts) =>
        RuleEvaluator.Decide(pack.RulesFor(topic), new FactSet(topic, facts.ToImmutableDictionary(), AgeRange.Unknown)).Rule;
}
