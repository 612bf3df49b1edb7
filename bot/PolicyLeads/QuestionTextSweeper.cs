using Microsoft.Extensions.Options;
using TeamsPolicyBot.Hosting;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Deletes the question text, the note and the asker's name of questions asked more than
/// <see cref="PolicyLeadsOptions.RetentionDays"/> ago: they are personal data. The lead's answer, the topic, the clauses
/// and the audit trail (ids, who acted, when) stay, so reviewed answers keep working and the record stays complete.
/// </summary>
public sealed partial class QuestionTextSweeper(
    IServiceScopeFactory scopes, JobLeases leases, IOptions<PolicyLeadsOptions> options, TimeProvider time, ILogger<QuestionTextSweeper> logger)
    : PeriodicJob(leases, time, logger)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override string Work => "Deleting old question text";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <returns>How many questions' text this call deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var questions = scope.ServiceProvider.GetRequiredService<LeadQuestionStore>();
        var audit = scope.ServiceProvider.GetRequiredService<LeadQuestionAudit>();
        var cards = scope.ServiceProvider.GetRequiredService<LeadQuestionCardStore>();
        var now = Time.GetUtcNow();
        var expired = new List<StoredQuestion>();
        await foreach (var stored in questions.TextKeptSinceBeforeAsync(now - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken))
            expired.Add(stored);

        var deleted = 0;
        foreach (var stored in expired)
        {
            var blanked = stored.Question with
            {
                Question = "",
                Note = "",
                Asker = stored.Question.Asker with { Name = "" },
                TextDeleted = true,
            };
            // Changed meanwhile (answered, nudged): the next sweep reads it again.
            if (!await questions.TryUpdateAsync(blanked, stored.ETag, cancellationToken))
                continue;
            // The card kept for copies still on their way shows the text too.
            await cards.ForgetLatestAsync(stored.Question.Id, cancellationToken);
            await audit.AppendAsync(new AuditEntry(stored.Question.Id, LeadAuditActions.TextDeleted, "bot", "Policy Bot", now, null, null), cancellationToken);
            deleted++;
        }
        if (deleted > 0)
            LogDeleted(logger, deleted, options.Value.RetentionDays);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the text of {Count} question(s) older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);
}
