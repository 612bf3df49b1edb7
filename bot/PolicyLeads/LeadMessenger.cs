using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Everything posted outside the asker's turn: the question's card to the policy leads of its academy (a new thread in their channel,
/// or 1:1 to each), the update of every stored copy once it is claimed or answered, the asker's answer and the nudge.
/// </summary>
public sealed partial class LeadMessenger(
    ConnectorClient connector,
    ProactiveMessenger proactive,
    LeadCards cards,
    LeadQuestionCardStore copies,
    LeadScopes scopes,
    ILogger<LeadMessenger> logger)
{
    /// <returns>How many leads' copies (or channel threads) were posted.</returns>
    public async Task<int> SendToLeadsAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var message = Message(cards.Question(question, leads, QuestionView.Everyone)) with { Text = "A member of staff has a question for the policy lead." };
        var origin = question.Origin;
        var scope = scopes.Of(question.AcademyId);
        if (scope.ChannelId is { Length: > 0 } channelId)
        {
            var thread = ConversationParameters.ChannelThread(Bot(origin), channelId, origin.TenantId, message);
            if (scope.TeamId is { Length: > 0 } teamId)
                thread = thread with { ChannelData = thread.ChannelData! with { Team = new TeamInfo { Id = teamId } } };
            var created = await connector.CreateConversationAsync(origin.ServiceUrl, thread, cancellationToken);
            if (created.IsOk && created.Value is { Id: { Length: > 0 } conversationId, ActivityId: { Length: > 0 } activityId })
            {
                await copies.AddAsync(question.Id, new CardCopy(conversationId, activityId), cancellationToken);
                return 1;
            }
            LogNotPosted(logger, question.Id, created.Status);
            return 0;
        }

        // In parallel: the member of staff's button waits for this, and Teams gives an invoke only a few seconds.
        var sent = await Task.WhenAll(leads.Select(lead =>
            proactive.SendToPersonAsync(origin.ServiceUrl, origin.TenantId, Bot(origin), lead, message, cancellationToken)));
        var posted = new List<CardCopy>();
        foreach (var result in sent)
        {
            if (result.IsOk && result.Value is { ActivityId: { Length: > 0 } activityId } chat)
                posted.Add(new CardCopy(chat.ConversationId, activityId));
            else
                LogNotPosted(logger, question.Id, result.Status);
        }
        await copies.AddAllAsync(question.Id, posted, cancellationToken);
        return posted.Count;
    }

    /// <summary>Replaces every stored copy of the question's card with its current state.</summary>
    public async Task UpdateEveryCopyAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var card = cards.Question(question, leads, QuestionView.Everyone);
        var stored = await copies.CopiesOfAsync(question.Id, cancellationToken);
        var updates = await Task.WhenAll(stored.Select(copy => connector.UpdateActivityAsync(
            question.Origin.ServiceUrl, copy.ConversationId, copy.ActivityId, Message(card) with { Id = copy.ActivityId }, cancellationToken)));
        foreach (var failed in updates.Where(u => !u.IsOk))
            LogNotUpdated(logger, question.Id, failed.Status);
    }

    /// <summary>Sends the asker, 1:1, the lead's answer with the lead's name.</summary>
    /// <returns>False when Teams would not take the message (e.g. the bot is not installed for them).</returns>
    public async Task<bool> TellAskerAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var headline = $"{question.Answer!.By.Name}, your policy lead, answered your question.";
        var message = Message(cards.Question(question, leads, new QuestionView(Headline: headline))) with { Text = headline };
        var origin = question.Origin;
        var sent = await proactive.SendToPersonAsync(origin.ServiceUrl, origin.TenantId, Bot(origin), question.Asker.Id, message, cancellationToken);
        if (!sent.IsOk)
            LogNotTold(logger, question.Id, sent.Status);
        return sent.IsOk;
    }

    /// <summary>Reminds the leads that a question is still unclaimed: in its channel thread, or 1:1.</summary>
    public async Task NudgeAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var text = $"A question asked on {ApprovalCards.When(question.AskedAt)} is still waiting for a policy lead to claim it.";
        var origin = question.Origin;
        if (scopes.Of(question.AcademyId).ChannelId is { Length: > 0 })
        {
            foreach (var copy in await copies.CopiesOfAsync(question.Id, cancellationToken))
                await connector.ReplyToActivityAsync(origin.ServiceUrl, copy.ConversationId, copy.ActivityId,
                    new Activity { Type = ActivityTypes.Message, From = Bot(origin), Text = text }, cancellationToken);
            return;
        }
        foreach (var lead in leads)
            await proactive.SendToPersonAsync(origin.ServiceUrl, origin.TenantId, Bot(origin), lead,
                new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
    }

    private static ChannelAccount Bot(RequestOrigin origin) => new() { Id = origin.BotId, Name = origin.BotName };

    private static Activity Message(Attachment card) => new() { Type = ActivityTypes.Message, Attachments = [card] };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of question {QuestionId} could not be posted to a policy lead: {Status}")]
    private static partial void LogNotPosted(ILogger logger, string questionId, ConnectorStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A copy of the card of question {QuestionId} could not be updated: {Status}")]
    private static partial void LogNotUpdated(ILogger logger, string questionId, ConnectorStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The asker of question {QuestionId} could not be sent the answer: {Status}")]
    private static partial void LogNotTold(ILogger logger, string questionId, ConnectorStatus status);
}
