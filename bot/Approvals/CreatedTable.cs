using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>A table created on first use, once per process; a failed creation is tried again next time.</summary>
internal sealed class CreatedTable(TableClient table)
{
    private volatile bool _created;

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }
        return table;
    }
}
