using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// "pending": the requests waiting for a decision, oldest first, each with "Review". Approvers see those of the
/// academies (or the trust) they approve for, an academy's admins see their academy's, trust admins see them all.
/// </summary>
public sealed class PendingCommand(ApprovalRequestStore requests, ApproverDirectory approvers, TrustAcademies trust, ApprovalCards cards) : IBotCommand
{
    public bool Matches(string text) =>
        text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant() is "pending" or "pending requests" or "pending approvals";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var me = turn.Sender();
        var everything = me is not null && trust.IsTrustAdmin(me.Id);
        var visible = me is null ? [] : (await approvers.ScopesApprovedByAsync(me.Id, cancellationToken)).Select(s => s.AcademyId)
            .Concat(trust.AdministeredBy(me.Id).Select(a => a.Id))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!everything && visible.Count == 0)
        {
            await turn.SendTextAsync("Only approvers can see pending requests. Type \"my requests\" to see your own.", cancellationToken);
            return;
        }
        var pending = new List<ApprovalRequest>();
        await foreach (var stored in requests.PendingAsync(cancellationToken))
        {
            if (everything || visible.Contains(stored.Request.AcademyId))
                pending.Add(stored.Request);
        }
        await turn.SendCardAsync(cards.List("Waiting for approval", "Nothing is waiting for approval.",
            pending.OrderBy(r => r.RequestedAt), forApprover: true), cancellationToken);
    }
}
