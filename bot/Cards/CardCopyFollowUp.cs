using System.Text.Json;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Cards;

/// <summary>
/// Once a card posted by <see cref="CardSender"/> lands: records the copy, and if its subject changed while it was on
/// the way (a decision while the approvers' cards were still going out), queues its update to the latest card.
/// </summary>
public sealed partial class CardCopyFollowUp(IServiceProvider services, Outbox outbox, ILogger<CardCopyFollowUp> logger) : IOutboxFollowUp
{
    public async Task DeliveredAsync(OutboxMessage message, PostedMessage posted, CancellationToken cancellationToken)
    {
        var of = JsonSerializer.Deserialize<CardSender.CopiesOf>(message.Then!.Data)!;
        if (posted.ActivityId is not { Length: > 0 } activityId)
        {
            LogNoActivityId(logger, message.Batch);
            return;
        }
        var copies = services.GetRequiredKeyedService<CardCopyStore>(of.Table);
        var copy = new CardCopy(posted.ConversationId, activityId);
        await copies.AddAsync(of.Subject, copy, cancellationToken);
        if (await copies.LatestAsync(of.Subject, cancellationToken) is { } latest)
            await outbox.QueueLatestAsync([CardSender.Update(copies, of.Subject, message.To.From, copy, latest)], cancellationToken);
    }

    public Task GaveUpAsync(OutboxMessage message, ConnectorStatus status, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card of {Batch} was posted but Teams gave no activity id, so that copy cannot be updated")]
    private static partial void LogNoActivityId(ILogger logger, string batch);
}
