using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>A request as stored, with the ETag that guards the next change to it.</summary>
public sealed record StoredRequest(ApprovalRequest Request, ETag ETag);

/// <summary>
/// Owns the ApprovalRequests table: one row per request. Every change after the first write is conditional on the
/// ETag the caller read, so of two people acting on the same request at once exactly one succeeds.
/// </summary>
public sealed class ApprovalRequestStore(BotTables tables)
{
    public const string TableName = "ApprovalRequests";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <returns>False when a request with this id already exists (nothing was written).</returns>
    public async Task<bool> TryAddAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(ApprovalRequestEntity.From(request), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }

    public async Task<StoredRequest?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsRequestId(id))
            return null;
        var table = await _table.GetAsync(cancellationToken);
        var row = await table.FindEntityAsync<ApprovalRequestEntity>(ApprovalRequestEntity.Partition, id, cancellationToken);
        return row is null ? null : new StoredRequest(row.ToRequest(), row.ETag);
    }

    /// <summary>Writes <paramref name="changed"/> only if the stored request still has <paramref name="etag"/>.</summary>
    /// <returns>The new ETag, or null when someone else changed the request first (nothing was written).</returns>
    public async Task<ETag?> TryUpdateAsync(ApprovalRequest changed, ETag etag, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            return (await table.UpdateEntityAsync(ApprovalRequestEntity.From(changed), etag, TableUpdateMode.Replace, cancellationToken)).StoredETag();
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            return null;
        }
    }

    public IAsyncEnumerable<StoredRequest> RequestedByAsync(string requesterId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {ApprovalRequestEntity.Partition} and RequesterId eq {requesterId}"), cancellationToken);

    public IAsyncEnumerable<StoredRequest> PendingAsync(CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {ApprovalRequestEntity.Partition} and Status eq {ApprovalStatus.Pending}"), cancellationToken);

    /// <summary>Requests made from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public IAsyncEnumerable<StoredRequest> RequestedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {ApprovalRequestEntity.Partition} and RequestedAt ge {from} and RequestedAt lt {to}"), cancellationToken);

    private async IAsyncEnumerable<StoredRequest> QueryAsync(
        string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<ApprovalRequestEntity>(filter, cancellationToken: cancellationToken))
            yield return new StoredRequest(row.ToRequest(), row.ETag);
    }

    /// <summary>Ids are made by <see cref="ApprovalIds"/>; anything else (e.g. from forged card data) is not looked up.</summary>
    private static bool IsRequestId(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
