using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Approvals.Photos;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// The request card's actions: the automatic refresh that gives each person their own view, Approve / Reject,
/// and Withdraw. Once a request is settled the card pressed is answered at once; the update of every other copy and
/// the requester's message are queued in the outbox, so the invoke never waits for Teams.
/// </summary>
public sealed class RequestCardHandler(
    ApprovalRequestStore requests,
    ApprovalDecisions decisions,
    ApproverDirectory approverDirectory,
    TrustAcademies trust,
    ApprovalCards cards,
    ApprovalMessenger messenger,
    PhotoStore photos) : ICardActionHandler
{
    private const string NotFoundText = "I can't find that request. It may have been made in another deployment of the bot.";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Sender() is not { } sender)
            return StaffTurn.Unidentified;
        var data = new FormData(action.Data);
        var requestId = data.Text("requestId", 100);
        var conversationId = turn.Activity.Conversation?.Id ?? "";

        switch (action.Verb)
        {
            case ApprovalVerbs.Decide:
                var approve = data.Text("decision", 20) == "approve";
                var decided = await decisions.DecideAsync(requestId, sender, approve, data.Text("comment", 1000), conversationId, cancellationToken);
                if (decided.Request is null)
                    return Refusal(decided);
                var approvers = await approverDirectory.ApproversOfAsync(decided.Request.AcademyId, cancellationToken);
                if (decided.Outcome == DecisionOutcome.Recorded)
                {
                    await messenger.UpdateEveryCopyAsync(decided.Request!, approvers, Pressed(turn), cancellationToken);
                    await messenger.TellRequesterAsync(decided.Request!, approvers, cancellationToken);
                    return AdaptiveCardInvokeResponse.Card(cards.RequestCard(decided.Request!, approvers,
                        new RequestView(Headline: approve ? "You approved this request." : "You rejected this request.")));
                }
                if (decided.Outcome == DecisionOutcome.CommentRequired)
                    return AdaptiveCardInvokeResponse.Card(cards.RequestCard(decided.Request!, approvers,
                        new RequestView(CanDecide: true, Notice: "Please add a comment saying why, so the requester can put it right.")));
                return Refusal(decided);

            case ApprovalVerbs.Withdraw:
                var withdrawn = await decisions.WithdrawAsync(requestId, sender, conversationId, cancellationToken);
                if (withdrawn.Outcome != DecisionOutcome.Recorded)
                    return Refusal(withdrawn);
                await photos.DeleteAsync(await photos.OfRequestAsync(withdrawn.Request!.Requester.Id, requestId, cancellationToken), cancellationToken);
                var notified = await approverDirectory.ApproversOfAsync(withdrawn.Request!.AcademyId, cancellationToken);
                await messenger.UpdateEveryCopyAsync(withdrawn.Request!, notified, Pressed(turn), cancellationToken);
                if (data.Text("view", 10) == "list")
                    return AdaptiveCardInvokeResponse.Message("Your request has been withdrawn.");
                return AdaptiveCardInvokeResponse.Card(cards.RequestCard(withdrawn.Request!, notified, new RequestView(Headline: "You withdrew this request.")));

            default:
                var stored = await requests.GetAsync(requestId, cancellationToken);
                if (stored is null)
                    return AdaptiveCardInvokeResponse.Message(NotFoundText);
                var viewers = await approverDirectory.ApproversOfAsync(stored.Request.AcademyId, cancellationToken);
                return AdaptiveCardInvokeResponse.Card(cards.RequestCard(stored.Request, viewers, ViewFor(sender, stored.Request, viewers)));
        }
    }

    /// <summary>The copy whose button was pressed: the invoke's answer replaces it.</summary>
    internal static CardCopy? Pressed(TurnContext turn) =>
        turn.Activity is { Conversation.Id: { Length: > 0 } conversationId, ReplyToId: { Length: > 0 } activityId } ? new CardCopy(conversationId, activityId) : null;

    private static RequestView ViewFor(StaffMember sender, ApprovalRequest request, IReadOnlySet<string> approvers)
    {
        var isRequester = string.Equals(sender.Id, request.Requester.Id, StringComparison.OrdinalIgnoreCase);
        return new RequestView(CanDecide: !isRequester && approvers.Contains(sender.Id), CanWithdraw: isRequester);
    }

    private AdaptiveCardInvokeResponse Refusal(DecisionResult result) => AdaptiveCardInvokeResponse.Message(result.Outcome switch
    {
        DecisionOutcome.NotApprover => "Only approvers can approve or reject requests.",
        DecisionOutcome.OtherAcademy => $"Only the approvers of {trust.ScopeOf(result.Request!.AcademyId).Name} can approve or reject this request.",
        DecisionOutcome.OwnRequest => "You can't approve or reject your own request; another approver needs to decide it.",
        DecisionOutcome.NotRequester => "Only the person who made a request can withdraw it.",
        DecisionOutcome.AlreadySettled => $"This request was already {SettledWords(result.Request!)}.",
        _ => NotFoundText,
    });

    private static string SettledWords(ApprovalRequest request) =>
        $"{request.Status} by {request.DecidedBy?.Name} on {ApprovalCards.When(request.DecidedAt)}";
}
