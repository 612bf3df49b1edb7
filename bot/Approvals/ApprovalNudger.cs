using Microsoft.Extensions.Options;
using TeamsPolicyBot.Hosting;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// Reminds the approvers of its academy (or the trust's), once, of each request still pending after <see cref="ApprovalsOptions.NudgeAfterHours"/>.
/// The request's "nudged" flag is set with its ETag before the reminder goes out, so when several instances of the
/// bot run, only the one whose write succeeds sends it.
/// </summary>
public sealed partial class ApprovalNudger(
    IServiceScopeFactory scopes, JobLeases leases, IOptions<ApprovalsOptions> options, TimeProvider time, ILogger<ApprovalNudger> logger)
    : PeriodicJob(leases, time, logger)
{
    protected override TimeSpan Interval => options.Value.NudgeCheckInterval;

    protected override string Work => "Checking for requests waiting too long";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => NudgeDueAsync(cancellationToken);

    /// <returns>How many requests this call nudged the approvers about.</returns>
    public async Task<int> NudgeDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var requests = services.GetRequiredService<ApprovalRequestStore>();
        var now = Time.GetUtcNow();
        var due = now - TimeSpan.FromHours(options.Value.NudgeAfterHours);

        var waiting = new List<StoredRequest>();
        await foreach (var stored in requests.PendingAsync(cancellationToken))
        {
            if (!stored.Request.Nudged && stored.Request.RequestedAt <= due)
                waiting.Add(stored);
        }
        if (waiting.Count == 0)
            return 0;

        var directory = services.GetRequiredService<ApproverDirectory>();
        var messenger = services.GetRequiredService<ApprovalMessenger>();
        var audit = services.GetRequiredService<ApprovalAuditLog>();
        var nudged = 0;
        foreach (var stored in waiting)
        {
            if (await requests.TryUpdateAsync(stored.Request with { Nudged = true }, stored.ETag, cancellationToken) is null)
                continue;
            await messenger.NudgeAsync(stored.Request, await directory.ApproversOfAsync(stored.Request.AcademyId, cancellationToken), cancellationToken);
            await audit.AppendAsync(new AuditEntry(stored.Request.Id, AuditActions.Nudged, "bot", "Policy Bot", now, null, null), cancellationToken);
            nudged++;
        }
        LogNudged(logger, nudged);
        return nudged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded the approvers of {Count} request(s) waiting too long")]
    private static partial void LogNudged(ILogger logger, int count);
}
