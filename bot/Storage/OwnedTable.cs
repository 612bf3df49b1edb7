using Azure.Data.Tables;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// The table of one owner class (a store), created on the owner's first write, once per process rather than once per
/// write. Reads may go to <see cref="Existing"/> and treat a missing table (<see cref="TableErrors.IsTableMissing"/>)
/// as empty, so a bot that never used a feature never creates its tables.
/// </summary>
public sealed class OwnedTable(BotTables tables, string name)
{
    private readonly TableClient _table = tables.GetTableClient(name);
    private volatile bool _created;

    public TableClient Existing => _table;

    /// <summary>The table, created first if this process has not yet done so; a failed creation is tried again next time.</summary>
    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }
        return _table;
    }
}
