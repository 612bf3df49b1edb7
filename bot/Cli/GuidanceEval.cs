using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Cli;

/// <summary>One scored case: what the engine said against what the trust's policy says.</summary>
internal sealed record EvalOutcome(QuestionLine Case, GuidanceResult Result, bool VerdictRight, bool FalsePermission, bool? ReportRight, bool CitationRight);

/// <summary>The four figures of tests/eval/README.md, and how many of the cases that must report did.</summary>
internal sealed record EvalFigures(int Cases, int VerdictsRight, int FalsePermissions, int ReportCases, int ReportsRight, int CitationsRight,
    int ReportsDue = 0, int ReportsCaught = 0)
{
    public double VerdictAccuracy => Share(VerdictsRight, Cases);
    public double ReportAccuracy => Share(ReportsRight, ReportCases);
    public double CitationAccuracy => Share(CitationsRight, Cases);

    private static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    public override string ToString() =>
        $"verdict accuracy {VerdictAccuracy:P1} ({VerdictsRight}/{Cases}), false permissions {FalsePermissions}, " +
        $"report accuracy {ReportAccuracy:P1} ({ReportsRight}/{ReportCases}), citation accuracy {CitationAccuracy:P1} ({CitationsRight}/{Cases})";
}

/// <summary>
/// Scores answers as the evaluation README describes. A case answered with a question back (no verdict)
/// counts as not answered: wrong verdict, wrong report if one was expected, no citation.
/// </summary>
internal static class GuidanceEval
{
    public static EvalOutcome Score(QuestionLine @case, GuidanceResult result)
    {
        var accepted = @case.Verdict ?? [];
        var verdictRight = result.Verdict is not null && accepted.Contains(result.Verdict);
        var falsePermission = result.Verdict == Verdicts.Yes && !accepted.Contains(Verdicts.Yes);
        bool? reportRight = @case.Report is { } expected ? result.Verdict is not null && result.Report == expected : null;
        var citationRight = result.Citations.Any(c => (@case.Sections ?? []).Any(s => SectionMatches(c.Section, s)));
        return new EvalOutcome(@case, result, verdictRight, falsePermission, reportRight, citationRight);
    }

    public static EvalFigures Figures(IReadOnlyCollection<EvalOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => o.VerdictRight),
        outcomes.Count(o => o.FalsePermission),
        outcomes.Count(o => o.ReportRight is not null),
        outcomes.Count(o => o.ReportRight == true),
        outcomes.Count(o => o.CitationRight),
        outcomes.Count(o => o.Case.Report == true),
        outcomes.Count(o => o.Case.Report == true && o.ReportRight == true));

    /// <summary>Equal (ignoring case), or a sub-item or fuller heading of the accepted section:
    /// "2.i" for "2", "Appendix A: Personal Social Networking Standards" for "Appendix A".</summary>
    public static bool SectionMatches(string cited, string accepted)
    {
        var c = cited.Trim();
        var a = accepted.Trim();
        if (!c.StartsWith(a, StringComparison.OrdinalIgnoreCase)) return false;
        return c.Length == a.Length || !char.IsLetterOrDigit(c[a.Length]);
    }
}
