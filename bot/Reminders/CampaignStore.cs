using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>Owns the ReminderCampaigns table: each campaign's row and its deliveries (one row per channel or chat).</summary>
public sealed class CampaignStore(BotTables tables)
{
    public const string TableName = "ReminderCampaigns";

    private const int TransactionLimit = 100;

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>Creates the campaign unless it exists; either way returns it, and whether this call created it.</summary>
    public async Task<(Campaign Campaign, bool Created)> CreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            campaign.ETag = (await table.AddEntityAsync(campaign, cancellationToken)).StoredETag();
            return (campaign, true);
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return (await GetAsync(campaign.Id, cancellationToken) ?? campaign, false);
        }
    }

    public async Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        try
        {
            return await _table.Existing.FindEntityAsync<Campaign>(Campaign.Partition, campaignId, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<Campaign>();
        try
        {
            await foreach (var campaign in _table.Existing.QueryAsync<Campaign>(TableClient.CreateQueryFilter($"PartitionKey eq {Campaign.Partition}"), cancellationToken: cancellationToken))
                all.Add(campaign);
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
            // No campaign was ever started.
        }
        return all;
    }

    /// <summary>The most recently started campaign, if any.</summary>
    public async Task<Campaign?> LatestAsync(CancellationToken cancellationToken)
    {
        return (await AllAsync(cancellationToken)).MaxBy(c => c.StartedAt);
    }

    /// <summary>Changes the campaign's status, whoever else touched it.</summary>
    public async Task SetStatusAsync(Campaign campaign, string status, DateTimeOffset? completedAt, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        campaign.Status = status;
        campaign.CompletedAt = completedAt;
        campaign.ETag = (await table.UpdateEntityAsync(campaign, ETag.All, TableUpdateMode.Merge, cancellationToken)).StoredETag();
    }

    public async Task SetNudgedAsync(Campaign campaign, DateTimeOffset nudgedAt, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = new TableEntity(Campaign.Partition, campaign.Id) { [nameof(Campaign.NudgedAt)] = nudgedAt };
        campaign.NudgedAt = nudgedAt;
        campaign.ETag = (await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken)).StoredETag();
    }

    /// <summary>
    /// Adds a pending delivery for each target the campaign does not have yet (so preparing again after a crash
    /// neither duplicates nor resets a delivery), up to 100 rows per transaction.
    /// </summary>
    /// <returns>How many deliveries the campaign has now.</returns>
    public async Task<int> AddDeliveriesAsync(string campaignId, IAsyncEnumerable<ReminderTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<Delivery>(TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}"), select: ["RowKey"], cancellationToken: cancellationToken))
            existing.Add(row.RowKey);

        var batch = new List<TableTransactionAction>(TransactionLimit);
        await foreach (var target in targets.WithCancellation(cancellationToken))
        {
            if (!existing.Add(target.RowKey))
                continue;
            var delivery = Delivery.For(campaignId, target);
            delivery.UpdatedAt = now;
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, delivery));
            if (batch.Count == TransactionLimit)
            {
                await AddAllAsync(table, batch, cancellationToken);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await AddAllAsync(table, batch, cancellationToken);
        }
        return existing.Count;
    }

    /// <summary>
    /// Adds the deliveries in one transaction; when another runner added some of them since this one looked (an
    /// instance taking over a campaign, or a second runner in the same process), adds the rest one by one. A delivery
    /// that exists is never overwritten: it may already be sent.
    /// </summary>
    private static async Task AddAllAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.IsConflict())
        {
            foreach (var action in batch)
            {
                try
                {
                    await table.AddEntityAsync(action.Entity, cancellationToken);
                }
                catch (RequestFailedException added) when (added.IsConflict())
                {
                }
            }
        }
    }

    /// <summary>Deliveries still to send: pending, or attempting (a send a crash may have interrupted).</summary>
    public async IAsyncEnumerable<Delivery> UnfinishedAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and (Status eq {Delivery.Pending} or Status eq {Delivery.Attempting})");
        await foreach (var delivery in table.QueryAsync<Delivery>(filter, cancellationToken: cancellationToken))
            yield return delivery;
    }

    public async IAsyncEnumerable<Delivery> DeliveriesAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await foreach (var delivery in table.QueryAsync<Delivery>(TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}"), cancellationToken: cancellationToken))
            yield return delivery;
    }

    /// <summary>Saves <paramref name="delivery"/> only if nobody changed it since it was read.</summary>
    /// <exception cref="RequestFailedException">Another runner changed it first (<see cref="TableErrors.IsStale"/>).</exception>
    public async Task SaveAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        delivery.ETag = (await table.UpdateEntityAsync(delivery, delivery.ETag, TableUpdateMode.Replace, cancellationToken)).StoredETag();
    }
}
