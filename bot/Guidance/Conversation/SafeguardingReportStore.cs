using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// Owns the SafeguardingReports table: one row per "Tell … now", partitioned by pack, newest first. It records who
/// raised it, when, the category, the note, and what happened to the message for each contact.
/// </summary>
public sealed class SafeguardingReportStore(BotTables tables)
{
    public const string TableName = "SafeguardingReports";

    private readonly OwnedTable _table = new(tables, TableName);

    public async Task RecordAsync(SafeguardingReport report, CancellationToken cancellationToken)
    {
        // Inverted ticks: a partition lists the newest report first.
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - report.RaisedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N");
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(new SafeguardingReportEntity
        {
            PartitionKey = TableKey.Encode(report.Pack),
            RowKey = rowKey,
            RaisedBy = report.RaisedBy,
            RaisedById = report.RaisedById,
            RaisedAt = report.RaisedAt,
            Topic = report.Topic,
            Verdict = report.Verdict,
            Note = report.Note,
            ContactsReached = string.Join(',', report.Deliveries.Where(d => d.Delivered).Select(d => d.Contact)),
            Deliveries = JsonSerializer.Serialize(report.Deliveries, JsonSerializerOptions.Web),
        }, cancellationToken);
    }
}

/// <param name="RaisedBy">The member of staff's display name.</param>
/// <param name="RaisedById">Their Entra object id (or Teams id when Teams gave none).</param>
public sealed record SafeguardingReport(
    string Pack, string RaisedBy, string RaisedById, DateTimeOffset RaisedAt, string Topic, string Verdict, string Note,
    IReadOnlyList<SafeguardingDelivery> Deliveries);

/// <param name="Contact">The contact's Entra object id.</param>
/// <param name="Status">The Bot Connector outcome: Ok, BotRemoved (not installed or blocked), NotFound, Refused, Failed; or Queued
/// when Teams did not take it at once and the outbox is still trying.</param>
public sealed record SafeguardingDelivery(string Contact, string Status)
{
    /// <summary>Teams did not take it yet: the outbox is still trying.</summary>
    public const string Queued = "Queued";

    public bool Delivered => Status == nameof(Connector.ConnectorStatus.Ok);
}

internal sealed class SafeguardingReportEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string RaisedBy { get; set; } = "";
    public string RaisedById { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string Topic { get; set; } = "";
    public string Verdict { get; set; } = "";
    public string Note { get; set; } = "";

    /// <summary>Comma-separated Entra object ids of the contacts the message reached.</summary>
    public string ContactsReached { get; set; } = "";

    /// <summary>JSON array of <see cref="SafeguardingDelivery"/>: every contact and what happened.</summary>
    public string Deliveries { get; set; } = "";
}
