using System.Collections.Immutable;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Cli.Behaviour;

/// <summary>One behavioural test: a question reworded (invariance) or changed in one fact (directional), the
/// answer it had to get and the one it got. A false permission is a "yes" where "yes" is not allowed: by the
/// case's labels for a rewording, by the pack's answer for a changed fact.</summary>
internal sealed record BehaviourOutcome(string Kind, string Type, QuestionLine Case, string Question, GuidanceResult Expected, GuidanceResult Actual,
    bool YesAllowed)
{
    public bool Passed => Actual.Verdict == Expected.Verdict && Actual.Report == Expected.Report;

    public bool FalsePermission => Actual.Verdict == Verdicts.Yes && !YesAllowed;
}

/// <summary>
/// Behavioural tests in the CheckList style (Ribeiro et al., ACL 2020), generated from evaluation cases:
/// invariance (rewordings must not change the verdict or the report) and directional (a change in a fact the pack
/// rules on must move the answer the way the pack says).
/// </summary>
internal static class BehaviourSuite
{
    public const string Invariance = "invariance";
    public const string Directional = "directional";

    /// <summary>The thresholds the suite is held to (the targets): no false permission anywhere.</summary>
    public const double InvarianceTarget = 0.98;
    public const double DirectionalTarget = 1.0;

    private static readonly IReadOnlyDictionary<string, string> NoAnswers = ImmutableDictionary<string, string>.Empty;

    public static IEnumerable<BehaviourOutcome> Run(IEnumerable<QuestionLine> cases, Func<QuestionLine, GuidanceEngine> engineFor)
    {
        foreach (var @case in cases)
        {
            var engine = engineFor(@case);
            var (message, read) = engine.Read(@case.Question);
            var original = engine.Decide(message, read, NoAnswers);
            var yesAllowed = @case.Verdict?.Contains(Verdicts.Yes) ?? original.Verdict == Verdicts.Yes;

            foreach (var (type, reword) in Invariances.All)
            {
                if (reword(@case.Question, CaseRandom.For(@case.Id, type)) is not { } reworded) continue;
                yield return new BehaviourOutcome(Invariance, type, @case, reworded, original, engine.Answer(reworded), yesAllowed);
            }

            foreach (var variant in Directions.For(@case.Question, read, engine.Pack))
            {
                var expected = engine.Decide(message, variant.Expected, NoAnswers);
                if (expected.Ask is not null) continue;
                yield return new BehaviourOutcome(Directional, variant.Type, @case, variant.Question, expected, engine.Answer(variant.Question),
                    expected.Verdict == Verdicts.Yes);
            }
        }
    }

    /// <summary>Pass rate by kind and type, in the order the types are defined.</summary>
    public static IReadOnlyList<(string Kind, string Type, int Passed, int Total)> Rates(IReadOnlyCollection<BehaviourOutcome> outcomes) =>
        Invariances.All.Select(i => (Invariance, i.Type)).Concat(Directions.Types.Select(t => (Directional, t)))
            .Select(k => (k.Item1, k.Item2,
                outcomes.Count(o => o.Kind == k.Item1 && o.Type == k.Item2 && o.Passed),
                outcomes.Count(o => o.Kind == k.Item1 && o.Type == k.Item2)))
            .ToList();

    public static double Rate(IReadOnlyCollection<BehaviourOutcome> outcomes, string kind)
    {
        var total = outcomes.Count(o => o.Kind == kind);
        return total == 0 ? 1 : (double)outcomes.Count(o => o.Kind == kind && o.Passed) / total;
    }

    public static bool MeetsTargets(IReadOnlyCollection<BehaviourOutcome> outcomes) =>
        Rate(outcomes, Invariance) >= InvarianceTarget && Rate(outcomes, Directional) >= DirectionalTarget && !outcomes.Any(o => o.FalsePermission);
}
