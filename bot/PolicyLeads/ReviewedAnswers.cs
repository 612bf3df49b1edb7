using System.Globalization;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>A policy lead's reviewed answer, as shown beside the rules' verdict on a similar question.</summary>
/// <param name="Heading">"Your policy lead answered a similar question on 3 March:"</param>
/// <param name="Text">The lead's answer, with their verdict when it does not contradict the rules.</param>
/// <param name="Note">Said when the rules answered no or a report is due: those still stand.</param>
public sealed record SimilarAnswer(string Heading, string Text, string Note);

/// <summary>
/// Finds the answer a policy lead agreed to reuse for a question like this one. "Like" is the engine's own reading,
/// not the words: the same topic, and most of the clauses the engine quoted for this question are the ones it quoted
/// for the question the lead answered. A reviewed answer is shown beside the rules' verdict and never replaces it.
/// </summary>
public sealed partial class ReviewedAnswers(LeadQuestionStore questions, PolicyPack pack, TimeProvider time, ILogger<ReviewedAnswers> logger)
{
    // Every answer turn reads these: one query a minute per instance, not one per question. A lead's change on this
    // instance is seen at once (Forget); on another instance within the minute.
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _snapshot;

    public async Task<SimilarAnswer?> FindAsync(GuidanceResult result, CancellationToken cancellationToken)
    {
        if (result.Verdict is null || result.Citations.Count == 0)
            return null;
        IReadOnlyList<LeadQuestion> reusable;
        try
        {
            reusable = await ReusableAsync(cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            // The pack's answer matters more than the lead's extra words: answer without them.
            LogUnavailable(logger, ex);
            return null;
        }

        var topic = result.Topic ?? GuidanceAnswerData.NoTopic;
        var quoted = Keys(result.Citations);
        var best = reusable
            .Where(q => q.Topic == topic)
            .Select(q => (Question: q, Clauses: Keys(q.BotAnswer.Clauses)))
            .Select(m => (m.Question, Shared: m.Clauses.Intersect(quoted).Count(), Fewer: Math.Min(m.Clauses.Count, quoted.Count)))
            // Two thirds of the shorter list: two of three quoted clauses, or every one of one or two.
            .Where(m => m.Shared > 0 && m.Shared * 3 >= 2 * m.Fewer)
            .OrderByDescending(m => m.Shared)
            .ThenByDescending(m => m.Question.Answer!.At)
            .Select(m => m.Question)
            .FirstOrDefault();
        return best is null ? null : Shown(best.Answer!, result);
    }

    /// <summary>Every answer being reused, newest first, as stored now.</summary>
    public async Task<IReadOnlyList<LeadQuestion>> ListAsync(CancellationToken cancellationToken)
    {
        var read = new List<LeadQuestion>();
        await foreach (var stored in questions.ReusableAsync(pack.Id, cancellationToken))
            read.Add(stored.Question);
        return read.OrderByDescending(q => q.Answer!.At).ToList();
    }

    /// <summary>Reads the reusable answers again on the next question (a lead just answered or retired one).</summary>
    public void Forget() => _snapshot = null;

    private SimilarAnswer Shown(LeadAnswer answer, GuidanceResult result)
    {
        var stands = result.Verdict == Verdicts.No || result.Report;
        var text = answer.Verdict.Length > 0 && !stands ? $"{LeadCards.VerdictWords(answer.Verdict)}. {answer.Text}" : answer.Text;
        return new SimilarAnswer(
            $"Your policy lead answered a similar question on {Day(answer.At)}:",
            text,
            stands ? "This does not change the answer above: what the policy says, and any report it asks for, still stand." : "");
    }

    private string Day(DateTimeOffset at)
    {
        var day = StaffTime.Local(at);
        return day.ToString(day.Year == StaffTime.Today(time.GetUtcNow()).Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<LeadQuestion>> ReusableAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } snapshot && now - snapshot.ReadAt < RefreshEvery)
            return snapshot.Questions;
        var read = await ListAsync(cancellationToken);
        _snapshot = new Snapshot(read, now);
        return read;
    }

    private static HashSet<string> Keys(IEnumerable<Citation> clauses) =>
        clauses.Select(c => c.Section + "\n" + c.Quote).ToHashSet(StringComparer.Ordinal);

    private sealed record Snapshot(IReadOnlyList<LeadQuestion> Questions, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the policy leads' reviewed answers; answering without them")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
