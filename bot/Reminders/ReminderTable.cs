using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// A table its owner creates on its first write, once per process. Reads go to <see cref="Existing"/> and treat a
/// missing table as empty, so a bot that never sent a reminder never creates reminder tables.
/// </summary>
internal sealed class ReminderTable(TableServiceClient tables, string name)
{
    private readonly TableClient _table = tables.GetTableClient(name);
    private volatile bool _created;

    public TableClient Existing => _table;

    public static bool IsMissing(TableRequestException exception) => exception.ErrorCode == TableError.TableNotFound;

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
