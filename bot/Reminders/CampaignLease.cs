using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Owns the ReminderLeases table: one row that says which instance of the bot is sending reminders, until when.
/// Taking or renewing it is an ETag-guarded write, so of two instances only one ever holds it; a lease its holder
/// stopped renewing (a crashed instance) can be taken once it has expired.
/// </summary>
public sealed class CampaignLease(BotTables tables, TimeProvider time, IOptions<ReminderOptions> options)
{
    public const string TableName = "ReminderLeases";

    private const string Partition = "lease";
    private const string Row = "campaigns";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>Who this instance is, as written in the lease.</summary>
    public string Holder { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>Takes the lease if it is free, expired or already ours, and extends it by the lease duration.</summary>
    /// <returns>Whether this instance now holds the lease.</returns>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var lease = await table.FindEntityAsync<TableEntity>(Partition, Row, cancellationToken);
        var claim = new TableEntity(Partition, Row)
        {
            ["Holder"] = Holder,
            ["ExpiresAt"] = now + options.Value.LeaseDuration,
        };
        if (lease is not null && lease.GetString("Holder") != Holder && lease.GetDateTimeOffset("ExpiresAt") > now)
            return false;
        return await table.TryReplaceAsync(claim, lease, cancellationToken);
    }

    /// <summary>Lets another instance take over at once; does nothing if the lease is no longer ours.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var lease = await table.FindEntityAsync<TableEntity>(Partition, Row, cancellationToken);
        if (lease?.GetString("Holder") != Holder)
            return;
        try
        {
            await table.DeleteEntityAsync(Partition, Row, lease.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            // Taken over in the meantime: not ours to release.
        }
    }
}
