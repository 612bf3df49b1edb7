using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// Everything the workflow posts outside the requester's turn, through the outbox (<see cref="CardSender"/>): the card
/// to the approvers of the request's academy (a new thread in their channel, or 1:1 to each), the update of every
/// copy once a request is settled, the requester's outcome message and the approvers' nudge.
/// </summary>
public sealed class ApprovalMessenger(CardSender sender, Outbox outbox, ApprovalCards cards, ApprovalCardStore copies, TrustAcademies trust)
{
    /// <returns>How many approvers' copies (or channel threads) were queued.</returns>
    public Task<int> SendToApproversAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken)
    {
        var message = Message(cards.Request(request, approvers, RequestView.Everyone)) with { Text = "A new request is waiting for approval." };
        return sender.PostAsync(copies, request.Id, request.Origin.Bot, Audience(request, approvers), message, cancellationToken);
    }

    /// <summary>Queues the update of every copy of the request's card but <paramref name="shownAlready"/> to its current state.</summary>
    public Task UpdateEveryCopyAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CardCopy? shownAlready, CancellationToken cancellationToken) =>
        sender.UpdateEveryCopyAsync(copies, request.Id, request.Origin.Bot,
            Message(cards.Request(request, approvers, RequestView.Everyone)), shownAlready, cancellationToken);

    /// <summary>Queues the requester's 1:1 message saying how their request was settled, with the approver's comment.</summary>
    public Task TellRequesterAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken)
    {
        var outcome = request.Status == ApprovalStatus.Approved ? "approved" : "rejected";
        var headline = $"Your request was {outcome}.";
        var message = Message(cards.Request(request, approvers, new RequestView(Headline: headline))) with { Text = headline };
        return outbox.QueueAsync(
            [new OutboxMessage(CardSender.Batch(copies, request.Id), "told|requester", Destination.Person(request.Origin.Bot, request.Requester.Id), message)],
            cancellationToken);
    }

    /// <summary>Reminds the approvers that a request is still waiting: in its channel thread, or 1:1.</summary>
    public Task NudgeAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken) =>
        sender.RemindAsync(copies, request.Id, request.Origin.Bot, Audience(request, approvers),
            $"A request made on {ApprovalCards.When(request.RequestedAt)} is still waiting for approval. Type \"pending\" to see it.", cancellationToken);

    private CardAudience Audience(ApprovalRequest request, IReadOnlySet<string> approvers)
    {
        var scope = trust.ScopeOf(request.AcademyId);
        return new CardAudience(approvers, scope.ChannelId, scope.TeamId);
    }

    private static Activity Message(Attachment card) => new() { Type = ActivityTypes.Message, Attachments = [card] };
}
