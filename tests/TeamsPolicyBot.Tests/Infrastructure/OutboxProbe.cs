using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>Reads a bot's Outbox table the way an operator would, to wait for what a turn queued to be sent.</summary>
public static class OutboxProbe
{
    /// <summary>
    /// Waits until nothing in the outbox is being sent or due by <paramref name="time"/>'s now (messages waiting for a
    /// retry later are not waited for), so what was queued has reached the connector.
    /// </summary>
    public static async Task SettledAsync(BotTables tables, TimeProvider time, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (await BusyAsync(tables, time) is { Count: > 0 } busy)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Still being sent or due after the timeout: " + string.Join("; ", busy.Select(row =>
                    $"{row.PartitionKey}/{row.RowKey} claimed {row.GetBoolean("Claimed")}, due {row.GetDateTimeOffset("DueAt"):O}, tries {row.GetInt32("Attempts")}, last {row.GetString("LastStatus")}")));
            await Task.Delay(20);
        }
    }

    /// <summary>Every row in the outbox (queued, being sent, or given up).</summary>
    public static async Task<IReadOnlyList<TableEntity>> RowsAsync(BotTables tables)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in tables.GetTableClient(OutboxStore.TableName).QueryAsync<TableEntity>())
                rows.Add(row);
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
        }
        return rows;
    }

    private static async Task<List<TableEntity>> BusyAsync(BotTables tables, TimeProvider time) =>
        (await RowsAsync(tables)).Where(row => row.GetString("State") == "queued"
            && (row.GetBoolean("Claimed") == true || row.GetDateTimeOffset("DueAt") <= time.GetUtcNow())).ToList();
}
