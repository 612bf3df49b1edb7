using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>Owns the ReminderAcknowledgements table: at most one acknowledgement per person per campaign.</summary>
public sealed class AcknowledgementStore(BotTables tables)
{
    public const string TableName = "ReminderAcknowledgements";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>Records the acknowledgement; pressing again (or twice at once) keeps the first.</summary>
    /// <returns>The acknowledgement as stored, and whether this call stored it.</returns>
    public async Task<(Acknowledgement Stored, bool First)> AcknowledgeAsync(
        string campaignId, string aadObjectId, string? name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var acknowledgement = new Acknowledgement
        {
            PartitionKey = campaignId,
            RowKey = TableKey.Encode(aadObjectId),
            AadObjectId = aadObjectId,
            Name = name,
            AcknowledgedAt = now,
        };
        try
        {
            await table.AddEntityAsync(acknowledgement, cancellationToken);
            return (acknowledgement, true);
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return (await GetAsync(campaignId, aadObjectId, cancellationToken) ?? acknowledgement, false);
        }
    }

    public async Task<Acknowledgement?> GetAsync(string campaignId, string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        return await table.FindEntityAsync<Acknowledgement>(campaignId, TableKey.Encode(aadObjectId), cancellationToken);
    }

    /// <summary>Everyone who acknowledged the campaign, by Entra object id.</summary>
    public async Task<IReadOnlyDictionary<string, Acknowledgement>> AllAsync(string campaignId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var all = new Dictionary<string, Acknowledgement>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in table.QueryAsync<Acknowledgement>(TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}"), cancellationToken: cancellationToken))
            all[row.AadObjectId] = row;
        return all;
    }

    public async Task<int> CountAsync(string campaignId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync<Acknowledgement>(TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}"), select: ["RowKey"], cancellationToken: cancellationToken))
            count++;
        return count;
    }
}
