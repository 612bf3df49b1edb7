using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Guidance;

/// <summary>What a topic's decision table says for one person: the deciding rule, a fact to ask
/// (because its value would change the answer), or nothing (no rule fits).</summary>
internal sealed record RuleOutcome(PackRule? Rule, GuidanceQuestion? Ask)
{
    public static readonly RuleOutcome NoRule = new(null, null);
}

/// <summary>
/// Runs a topic's rules top to bottom; the first rule whose conditions hold decides. When a rule needs a
/// fact the question did not give, every possible value is tried: if they all lead to the same verdict and
/// report, that answer stands; otherwise the fact is asked, never guessed. A rule whose verdict is
/// <c>yes</c> only fits on facts the member of staff stated, never on a default.
/// </summary>
internal static class RuleEvaluator
{
    private enum Match { Holds, Fails, Needs }

    public static RuleOutcome Decide(IReadOnlyList<PackRule> rules, FactSet facts)
    {
        foreach (var rule in rules)
        {
            var (match, fact) = Evaluate(rule, facts);
            if (match == Match.Holds) return new RuleOutcome(rule, null);
            if (match == Match.Fails) continue;

            var completions = Completions(fact!, facts, rules);
            var outcomes = completions.Select(c => Decide(rules, facts.With(fact!, c.Value))).ToList();
            if (outcomes.All(o => o.Rule is not null) && outcomes.Select(Key).Distinct().Count() == 1)
                return outcomes[0];
            return new RuleOutcome(null, new GuidanceQuestion(fact!, Facts.Question(fact!), Choices(fact!, completions, rules)));
        }
        return RuleOutcome.NoRule;
    }

    private static (string Verdict, bool Report, string? ReportTo) Key(RuleOutcome outcome) =>
        (outcome.Rule!.Verdict, outcome.Rule.Report, outcome.Rule.Report ? outcome.Rule.ReportTo : null);

    private static (Match, string?) Evaluate(PackRule rule, FactSet facts)
    {
        string? needed = null;
        foreach (var condition in rule.When)
        {
            // Never "yes" on an assumption: a rule that permits needs every fact it tests to have been said.
            if (rule.Verdict == Verdicts.Yes && !facts.IsStated(condition.Fact) && !facts.IsUnknown(condition.Fact))
                return (Match.Fails, null);
            var value = facts.Get(condition.Fact);
            if (value is null)
            {
                if (!facts.IsUnknown(condition.Fact)) return (Match.Fails, null);
                needed ??= condition.Fact;
            }
            else if (!condition.Values.Contains(value))
            {
                return (Match.Fails, null);
            }
        }
        if (rule.AgeUnder is { } under)
        {
            if (facts.Age.Min >= under) return (Match.Fails, null);
            if (facts.Age.Max >= under) needed ??= Facts.Age;
        }
        if (rule.AgeAtLeast is { } atLeast)
        {
            if (facts.Age.Max < atLeast) return (Match.Fails, null);
            if (facts.Age.Min < atLeast) needed ??= Facts.Age;
        }
        return needed is null ? (Match.Holds, null) : (Match.Needs, needed);
    }

    /// <summary>Every value the fact could take, for trying each in turn; age as bands cut at the topic's thresholds.</summary>
    private static IReadOnlyList<GuidanceChoice> Completions(string fact, FactSet facts, IReadOnlyList<PackRule> rules)
    {
        if (fact != Facts.Age)
            return Facts.Values[fact].Select(v => new GuidanceChoice(Facts.ChoiceLabel(fact, v), v)).ToList();

        var thresholds = rules.SelectMany(r => new[] { r.AgeUnder, r.AgeAtLeast }).OfType<int>()
            .Where(t => t > facts.Age.Min && t <= facts.Age.Max).Distinct().Order().ToList();
        var bands = new List<GuidanceChoice>();
        var from = facts.Age.Min;
        foreach (var threshold in thresholds)
        {
            var label = from == 0 ? $"Under {threshold}" : from == threshold - 1 ? $"{from}" : $"{from} to {threshold - 1}";
            bands.Add(new GuidanceChoice(label, new AgeRange(from, threshold - 1).ToString()));
            from = threshold;
        }
        bands.Add(new GuidanceChoice(facts.Age.Max >= AgeRange.Oldest ? $"{from} or over" : $"{from} to {facts.Age.Max}",
            new AgeRange(from, facts.Age.Max).ToString()));
        return bands;
    }

    /// <summary>The choices shown: for a person, the kinds of people this topic's rules name, then "someone else".</summary>
    private static IReadOnlyList<GuidanceChoice> Choices(string fact, IReadOnlyList<GuidanceChoice> completions, IReadOnlyList<PackRule> rules)
    {
        if (fact != Facts.Person) return completions;
        var named = rules.SelectMany(r => r.When).Where(c => c.Fact == Facts.Person).SelectMany(c => c.Values).ToHashSet();
        named.Add(Facts.People.Other);
        return completions.Where(c => named.Contains(c.Value)).ToList();
    }
}
