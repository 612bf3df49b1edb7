using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Outgoing;

/// <summary>
/// Everything the bot posts outside a turn goes through here, so nothing Teams fails to take is forgotten. Messages are
/// either queued (the <see cref="OutboxWorker"/> starts on them at once) or sent now and queued only if Teams does not
/// take them; queued ones are retried with backoff until delivered or given up (<see cref="OutboxOptions"/>).
/// </summary>
public sealed partial class Outbox(
    OutboxStore store, OutboxSender sender, OutboxSignal signal, FollowUps followUps, IOptions<OutboxOptions> options, TimeProvider time, ILogger<Outbox> logger)
{
    /// <summary>Queues the messages; any already queued under the same name are left as they are.</summary>
    public async Task QueueAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.AddAllAsync(messages.Select(message => OutboxEntity.From(message, now)).ToList(), cancellationToken);
        signal.Notify();
    }

    /// <summary>
    /// Queues the messages in place of any still waiting under the same names: for updates, where only the newest
    /// content matters. One being sent is finished first, so an older card never lands after a newer one.
    /// </summary>
    public async Task QueueLatestAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = await store.AddAllAsync(messages.Select(message => OutboxEntity.From(message, now)).ToList(), cancellationToken);
        await Task.WhenAll(waiting.Select(row => store.ReplaceAsync(row, cancellationToken)));
        signal.Notify();
    }

    /// <summary>Sends the message now; if Teams does not take it (after the connector's retries) it is queued and retried later.</summary>
    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var sent = await sender.SendAsync(message.To, message.Activity, cancellationToken);
        if (sent.IsOk)
        {
            await followUps.DeliveredAsync(message, sent.Value!, cancellationToken);
            return new SendResult(SendOutcome.Delivered, sent.Status);
        }
        return await RetryLaterAsync(message, sent, cancellationToken)
            ? new SendResult(SendOutcome.Queued, sent.Status)
            : new SendResult(SendOutcome.NotDelivered, sent.Status);
    }

    /// <summary>
    /// Queues a message Teams did not take on its first try (<paramref name="failed"/>), to be tried again after the
    /// retry delay; nothing is queued when the refusal is final.
    /// </summary>
    /// <returns>Whether it was queued.</returns>
    public async Task<bool> RetryLaterAsync<T>(OutboxMessage message, ConnectorResult<T> failed, CancellationToken cancellationToken)
    {
        if (failed.IsOk || IsFinal(failed.Status))
            return false;
        var now = time.GetUtcNow();
        var row = OutboxEntity.From(message, now);
        row.Attempts = 1;
        row.DueAt = now + RetryDelay(1);
        row.LastStatus = StatusText(failed);
        try
        {
            await store.TryAddAsync(row, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            LogNotQueued(logger, ex, message.Batch, message.To.Kind);
            return false;
        }
        LogQueued(logger, message.Batch, message.To.Kind, row.LastStatus);
        signal.Notify();
        return true;
    }

    /// <summary>Refusals a retry cannot change: the bot was removed or blocked, the person or conversation is gone.</summary>
    internal static bool IsFinal(ConnectorStatus status) => status is ConnectorStatus.BotRemoved or ConnectorStatus.NotFound or ConnectorStatus.Refused;

    internal int MaxAttempts(OutboxMessage message) => message.Urgent ? options.Value.UrgentMaxAttempts : options.Value.MaxAttempts;

    /// <summary>The wait after <paramref name="attempts"/> failed tries: doubling from the first, capped, plus up to a quarter at random.</summary>
    internal TimeSpan RetryDelay(int attempts)
    {
        var settings = options.Value;
        var doubled = settings.FirstRetryAfter.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryAfter.Ticks, doubled));
        return delay + delay * (Random.Shared.NextDouble() / 4);
    }

    internal static string StatusText<T>(ConnectorResult<T> result) =>
        result.HttpStatus is { } http ? $"{result.Status} ({http})" : result.Status.ToString();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} message of {Batch} was not taken by Teams ({Status}); queued to try again later")]
    private static partial void LogQueued(ILogger logger, string batch, string kind, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} message of {Batch} was not taken by Teams and could not be queued: storage is unavailable")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string batch, string kind);
}
