using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Connector;

/// <summary>One incoming activity being handled, and the way to answer it.</summary>
/// <param name="services">The turn's own DI scope.</param>
public sealed class TurnContext(Activity activity, ConnectorClient connector, IServiceProvider services)
{
    public Activity Activity { get; } = activity;

    /// <summary>For calls beyond answering this turn: updating a card, members, proactive messages.</summary>
    public ConnectorClient Connector { get; } = connector;

    public IServiceProvider Services { get; } = services;

    /// <summary>What the user typed, without the bot's @mention and surrounding whitespace.</summary>
    public string Text { get; } = activity.TextWithoutBotMention();

    /// <summary>A message from the bot into this conversation, ready for text or attachments.</summary>
    public Activity CreateMessage() => new()
    {
        Type = ActivityTypes.Message,
        From = Activity.Recipient,
        Recipient = Activity.From,
        Conversation = Activity.Conversation,
        ReplyToId = RepliesInThread ? Activity.Id : null,
    };

    /// <summary>
    /// Sends <paramref name="message"/>: in the thread of the user's message, otherwise to the conversation. A reply Teams
    /// does not take after the connector's retries (a storm of 5xx) is handed to the outbox, which tries it again later.
    /// </summary>
    public async Task<ConnectorResult<ResourceResponse>> SendAsync(Activity message, CancellationToken cancellationToken)
    {
        var serviceUrl = Activity.ServiceUrl!;
        var conversationId = Activity.Conversation!.Id!;
        var sent = RepliesInThread
            ? await Connector.ReplyToActivityAsync(serviceUrl, conversationId, Activity.Id!, message, cancellationToken)
            : await Connector.SendToConversationAsync(serviceUrl, conversationId, message, cancellationToken);
        if (sent.Status == ConnectorStatus.Failed && Services.GetService<Outbox>() is { } outbox)
            await outbox.RetryLaterAsync(Later(message), sent, cancellationToken);
        return sent;
    }

    private OutboxMessage Later(Activity message)
    {
        var from = new BotAddress(Activity.ServiceUrl!, Activity.TenantId ?? "", Activity.Recipient ?? new ChannelAccount());
        var conversationId = Activity.Conversation!.Id!;
        var to = RepliesInThread ? Destination.Reply(from, conversationId, Activity.Id!) : Destination.Conversation(from, conversationId);
        return new OutboxMessage("Replies|" + conversationId, $"{Activity.Id}|{Guid.NewGuid():N}", to, message);
    }

    public Task<ConnectorResult<ResourceResponse>> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(CreateMessage() with { Text = text }, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendCardAsync(Attachment card, CancellationToken cancellationToken) =>
        SendAsync(CreateMessage() with { Attachments = [card] }, cancellationToken);

    private bool RepliesInThread => Activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(Activity.Id);
}
