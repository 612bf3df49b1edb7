using TeamsPolicyBot.Cli;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>
/// Runs every case for a trust — from any Cases/*.jsonl file (one per pack; paraphrases.jsonl: the same
/// situations worded differently; unseen-kinds*.jsonl: questions in staff's own voice, written and labelled from
/// the policy texts before the engine was changed to answer them, kept as held-out measures and now regression
/// cases) and from the public evaluation set (tests/eval/guidance-public.jsonl) — through that trust's pack, and
/// holds it to the targets.
/// </summary>
public class GuidanceCasesTests
{
    private static IEnumerable<QuestionLine> AllCases() =>
        Directory.EnumerateFiles(RepositoryPaths.Cases, "*.jsonl").Order()
            .Append(RepositoryPaths.PublicEval)
            .SelectMany(ReadCases);

    public static TheoryData<string> Packs() =>
        new(RepositoryPaths.PackIds().Concat(AllCases().Select(c => c.Trust).OfType<string>()).Distinct().Order());

    [Theory]
    [MemberData(nameof(Packs))]
    public void Answer_PackCases_MeetTargets(string pack)
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Policies, pack + ".yaml")), $"cases exist for '{pack}' but bot/policies/{pack}.yaml does not");
        var cases = AllCases().Where(c => c.Trust == pack).ToList();
        Assert.NotEmpty(cases);
        var engine = Engines.For(pack);

        var outcomes = cases.Select(c => GuidanceEval.Score(c, engine.Answer(c.Question))).ToList();
        var figures = GuidanceEval.Figures(outcomes);

        var misses = string.Join(Environment.NewLine, outcomes
            .Where(o => !o.VerdictRight || o.FalsePermission || o.ReportRight == false || !o.CitationRight)
            .Select(o => $"{o.Case.Id}: got {o.Result.Verdict ?? "a question"} (report {o.Result.Report}, cites {string.Join(", ", o.Result.Citations.Select(c => c.Section))})"));
        Assert.True(figures.FalsePermissions == 0, $"{figures}{Environment.NewLine}{misses}");
        Assert.True(figures.VerdictAccuracy >= 0.95, $"{figures}{Environment.NewLine}{misses}");
        Assert.True(figures.ReportAccuracy >= 1.0, $"{figures}{Environment.NewLine}{misses}");
        Assert.True(figures.CitationAccuracy >= 0.90, $"{figures}{Environment.NewLine}{misses}");
    }

    private static IReadOnlyList<QuestionLine> ReadCases(string path) =>
        File.Exists(path) ? QuestionLine.ReadAllAsync(path, CancellationToken.None).GetAwaiter().GetResult() : [];
}
