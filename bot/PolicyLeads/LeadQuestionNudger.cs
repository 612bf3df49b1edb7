using Microsoft.Extensions.Options;
using TeamsPolicyBot.Hosting;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Reminds the policy leads of its academy (the trust's, when it has none), once, of each question nobody has claimed after <see cref="PolicyLeadsOptions.NudgeAfterHours"/>.
/// The question's "nudged" flag is set with its ETag before the reminder goes out, so when several instances of the
/// bot run, only the one whose write succeeds sends it.
/// </summary>
public sealed partial class LeadQuestionNudger(
    IServiceScopeFactory scopes, JobLeases leases, IOptions<PolicyLeadsOptions> options, TimeProvider time, ILogger<LeadQuestionNudger> logger)
    : PeriodicJob(leases, time, logger)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override string Work => "Checking for unclaimed questions";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => NudgeDueAsync(cancellationToken);

    /// <returns>How many questions this call reminded the leads of.</returns>
    public async Task<int> NudgeDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var questions = services.GetRequiredService<LeadQuestionStore>();
        var now = Time.GetUtcNow();
        var due = now - TimeSpan.FromHours(options.Value.NudgeAfterHours);

        var waiting = new List<StoredQuestion>();
        await foreach (var stored in questions.UnansweredAsync(cancellationToken))
        {
            if (stored.Question is { Status: QuestionStatus.Open, Nudged: false } question && question.AskedAt <= due)
                waiting.Add(stored);
        }
        if (waiting.Count == 0)
            return 0;

        var directory = services.GetRequiredService<LeadDirectory>();
        var messenger = services.GetRequiredService<LeadMessenger>();
        var audit = services.GetRequiredService<LeadQuestionAudit>();
        var nudged = 0;
        foreach (var stored in waiting)
        {
            if (!await questions.TryUpdateAsync(stored.Question with { Nudged = true }, stored.ETag, cancellationToken))
                continue;
            await messenger.NudgeAsync(stored.Question, await directory.LeadsOfAsync(stored.Question.AcademyId, cancellationToken), cancellationToken);
            await audit.AppendAsync(new AuditEntry(stored.Question.Id, LeadAuditActions.Nudged, "bot", "Policy Bot", now, null, null), cancellationToken);
            nudged++;
        }
        LogNudged(logger, nudged);
        return nudged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded the policy leads of {Count} unclaimed question(s)")]
    private static partial void LogNudged(ILogger logger, int count);
}
