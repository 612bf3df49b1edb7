using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>A team owner's choice of the channel the team's annual reminder goes to (partition: tenant; row: team id).</summary>
public sealed class ReminderChannelChoice : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public string ChannelId { get; set; } = "";

    /// <summary>The owner's Entra object id.</summary>
    public string ChosenBy { get; set; } = "";

    public DateTimeOffset ChosenAt { get; set; }
}

/// <summary>Owns the ReminderChannels table: the channel each team's owners chose for the reminder, if they chose one.</summary>
public sealed class ReminderChannelStore(BotTables tables)
{
    public const string TableName = "ReminderChannels";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>Records the choice; the latest owner to choose wins.</summary>
    public async Task ChooseAsync(string tenantId, string teamId, string channelId, string chosenBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new ReminderChannelChoice
        {
            PartitionKey = TableKey.Encode(tenantId),
            RowKey = TableKey.Encode(teamId),
            TenantId = tenantId,
            TeamId = teamId,
            ChannelId = channelId,
            ChosenBy = chosenBy,
            ChosenAt = now,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ReminderChannelChoice?> GetAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        return await table.FindEntityAsync<ReminderChannelChoice>(TableKey.Encode(tenantId), TableKey.Encode(teamId), cancellationToken);
    }

    public async IAsyncEnumerable<ReminderChannelChoice> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await foreach (var choice in table.QueryAsync<ReminderChannelChoice>(cancellationToken: cancellationToken))
            yield return choice;
    }
}
