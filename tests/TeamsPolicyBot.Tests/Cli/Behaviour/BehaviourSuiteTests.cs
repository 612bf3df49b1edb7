using TeamsPolicyBot.Cli;
using TeamsPolicyBot.Cli.Behaviour;
using TeamsPolicyBot.Tests.Guidance;

namespace TeamsPolicyBot.Tests.Cli.Behaviour;

/// <summary>
/// The behaviour suite over every evaluation case (the public set and Guidance/Cases): rewordings keep the answer
/// at least 98% of the time, a changed fact always moves it the way the pack says, and nothing says "yes" where
/// it must not.
/// </summary>
public class BehaviourSuiteTests
{
    private static readonly IReadOnlyList<QuestionLine> Cases =
        Directory.EnumerateFiles(RepositoryPaths.Cases, "*.jsonl").Order().Append(RepositoryPaths.PublicEval)
            .SelectMany(path => QuestionLine.ReadAllAsync(path, CancellationToken.None).GetAwaiter().GetResult())
            .ToList();

    private static readonly IReadOnlyList<BehaviourOutcome> Outcomes =
        BehaviourSuite.Run(Cases, c => Engines.For(c.Trust!)).ToList();

    [Fact]
    public void Run_Invariance_KeepsTheAnswerAtLeast98Percent() =>
        Assert.True(BehaviourSuite.Rate(Outcomes, BehaviourSuite.Invariance) >= BehaviourSuite.InvarianceTarget, Misses(BehaviourSuite.Invariance));

    [Fact]
    public void Run_Directional_MovesTheAnswerAsThePackSays() =>
        Assert.True(BehaviourSuite.Rate(Outcomes, BehaviourSuite.Directional) >= BehaviourSuite.DirectionalTarget, Misses(BehaviourSuite.Directional));

    [Fact]
    public void Run_AnyTest_NeverAFalsePermission() =>
        Assert.False(Outcomes.Any(o => o.FalsePermission),
            string.Join(Environment.NewLine, Outcomes.Where(o => o.FalsePermission).Select(o => $"{o.Case.Id} {o.Type}: {o.Question}")));

    [Fact]
    public void Run_EveryType_HasTests()
    {
        var empty = BehaviourSuite.Rates(Outcomes).Where(r => r.Total == 0).Select(r => r.Type).ToList();

        Assert.True(empty.Count == 0, "types with no test: " + string.Join(", ", empty));
    }

    [Fact]
    public void Run_Directional_SomeChangesMoveTheAnswer() =>
        Assert.Contains(Outcomes, o => o.Kind == BehaviourSuite.Directional && o.Expected.Verdict != Engines.For(o.Case.Trust!).Answer(o.Case.Question).Verdict);

    [Fact]
    public void Run_TwiceOverTheSameCases_MakesTheSameQuestions()
    {
        var cases = Cases.Take(40).ToList();

        var first = BehaviourSuite.Run(cases, c => Engines.For(c.Trust!)).Select(o => o.Question);
        var second = BehaviourSuite.Run(cases, c => Engines.For(c.Trust!)).Select(o => o.Question);

        Assert.Equal(first, second);
    }

    private static string Misses(string kind) =>
        $"{BehaviourSuite.Rate(Outcomes, kind):P1}" + Environment.NewLine + string.Join(Environment.NewLine, Outcomes
            .Where(o => o.Kind == kind && !o.Passed)
            .Select(o => $"{o.Case.Id} {o.Type}: {o.Question} -> {o.Actual.Verdict} report {o.Actual.Report}, want {o.Expected.Verdict} report {o.Expected.Report}"));
}
