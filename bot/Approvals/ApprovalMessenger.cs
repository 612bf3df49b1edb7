using Microsoft.Extensions.Options;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// Everything the workflow posts outside the requester's turn: the card to the approvers of the request's academy
/// (a new thread in their channel, or 1:1 to each), the update of every stored copy once a request is settled, the requester's outcome
/// message and the approvers' nudge.
/// </summary>
public sealed partial class ApprovalMessenger(
    ConnectorClient connector,
    ProactiveMessenger proactive,
    ApprovalCards cards,
    ApprovalCardStore copies,
    TrustAcademies trust,
    ILogger<ApprovalMessenger> logger)
{
    /// <returns>How many approvers' copies (or channel threads) were posted.</returns>
    public async Task<int> SendToApproversAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken)
    {
        var message = Message(cards.Request(request, approvers, RequestView.Everyone)) with { Text = "A new request is waiting for approval." };
        var origin = request.Origin;
        var scope = trust.ScopeOf(request.AcademyId);
        if (scope.ChannelId is { Length: > 0 } channelId)
        {
            var thread = ConversationParameters.ChannelThread(Bot(origin), channelId, origin.TenantId, message);
            if (scope.TeamId is { Length: > 0 } teamId)
                thread = thread with { ChannelData = thread.ChannelData! with { Team = new TeamInfo { Id = teamId } } };
            var created = await connector.CreateConversationAsync(origin.ServiceUrl, thread, cancellationToken);
            if (created.IsOk && created.Value is { Id: { Length: > 0 } conversationId, ActivityId: { Length: > 0 } activityId })
            {
                await copies.AddAsync(request.Id, new CardCopy(conversationId, activityId), cancellationToken);
                return 1;
            }
            LogNotPosted(logger, request.Id, created.Status);
            return 0;
        }

        // In parallel: the requester's "Send" waits for this, and Teams gives an invoke only a few seconds.
        var sent = await Task.WhenAll(approvers.Select(approver =>
            proactive.SendToPersonAsync(origin.ServiceUrl, origin.TenantId, Bot(origin), approver, message, cancellationToken)));
        var posted = new List<CardCopy>();
        foreach (var result in sent)
        {
            if (result.IsOk && result.Value is { ActivityId: { Length: > 0 } activityId } chat)
                posted.Add(new CardCopy(chat.ConversationId, activityId));
            else
                LogNotPosted(logger, request.Id, result.Status);
        }
        await copies.AddAllAsync(request.Id, posted, cancellationToken);
        return posted.Count;
    }

    /// <summary>Replaces every stored copy of the request's card with its current state.</summary>
    public async Task UpdateEveryCopyAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken)
    {
        var card = cards.Request(request, approvers, RequestView.Everyone);
        var stored = await copies.CopiesOfAsync(request.Id, cancellationToken);
        var updates = await Task.WhenAll(stored.Select(copy => connector.UpdateActivityAsync(
            request.Origin.ServiceUrl, copy.ConversationId, copy.ActivityId, Message(card) with { Id = copy.ActivityId }, cancellationToken)));
        foreach (var failed in updates.Where(u => !u.IsOk))
            LogNotUpdated(logger, request.Id, failed.Status);
    }

    /// <summary>Tells the requester, 1:1, how their request was settled, with the approver's comment.</summary>
    public async Task TellRequesterAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken)
    {
        var outcome = request.Status == ApprovalStatus.Approved ? "approved" : "rejected";
        var headline = $"Your request was {outcome}.";
        var message = Message(cards.Request(request, approvers, new RequestView(Headline: headline))) with { Text = headline };
        var origin = request.Origin;
        var sent = await proactive.SendToPersonAsync(origin.ServiceUrl, origin.TenantId, Bot(origin), request.Requester.Id, message, cancellationToken);
        if (!sent.IsOk)
            LogNotTold(logger, request.Id, sent.Status);
    }

    /// <summary>Reminds the approvers that a request is still waiting: in its channel thread, or 1:1.</summary>
    public async Task NudgeAsync(ApprovalRequest request, IReadOnlySet<string> approvers, CancellationToken cancellationToken)
    {
        var text = $"A request made on {ApprovalCards.When(request.RequestedAt)} is still waiting for approval. Type \"pending\" to see it.";
        var origin = request.Origin;
        if (trust.ScopeOf(request.AcademyId).ChannelId is { Length: > 0 })
        {
            foreach (var copy in await copies.CopiesOfAsync(request.Id, cancellationToken))
                await connector.ReplyToActivityAsync(origin.ServiceUrl, copy.ConversationId, copy.ActivityId,
                    new Activity { Type = ActivityTypes.Message, From = Bot(origin), Text = text }, cancellationToken);
            return;
        }
        foreach (var approver in approvers)
            await proactive.SendToPersonAsync(origin.ServiceUrl, origin.TenantId, Bot(origin), approver,
                new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
    }

    private static ChannelAccount Bot(RequestOrigin origin) => new() { Id = origin.BotId, Name = origin.BotName };

    private static Activity Message(Attachment card) => new() { Type = ActivityTypes.Message, Attachments = [card] };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of request {RequestId} could not be posted to an approver: {Status}")]
    private static partial void LogNotPosted(ILogger logger, string requestId, ConnectorStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A copy of the card of request {RequestId} could not be updated: {Status}")]
    private static partial void LogNotUpdated(ILogger logger, string requestId, ConnectorStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The requester of {RequestId} could not be told the outcome: {Status}")]
    private static partial void LogNotTold(ILogger logger, string requestId, ConnectorStatus status);
}
