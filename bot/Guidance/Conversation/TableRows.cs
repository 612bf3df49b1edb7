using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Guidance.Conversation;

internal static class TableRows
{
    /// <summary>Adds <paramref name="row"/>, creating the table on its first write.</summary>
    /// <exception cref="TableConflictException">A row with the same keys exists.</exception>
    public static async Task AddAsync<T>(TableClient table, T row, CancellationToken cancellationToken) where T : ITableEntity
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (TableRequestException ex) when (ex.ErrorCode == TableError.TableNotFound)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            await table.AddEntityAsync(row, cancellationToken);
        }
    }
}
