using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

/// <summary>"my requests": the member of staff's own requests, newest first, with Withdraw on pending ones.</summary>
public sealed class MyRequestsCommand(ApprovalRequestStore requests, ApprovalCards cards) : IBotCommand
{
    private const int Shown = 20;

    public bool Matches(string text) =>
        text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant() is "my requests" or "my request" or "show my requests";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (turn.Sender() is not { } me)
        {
            await turn.SendTextAsync("I couldn't tell who you are, so I can't show your requests.", cancellationToken);
            return;
        }
        var mine = new List<ApprovalRequest>();
        await foreach (var stored in requests.RequestedByAsync(me.Id, cancellationToken))
            mine.Add(stored.Request);
        var newest = mine.OrderByDescending(r => r.RequestedAt).Take(Shown);
        await turn.SendCardAsync(cards.List("Your requests", "You have no requests yet. Type \"request a post\" to make one.", newest, forApprover: false),
            cancellationToken);
    }
}
