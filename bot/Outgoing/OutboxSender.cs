using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Outgoing;

/// <summary>Makes the one Bot Connector call a message's destination needs (the connector's retries included).</summary>
public sealed class OutboxSender(ConnectorClient connector, ProactiveMessenger proactive)
{
    public async Task<ConnectorResult<PostedMessage>> SendAsync(Destination to, Activity activity, CancellationToken cancellationToken)
    {
        var from = to.From;
        var message = activity with { Type = activity.Type ?? ActivityTypes.Message };
        switch (to.Kind)
        {
            case DestinationKinds.Person:
                return await proactive.SendToPersonAsync(from.ServiceUrl, from.TenantId, from.Bot, to.To, message, cancellationToken);

            case DestinationKinds.ChannelThread:
                var thread = ConversationParameters.ChannelThread(from.Bot, to.To, from.TenantId, message);
                if (to.TeamId is { Length: > 0 } teamId)
                    thread = thread with { ChannelData = thread.ChannelData! with { Team = new TeamInfo { Id = teamId } } };
                var created = await connector.CreateConversationAsync(from.ServiceUrl, thread, cancellationToken);
                return created.IsOk && created.Value is { Id: { Length: > 0 } conversationId } value
                    ? new(ConnectorStatus.Ok, new PostedMessage(conversationId, value.ActivityId), created.HttpStatus)
                    : new(created.IsOk ? ConnectorStatus.Failed : created.Status, HttpStatus: created.HttpStatus);

            case DestinationKinds.Reply:
                return Posted(to, await connector.ReplyToActivityAsync(from.ServiceUrl, to.To, to.ActivityId!, InConversation(message, to), cancellationToken));

            case DestinationKinds.Conversation:
                return Posted(to, await connector.SendToConversationAsync(from.ServiceUrl, to.To, InConversation(message, to), cancellationToken));

            case DestinationKinds.Update:
                var updated = await connector.UpdateActivityAsync(from.ServiceUrl, to.To, to.ActivityId!, InConversation(message, to) with { Id = to.ActivityId }, cancellationToken);
                return new(updated.Status, updated.IsOk ? new PostedMessage(to.To, to.ActivityId) : null, updated.HttpStatus);

            default:
                throw new InvalidOperationException($"The outbox cannot send to a destination of kind '{to.Kind}'.");
        }
    }

    /// <summary>
    /// The message as sent into an existing conversation: from the bot, and naming its conversation's tenant (unless a
    /// reply kept from a turn names it already) so the tenant's pacing applies.
    /// </summary>
    private static Activity InConversation(Activity message, Destination to) => message with
    {
        From = to.From.Bot,
        Conversation = message.Conversation ?? new ConversationAccount { Id = to.To, TenantId = to.From.TenantId },
    };

    private static ConnectorResult<PostedMessage> Posted(Destination to, ConnectorResult<ResourceResponse> result) =>
        new(result.Status, result.IsOk ? new PostedMessage(to.To, result.Value?.Id) : null, result.HttpStatus);
}
