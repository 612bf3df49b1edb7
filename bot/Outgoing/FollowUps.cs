using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Outgoing;

/// <summary>Runs a message's <see cref="OutboxMessage.Then"/>: the <see cref="IOutboxFollowUp"/> registered under its name.</summary>
public sealed class FollowUps(IServiceProvider services)
{
    public Task DeliveredAsync(OutboxMessage message, PostedMessage posted, CancellationToken cancellationToken) =>
        message.Then is { } then ? Find(then).DeliveredAsync(message, posted, cancellationToken) : Task.CompletedTask;

    public Task GaveUpAsync(OutboxMessage message, ConnectorStatus status, CancellationToken cancellationToken) =>
        message.Then is { } then ? Find(then).GaveUpAsync(message, status, cancellationToken) : Task.CompletedTask;

    private IOutboxFollowUp Find(FollowUp then) => services.GetKeyedService<IOutboxFollowUp>(then.Name)
        ?? throw new InvalidOperationException($"No outbox follow-up is registered as '{then.Name}'.");
}
