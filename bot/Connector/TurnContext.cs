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

    /// <summary>Sends <paramref name="message"/>: in the thread of the user's message, otherwise to the conversation.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendAsync(Activity message, CancellationToken cancellationToken)
    {
        var serviceUrl = Activity.ServiceUrl!;
        var conversationId = Activity.Conversation!.Id!;
        return RepliesInThread
            ? Connector.ReplyToActivityAsync(serviceUrl, conversationId, Activity.Id!, message, cancellationToken)
            : Connector.SendToConversationAsync(serviceUrl, conversationId, message, cancellationToken);
    }

    public Task<ConnectorResult<ResourceResponse>> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(CreateMessage() with { Text = text }, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendCardAsync(Attachment card, CancellationToken cancellationToken) =>
        SendAsync(CreateMessage() with { Attachments = [card] }, cancellationToken);

    private bool RepliesInThread => Activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(Activity.Id);
}
