using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Storage;

/// <summary>One line of an audit log: who did what to which request or question, when, and from which conversation.</summary>
/// <param name="SubjectId">The request's or question's id: its partition.</param>
public sealed record AuditEntry(string SubjectId, string Action, string ActorId, string ActorName, DateTimeOffset At, string? ConversationId, string? Detail);

/// <summary>
/// An append-only audit table: entries are added, never changed or deleted. One partition per subject (a request, a
/// question), rows in time order. Each capability owns its own table through a subclass.
/// </summary>
public class AuditLog(BotTables tables, string tableName)
{
    // Entries stamped in the same tick keep the order this process wrote them in; the random part keeps two
    // instances from colliding.
    private static long s_sequence;

    private readonly OwnedTable _table = new(tables, tableName);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = new AuditEntity
        {
            PartitionKey = entry.SubjectId,
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

    public async Task<IReadOnlyList<AuditEntry>> EntriesForAsync(string subjectId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subjectId}"), cancellationToken: cancellationToken))
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
