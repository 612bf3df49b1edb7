using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Owns the ReminderNudges table: who was nudged for which campaign. A nudge is recorded before it is sent, so
/// nobody is nudged twice for a campaign, even by two instances at once (at most once: a crash may skip one).
/// </summary>
public sealed class NudgeLog(BotTables tables)
{
    public const string TableName = "ReminderNudges";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <returns>False when this person was already nudged for this campaign.</returns>
    public async Task<bool> TryRecordAsync(string campaignId, string aadObjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(campaignId, TableKey.Encode(aadObjectId)) { ["NudgedAt"] = now }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }

    public async Task<int> CountAsync(string campaignId, CancellationToken cancellationToken)
    {
        var count = 0;
        try
        {
            await foreach (var _ in _table.Existing.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}"), select: ["RowKey"], cancellationToken: cancellationToken))
                count++;
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
            // Nobody was ever nudged.
        }
        return count;
    }
}
