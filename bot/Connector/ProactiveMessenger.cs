namespace TeamsPolicyBot.Connector;

/// <summary>
/// Messages a member of staff in their 1:1 chat with the bot, outside any turn of theirs (the Bot Framework's
/// "proactive" messages): an approver's card, a requester's outcome, a safeguarding alert, a reminder nudge.
/// </summary>
public sealed class ProactiveMessenger(ConnectorClient connector)
{
    /// <summary>
    /// Opens the bot's 1:1 chat with <paramref name="aadObjectId"/> (Teams returns the existing chat if there is one)
    /// and posts <paramref name="message"/> there. The bot must be installed for that person (personal scope or a
    /// team they are in); otherwise the result is <see cref="ConnectorStatus.BotRemoved"/> or <see cref="ConnectorStatus.NotFound"/>.
    /// </summary>
    /// <param name="bot">The bot's own account, as the recipient of any activity Teams sent it (id <c>28:&lt;app id&gt;</c>).</param>
    public async Task<ConnectorResult<PostedMessage>> SendToPersonAsync(
        Uri serviceUrl, string tenantId, ChannelAccount bot, string aadObjectId, Activity message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        var chat = await connector.CreateConversationAsync(serviceUrl, ConversationParameters.Personal(bot, aadObjectId, tenantId), cancellationToken);
        if (!chat.IsOk || chat.Value?.Id is not { Length: > 0 } conversationId)
            return new(chat.IsOk ? ConnectorStatus.Failed : chat.Status, HttpStatus: chat.HttpStatus);

        var posted = await connector.SendToConversationAsync(serviceUrl, conversationId, message with
        {
            Type = ActivityTypes.Message,
            From = bot,
            Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId },
        }, cancellationToken);
        return new(posted.Status, posted.IsOk ? new PostedMessage(conversationId, posted.Value?.Id) : null, posted.HttpStatus);
    }
}

/// <summary>Where a proactive message went, so it can be updated later (e.g. a card that shows a decision).</summary>
public sealed record PostedMessage(string ConversationId, string? ActivityId);
