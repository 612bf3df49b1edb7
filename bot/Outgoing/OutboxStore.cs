using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Outgoing;

/// <summary>A queued message as a worker read it; <see cref="ETag"/> guards every change it makes.</summary>
public sealed record StoredMessage(OutboxEntity Row)
{
    public ETag ETag => Row.ETag;
    public int Attempts => Row.Attempts;
}

/// <summary>
/// Owns the Outbox table: one row per message, partitioned by batch. Every change after queuing is ETag-conditional,
/// so two instances never both claim a message, and a message changed while one was sending it (a newer card queued
/// for the same copy) is sent again rather than deleted.
/// </summary>
public sealed class OutboxStore(BotTables tables)
{
    public const string TableName = "Outbox";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>Queues the messages that are not queued already; a batch's messages in one transaction per 100.</summary>
    /// <returns>The ones that were queued already, and were left as they are.</returns>
    public async Task<IReadOnlyList<OutboxEntity>> AddAllAsync(IEnumerable<OutboxEntity> rows, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var waiting = new List<OutboxEntity>();
        foreach (var batch in rows.GroupBy(row => row.PartitionKey))
        {
            foreach (var chunk in batch.DistinctBy(row => row.RowKey).Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken);
                }
                catch (TableTransactionFailedException failed) when (failed.IsConflict())
                {
                    // Some were queued before (a step run again): nothing was applied, so add the rest one by one.
                    foreach (var row in chunk)
                    {
                        if (!await TryAddAsync(table, row, cancellationToken))
                            waiting.Add(row);
                    }
                }
            }
        }
        return waiting;
    }

    public async Task<bool> TryAddAsync(OutboxEntity row, CancellationToken cancellationToken) =>
        await TryAddAsync(await _table.GetAsync(cancellationToken), row, cancellationToken);

    /// <summary>
    /// Queues <paramref name="row"/> in place of any message of the same name still waiting (a newer card for the same copy).
    /// One a worker is sending keeps its lease: the worker sends the new one as soon as it has finished.
    /// </summary>
    public async Task ReplaceAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = row.DueAt;
        while (!await TryAddAsync(table, row, cancellationToken))
        {
            if (await table.FindEntityAsync<OutboxEntity>(row.PartitionKey, row.RowKey, cancellationToken) is not { } waiting)
                continue;
            row.Claimed = waiting.Claimed;
            row.DueAt = waiting.Claimed && waiting.DueAt > now ? waiting.DueAt : now;
            try
            {
                await table.UpdateEntityAsync(row, waiting.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.IsStale())
            {
            }
        }
    }

    /// <summary>Queued messages due by <paramref name="now"/>, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<StoredMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<StoredMessage>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"State eq {OutboxEntity.Queued} and DueAt le {now}");
            await foreach (var row in _table.Existing.QueryAsync<OutboxEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
            {
                due.Add(new StoredMessage(row));
                if (due.Count == max)
                    break;
            }
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
        }
        return due;
    }

    /// <summary>Takes the message until <paramref name="leaseUntil"/> and counts a try; null when another worker took it first.</summary>
    public async Task<StoredMessage?> TryClaimAsync(StoredMessage stored, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var row = stored.Row;
        row.Claimed = true;
        row.ClaimId = Guid.NewGuid().ToString("N");
        row.DueAt = leaseUntil;
        row.Attempts++;
        try
        {
            var written = await _table.Existing.UpdateEntityAsync(row, stored.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = written.StoredETag();
            return stored;
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            // Either another worker took it, or our own write landed and only its answer was lost (the retry met our new ETag).
            var now = await _table.Existing.FindEntityAsync<OutboxEntity>(row.PartitionKey, row.RowKey, cancellationToken);
            return now?.ClaimId == row.ClaimId ? new StoredMessage(now!) : null;
        }
    }

    /// <summary>Removes a delivered message, unless it was replaced while being sent: then the new one is due now.</summary>
    public async Task CompleteAsync(StoredMessage claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _table.Existing.DeleteEntityAsync(claimed.Row.PartitionKey, claimed.Row.RowKey, claimed.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            await ReleaseReplacedAsync(claimed.Row, now, cancellationToken);
        }
    }

    public Task RetryLaterAsync(StoredMessage claimed, DateTimeOffset due, string status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = claimed.Row;
        row.Claimed = false;
        row.DueAt = due;
        row.LastStatus = status;
        return UpdateClaimedAsync(claimed, now, cancellationToken);
    }

    /// <summary>Keeps the row for operators to see, without the message itself.</summary>
    public Task GiveUpAsync(StoredMessage claimed, string status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = claimed.Row;
        row.State = OutboxEntity.GaveUp;
        row.Claimed = false;
        row.LastStatus = status;
        row.Body = [];
        row.FollowUpData = null;
        return UpdateClaimedAsync(claimed, now, cancellationToken);
    }

    private async Task UpdateClaimedAsync(StoredMessage claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _table.Existing.UpdateEntityAsync(claimed.Row, claimed.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            await ReleaseReplacedAsync(claimed.Row, now, cancellationToken);
        }
    }

    /// <summary>A newer message took this one's place while it was being sent: it is due now, with its own tries.</summary>
    private async Task ReleaseReplacedAsync(OutboxEntity sent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (await _table.Existing.FindEntityAsync<OutboxEntity>(sent.PartitionKey, sent.RowKey, cancellationToken) is { Claimed: true } newer)
        {
            newer.Claimed = false;
            newer.DueAt = now;
            try
            {
                await _table.Existing.UpdateEntityAsync(newer, newer.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.IsStale())
            {
            }
        }
    }

    private static async Task<bool> TryAddAsync(TableClient table, OutboxEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }
}
