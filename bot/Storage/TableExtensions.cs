using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Storage;

public static class TableExtensions
{
    /// <summary>The entity with these keys, or null when there is none or the table was never created.</summary>
    public static async Task<T?> FindEntityAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var found = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>The ETag the entity has now, from the answer to an add, update or upsert.</summary>
    public static ETag StoredETag(this Response write) =>
        write.Headers.ETag ?? throw new InvalidOperationException($"The table service answered a write with HTTP {write.Status} but no ETag.");

    /// <summary>
    /// Writes <paramref name="entity"/> over <paramref name="current"/> as read (adds it when there was none) unless
    /// another writer changed or added the row since: of writers racing for one row, exactly one gets true.
    /// </summary>
    public static async Task<bool> TryReplaceAsync(this TableClient table, ITableEntity entity, ITableEntity? current, CancellationToken cancellationToken)
    {
        try
        {
            if (current is null)
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            else
                await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict() || ex.IsStale())
        {
            return false;
        }
    }
}
