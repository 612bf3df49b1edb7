using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

public enum DecisionOutcome
{
    Recorded,
    NotFound,
    NotApprover,
    OtherAcademy,
    OwnRequest,
    NotRequester,
    AlreadySettled,
    CommentRequired,
}

/// <summary>What happened to a decision or withdrawal; <see cref="Request"/> is the request as it now stands.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, ApprovalRequest? Request = null);

/// <summary>
/// Settles requests. Who may act is checked against the approvers of the request's academy (never card data); the change is an
/// ETag-conditional write, so of many simultaneous clicks exactly one is recorded and the rest see who won.
/// Every attempt, refused or not, is written to the audit log.
/// </summary>
public sealed class ApprovalDecisions(
    ApprovalRequestStore requests, ApprovalAuditLog audit, ApproverDirectory approverDirectory, ApprovalMetrics metrics, TimeProvider time)
{
    public async Task<DecisionResult> DecideAsync(
        string requestId, StaffMember approver, bool approve, string comment, string conversationId, CancellationToken cancellationToken)
    {
        var stored = await requests.GetAsync(requestId, cancellationToken);
        if (stored is null)
            return new(DecisionOutcome.NotFound);
        if (!(await approverDirectory.ApproversOfAsync(stored.Request.AcademyId, cancellationToken)).Contains(approver.Id))
        {
            return (await approverDirectory.ScopesApprovedByAsync(approver.Id, cancellationToken)).Count > 0
                ? await RefuseAsync(DecisionOutcome.OtherAcademy, stored.Request, approver, conversationId, "approver of another academy", cancellationToken)
                : await RefuseAsync(DecisionOutcome.NotApprover, stored.Request, approver, conversationId, "not an approver", cancellationToken);
        }
        if (string.Equals(stored.Request.Requester.Id, approver.Id, StringComparison.OrdinalIgnoreCase))
            return await RefuseAsync(DecisionOutcome.OwnRequest, stored.Request, approver, conversationId, "own request", cancellationToken);
        if (!approve && comment.Length == 0)
            return new(DecisionOutcome.CommentRequired, stored.Request);

        var status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        var action = approve ? AuditActions.Approved : AuditActions.Rejected;
        return await SettleAsync(stored, status, action, approver, comment, conversationId, cancellationToken);
    }

    public async Task<DecisionResult> WithdrawAsync(string requestId, StaffMember requester, string conversationId, CancellationToken cancellationToken)
    {
        var stored = await requests.GetAsync(requestId, cancellationToken);
        if (stored is null)
            return new(DecisionOutcome.NotFound);
        if (!string.Equals(stored.Request.Requester.Id, requester.Id, StringComparison.OrdinalIgnoreCase))
            return await RefuseAsync(DecisionOutcome.NotRequester, stored.Request, requester, conversationId, "withdraw by someone else", cancellationToken);
        return await SettleAsync(stored, ApprovalStatus.Withdrawn, AuditActions.Withdrawn, requester, "", conversationId, cancellationToken);
    }

    private async Task<DecisionResult> SettleAsync(
        StoredRequest? stored, string status, string action, StaffMember actor, string comment, string conversationId, CancellationToken cancellationToken)
    {
        // Retried only when the row changed without being settled (e.g. the nudger marked it).
        while (stored is not null)
        {
            if (!stored.Request.IsPending)
                return new(DecisionOutcome.AlreadySettled, stored.Request);
            var settled = stored.Request with
            {
                Status = status,
                DecidedBy = actor,
                DecidedAt = time.GetUtcNow(),
                Comment = comment.Length > 0 ? comment : null,
                // A withdrawn request's photos are deleted at once; its thumbnails go with this write.
                Photos = status == ApprovalStatus.Withdrawn ? [] : stored.Request.Photos,
            };
            if (await requests.TryUpdateAsync(settled, stored.ETag, cancellationToken) is not null)
            {
                await audit.AppendAsync(new AuditEntry(settled.Id, action, actor.Id, actor.Name, settled.DecidedAt!.Value, conversationId,
                    comment.Length > 0 ? comment : null), cancellationToken);
                metrics.Decided(settled);
                return new(DecisionOutcome.Recorded, settled);
            }
            stored = await requests.GetAsync(stored.Request.Id, cancellationToken);
        }
        return new(DecisionOutcome.NotFound);
    }

    private async Task<DecisionResult> RefuseAsync(
        DecisionOutcome outcome, ApprovalRequest request, StaffMember actor, string conversationId, string reason, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEntry(request.Id, AuditActions.Refused, actor.Id, actor.Name, time.GetUtcNow(), conversationId, reason), cancellationToken);
        return new(outcome, request);
    }
}
