using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Outgoing;

/// <summary>
/// Sends what is due in the Outbox table, up to <see cref="OutboxOptions.Concurrency"/> at once: at once when this
/// instance queued something, otherwise every <see cref="OutboxOptions.PollInterval"/> (which also drains what a
/// stopped or crashed instance left). Each message is claimed with its ETag for <see cref="OutboxOptions.LeaseDuration"/>
/// before it is sent, so two instances never send one message at once; a delivered message is deleted, a failed one
/// retried later, a hopeless one given up.
/// </summary>
public sealed partial class OutboxWorker(
    OutboxStore store,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    FollowUps followUps,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.Concurrency);
        var pageSize = settings.Concurrency * 4;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var due = await store.DueAsync(time.GetUtcNow(), pageSize, stoppingToken);
                foreach (var stored in due)
                {
                    // Each message starts as soon as a slot is free, not after the rest of its page: a slow send never holds up the next.
                    await slots.WaitAsync(stoppingToken);
                    _ = SendAndReleaseAsync(stored, slots, stoppingToken);
                }
                full = due.Count == pageSize;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, ex);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (full)
                continue;
            try
            {
                await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        // What is still being sent stops with the host; its lease runs out and whichever instance is running sends it.
        for (var i = 0; i < settings.Concurrency; i++)
            await slots.WaitAsync(CancellationToken.None);
    }

    private async Task SendAndReleaseAsync(StoredMessage stored, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            // The connector's HttpClient is made per scope, as IHttpClientFactory wants.
            await using var scope = scopes.CreateAsyncScope();
            await DeliverAsync(stored, scope.ServiceProvider.GetRequiredService<OutboxSender>(), scope.ServiceProvider.GetRequiredService<Outbox>(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Its lease runs out and it is tried again; the others carry on.
            LogDeliveryFailed(logger, ex, stored.Row.Kind);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task DeliverAsync(StoredMessage stored, OutboxSender sender, Outbox outbox, CancellationToken cancellationToken)
    {
        if (await store.TryClaimAsync(stored, time.GetUtcNow() + options.Value.LeaseDuration, cancellationToken) is not { } claimed)
            return;
        OutboxMessage message;
        try
        {
            message = claimed.Row.ToMessage();
        }
        catch (Exception ex) when (ex is JsonException or UriFormatException or FormatException)
        {
            LogUnreadable(logger, ex, claimed.Row.Kind);
            await store.GiveUpAsync(claimed, "Unreadable", time.GetUtcNow(), cancellationToken);
            return;
        }

        var sent = await sender.SendAsync(message.To, message.Activity, cancellationToken);
        var status = Outbox.StatusText(sent);
        if (sent.IsOk)
        {
            await followUps.DeliveredAsync(message, sent.Value!, cancellationToken);
            await store.CompleteAsync(claimed, time.GetUtcNow(), cancellationToken);
            LogDelivered(logger, message.Batch, message.To.Kind, claimed.Attempts);
        }
        else if (Outbox.IsFinal(sent.Status) || claimed.Attempts >= outbox.MaxAttempts(message))
        {
            if (message.Urgent)
                LogUrgentGaveUp(logger, message.Batch, message.To.Kind, claimed.Attempts, status);
            else
                LogGaveUp(logger, message.Batch, message.To.Kind, claimed.Attempts, status);
            await followUps.GaveUpAsync(message, sent.Status, cancellationToken);
            await store.GiveUpAsync(claimed, status, time.GetUtcNow(), cancellationToken);
        }
        else
        {
            var delay = outbox.RetryDelay(claimed.Attempts);
            await store.RetryLaterAsync(claimed, time.GetUtcNow() + delay, status, time.GetUtcNow(), cancellationToken);
            LogRetrying(logger, message.Batch, message.To.Kind, claimed.Attempts, status, delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered a {Kind} message of {Batch} on try {Attempts}")]
    private static partial void LogDelivered(ILogger logger, string batch, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Kind} message of {Batch} failed on try {Attempts} ({Status}); trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string batch, string kind, int attempts, string status, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up a {Kind} message of {Batch} after {Attempts} tries ({Status}); its row stays in the Outbox table, without the message")]
    private static partial void LogGaveUp(ILogger logger, string batch, string kind, int attempts, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up an urgent {Kind} message of {Batch} after {Attempts} tries ({Status}); its row stays in the Outbox table, without the message")]
    private static partial void LogUrgentGaveUp(ILogger logger, string batch, string kind, int attempts, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox row ({Kind}) could not be read and was given up")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Kind} message from the outbox failed; it is tried again when its lease ends")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due outbox messages failed; trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
