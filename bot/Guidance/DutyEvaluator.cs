using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Guidance;

/// <summary>
/// Finds the pack's duties to report that a person's facts meet. A duty applies only on what is known: a fact
/// the question did not give (and that has no stated default) never lays a duty, and an age must be within the
/// duty's bounds whatever the person's age turns out to be. Nothing is asked for a duty.
/// </summary>
internal static class DutyEvaluator
{
    public static IEnumerable<PackDuty> Applying(IReadOnlyList<PackDuty> duties, FactSet facts)
    {
        foreach (var duty in duties)
        {
            if (!duty.When.All(c => Holds(c, facts))) continue;
            if (duty.AgeUnder is { } under && facts.Age.Max >= under) continue;
            if (duty.AgeAtLeast is { } atLeast && facts.Age.Min < atLeast) continue;
            if (duty.Unless.Count > 0 && duty.Unless.All(c => Holds(c, facts))) continue;
            yield return duty;
        }
    }

    private static bool Holds(FactCondition condition, FactSet facts) =>
        facts.Get(condition.Fact) is { } value && condition.Values.Contains(value);
}
