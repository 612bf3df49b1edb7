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
}
