using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

public static class AuditActions
{
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Nudged = "nudged";
    public const string Refused = "refused";
}

/// <summary>One line of the audit log: who did what to which request, when, and from which conversation.</summary>
public sealed record AuditEntry(string RequestId, string Action, string ActorId, string ActorName, DateTimeOffset At, string? ConversationId, string? Detail);

/// <summary>
/// Owns the ApprovalAudit table, which is append-only: entries are added, never changed or deleted.
/// One partition per request, rows in time order.
/// </summary>
public sealed class ApprovalAuditLog(BotTables tables)
{
    public const string TableName = "ApprovalAudit";

    // Entries stamped in the same tick keep the order this process wrote them in; the random part keeps two
    // instances from colliding.
    private static long s_sequence;

    private readonly OwnedTable _table = new(tables, TableName);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = new AuditEntity
        {
            PartitionKey = entry.RequestId,
            RowKey = string.Create(CultureInfo.InvariantCulture,
                $"{entry.At.UtcTicks:D19}-{Interlocked.Increment(ref s_sequence):D12}-{Guid.NewGuid().ToString("N")[..8]}"),
            Action = entry.Action,
            ActorId = entry.ActorId,
            ActorName = entry.ActorName,
            At = entry.At,
            ConversationId = entry.ConversationId,
            Detail = entry.Detail,
        };
        await table.AddEntityAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> EntriesForAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {requestId}"), cancellationToken: cancellationToken))
            entries.Add(new AuditEntry(row.PartitionKey, row.Action, row.ActorId, row.ActorName, row.At, row.ConversationId, row.Detail));
        return entries;
    }

    private sealed class AuditEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Action { get; set; } = "";
        public string ActorId { get; set; } = "";
        public string ActorName { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public string? ConversationId { get; set; }
        public string? Detail { get; set; }
    }
}
