using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Outgoing;

/// <summary>
/// A message the outbox delivers at least once. <see cref="Batch"/> and <see cref="Key"/> name it: queuing a message
/// with the name of one still waiting changes nothing, so a retried step never queues it twice.
/// </summary>
/// <param name="Batch">What the message is about, e.g. <c>ApprovalCards|&lt;request id&gt;</c>; a batch's messages are queued in one write.</param>
/// <param name="Key">Which of the batch's messages it is, e.g. <c>told|requester</c>.</param>
public sealed record OutboxMessage(string Batch, string Key, Destination To, Activity Activity)
{
    /// <summary>Run once the message is delivered or given up (a card copy to record, a sender to tell).</summary>
    public FollowUp? Then { get; init; }

    /// <summary>Someone is waiting on it: fewer tries (<see cref="OutboxOptions.UrgentMaxAttempts"/>) before it is given up.</summary>
    public bool Urgent { get; init; }
}

/// <summary>The <see cref="IOutboxFollowUp"/> registered as <paramref name="Name"/>, with what it needs to know.</summary>
public sealed record FollowUp(string Name, string Data);

/// <summary>What happened to a message sent now, or later if Teams did not take it now.</summary>
public enum SendOutcome
{
    Delivered,

    /// <summary>Teams did not take it after the connector's retries; the outbox keeps trying.</summary>
    Queued,

    /// <summary>
    /// Not delivered and not kept: Teams refused it for good (the bot is not installed for the person, or was removed),
    /// or storage was down so it could not be queued.
    /// </summary>
    NotDelivered,
}

public sealed record SendResult(SendOutcome Outcome, ConnectorStatus Status)
{
    public bool Delivered => Outcome == SendOutcome.Delivered;
}

/// <summary>
/// Work to do once a message is delivered or given up, registered with
/// <c>services.AddKeyedSingleton&lt;IOutboxFollowUp, T&gt;(name)</c>. Delivery is at least once, so
/// <see cref="DeliveredAsync"/> may run twice for one message.
/// </summary>
public interface IOutboxFollowUp
{
    Task DeliveredAsync(OutboxMessage message, PostedMessage posted, CancellationToken cancellationToken);

    Task GaveUpAsync(OutboxMessage message, ConnectorStatus status, CancellationToken cancellationToken);
}
