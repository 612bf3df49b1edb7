using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

/// <summary>"pending": for approvers only, the requests waiting for a decision, oldest first, each with "Review".</summary>
public sealed class PendingCommand(ApprovalRequestStore requests, IApproverDirectory approvers, ApprovalCards cards) : IBotCommand
{
    public bool Matches(string text) =>
        text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant() is "pending" or "pending requests" or "pending approvals";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (turn.Sender() is not { } me || !(await approvers.GetApproversAsync(cancellationToken)).Contains(me.Id))
        {
            await turn.SendTextAsync("Only approvers can see pending requests. Type \"my requests\" to see your own.", cancellationToken);
            return;
        }
        var pending = new List<ApprovalRequest>();
        await foreach (var stored in requests.PendingAsync(cancellationToken))
            pending.Add(stored.Request);
        await turn.SendCardAsync(cards.List("Waiting for approval", "Nothing is waiting for approval.",
            pending.OrderBy(r => r.RequestedAt), forApprover: true), cancellationToken);
    }
}
