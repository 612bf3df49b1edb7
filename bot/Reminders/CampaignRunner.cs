using Azure;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

public enum CampaignRunResult
{
    /// <summary>No campaign has anything left to send.</summary>
    Finished,

    /// <summary>Another instance holds the lease and is sending.</summary>
    NotLeader,

    /// <summary>The lease could not be renewed in time; whoever takes it over carries on.</summary>
    LeaseLost,
}

/// <summary>
/// Sends the outstanding deliveries of every unfinished campaign, on the one instance holding the
/// <see cref="CampaignLease"/>, to the <see cref="CampaignTargets"/>, as fast as the tenant's <see cref="TenantPacer"/> lets them go.
/// <para>
/// A delivery is saved as attempting before it is posted and as sent once Teams accepted it; a sent delivery is
/// never posted again. A delivery found attempting after a crash is posted again, a lease duration after that attempt
/// began (at-least-once): Teams cannot tell whether a post reached it, and a missed annual reminder matters more than
/// a rare duplicate in a channel whose post was in flight when the instance died.
/// </para>
/// </summary>
public sealed partial class CampaignRunner(
    CampaignStore campaigns,
    TargetRegistry registry,
    CampaignTargets targets,
    CampaignLease lease,
    ConnectorClient connector,
    ReminderCard card,
    ReminderMetrics metrics,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<CampaignRunner> logger)
{
    // Enough deliveries under way to keep the tenant's bucket busy when each (two table writes and a post) takes up to
    // a second; they wait their turn in the bucket, so more of them never send faster than Teams allows. A reply to
    // staff in the same tenant waits behind at most these while a campaign is sending (about a second).
    private const int ParallelSends = 48;

    public async Task<CampaignRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var unfinished = (await campaigns.AllAsync(cancellationToken)).Where(c => c.Status != Campaign.Complete).ToList();
        if (unfinished.Count == 0)
            return CampaignRunResult.Finished;
        if (!await lease.TryAcquireAsync(cancellationToken))
            return CampaignRunResult.NotLeader;

        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = KeepLeaseAsync(held);
        try
        {
            foreach (var campaign in unfinished)
            {
                // Another instance may have finished it between our read and taking the lease.
                if (await campaigns.GetAsync(campaign.Id, held.Token) is { Status: not Campaign.Complete } current)
                    await RunCampaignAsync(current, held.Token);
            }
            return CampaignRunResult.Finished;
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogLeaseLost(logger);
            return CampaignRunResult.LeaseLost;
        }
        finally
        {
            await held.CancelAsync();
            await renewing;
            // Stopping gracefully or finished: let another instance take over at once instead of after expiry.
            await lease.ReleaseAsync(CancellationToken.None);
        }
    }

    private async Task KeepLeaseAsync(CancellationTokenSource held)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.LeaseDuration / 3, time, held.Token);
                if (!await lease.TryAcquireAsync(held.Token))
                {
                    await held.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (StorageUnavailableException)
        {
            await held.CancelAsync();
        }
    }

    private async Task RunCampaignAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        if (campaign.Status == Campaign.Preparing)
        {
            var count = await campaigns.AddDeliveriesAsync(campaign.Id, targets.ForCampaignAsync(cancellationToken), time.GetUtcNow(), cancellationToken);
            await campaigns.SetStatusAsync(campaign, Campaign.Sending, null, cancellationToken);
            LogSending(logger, campaign.Id, count);
        }

        var reminder = card.Render(campaign.Id);
        while (true)
        {
            var unfinished = new List<Delivery>();
            await foreach (var delivery in campaigns.UnfinishedAsync(campaign.Id, cancellationToken))
                unfinished.Add(delivery);
            if (unfinished.Count == 0)
            {
                await campaigns.SetStatusAsync(campaign, Campaign.Complete, time.GetUtcNow(), cancellationToken);
                LogComplete(logger, campaign.Id);
                return;
            }

            var now = time.GetUtcNow();
            var ready = unfinished.Where(d => ReadyAt(d) <= now).ToList();
            if (ready.Count == 0)
            {
                await Task.Delay(unfinished.Min(ReadyAt) - now, time, cancellationToken);
                continue;
            }
            await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
                async (delivery, token) => await DeliverAsync(delivery, reminder, token));
        }
    }

    /// <summary>
    /// A failed delivery waits for its retry time. One left attempting may still be in flight on an instance that just
    /// lost the lease, so it is posted again only once a lease duration has passed since that attempt began.
    /// </summary>
    private DateTimeOffset ReadyAt(Delivery delivery) => delivery.Status == Delivery.Attempting
        ? delivery.UpdatedAt + options.Value.LeaseDuration
        : delivery.NotBefore ?? DateTimeOffset.MinValue;

    private async Task DeliverAsync(Delivery delivery, Attachment reminder, CancellationToken cancellationToken)
    {
        delivery.Status = Delivery.Attempting;
        delivery.Attempts++;
        delivery.UpdatedAt = time.GetUtcNow();
        try
        {
            await campaigns.SaveAsync(delivery, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            return; // Another runner is on it.
        }

        var result = await connector.SendToConversationAsync(new Uri(delivery.ServiceUrl), delivery.ConversationId, new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = delivery.BotId, Name = delivery.BotName },
            Conversation = new ConversationAccount { Id = delivery.ConversationId, TenantId = delivery.TenantId },
            Attachments = [reminder],
        }, cancellationToken);

        Record(delivery, result);
        // Once Teams has the post, its outcome is saved even if the runner is being stopped.
        await campaigns.SaveAsync(delivery, CancellationToken.None);
        if (delivery.Status == Delivery.Inactive)
            await registry.MarkRemovedAsync(delivery.TenantId, delivery.ConversationId, CancellationToken.None);
    }

    private void Record(Delivery delivery, ConnectorResult<ResourceResponse> result)
    {
        var now = time.GetUtcNow();
        delivery.LastHttpStatus = result.HttpStatus;
        delivery.UpdatedAt = now;
        delivery.NotBefore = null;
        switch (result.Status)
        {
            case ConnectorStatus.Ok:
                delivery.Status = Delivery.Sent;
                delivery.ActivityId = result.Value?.Id;
                metrics.DeliveryEnded(delivery.PartitionKey, ReminderMetrics.Delivered);
                break;
            case ConnectorStatus.BotRemoved or ConnectorStatus.NotFound:
                delivery.Status = Delivery.Inactive;
                LogInactive(logger, delivery.PartitionKey, result.HttpStatus);
                metrics.DeliveryEnded(delivery.PartitionKey, ReminderMetrics.Removed);
                break;
            case ConnectorStatus.Failed when result.HttpStatus == StatusCodes.Status429TooManyRequests:
                // Throttling is not the channel's fault: the tenant's bucket has already slowed everything down.
                delivery.Status = Delivery.Pending;
                delivery.Attempts--;
                break;
            case ConnectorStatus.Failed when delivery.Attempts < options.Value.MaxAttempts:
                delivery.Status = Delivery.Pending;
                delivery.NotBefore = now + options.Value.RetryDelay * Math.Pow(2, delivery.Attempts - 1);
                break;
            default:
                delivery.Status = Delivery.Failed;
                LogFailed(logger, delivery.PartitionKey, delivery.Attempts, result.HttpStatus);
                metrics.DeliveryEnded(delivery.PartitionKey, ReminderMetrics.Failed);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder campaign {CampaignId}: sending to {Count} channels and chats")]
    private static partial void LogSending(ILogger logger, string campaignId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder campaign {CampaignId} complete")]
    private static partial void LogComplete(ILogger logger, string campaignId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder campaign {CampaignId}: a conversation answered {StatusCode}; marked inactive")]
    private static partial void LogInactive(ILogger logger, string campaignId, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder campaign {CampaignId}: gave up on a conversation after {Attempts} tries (last answer {StatusCode})")]
    private static partial void LogFailed(ILogger logger, string campaignId, int attempts, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the reminder campaign lease; another instance will carry on")]
    private static partial void LogLeaseLost(ILogger logger);
}
