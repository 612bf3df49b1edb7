using TeamsPolicyBot.Cli;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>
/// Runs each pack's cases (Cases/&lt;pack&gt;.jsonl) and that trust's share of the public evaluation set
/// (../shared/eval/guidance-public.jsonl) through the engine, and holds it to the targets.
/// </summary>
public class GuidanceCasesTests
{
    public static TheoryData<string> Packs()
    {
        var trusts = RepositoryPaths.PackIds()
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Cases, "*.jsonl").Select(Path.GetFileNameWithoutExtension).OfType<string>())
            .Concat(ReadCases(RepositoryPaths.PublicEval).Select(c => c.Trust).OfType<string>());
        return new TheoryData<string>(trusts.Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Answer_PackCases_MeetTargets(string pack)
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Policies, pack + ".yaml")), $"cases exist for '{pack}' but bot/policies/{pack}.yaml does not");
        var cases = ReadCases(Path.Combine(RepositoryPaths.Cases, pack + ".jsonl"))
            .Concat(ReadCases(RepositoryPaths.PublicEval))
            .Where(c => c.Trust == pack)
            .ToList();
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
