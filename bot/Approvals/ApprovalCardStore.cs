using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>One posted copy of a request's card: the conversation and the message to update.</summary>
public sealed record CardCopy(string ConversationId, string ActivityId);

/// <summary>Owns the ApprovalCards table: where each request's cards were posted, so every copy can be updated.</summary>
public sealed class ApprovalCardStore(BotTables tables)
{
    public const string TableName = "ApprovalCards";

    private readonly OwnedTable _table = new(tables, TableName);

    public async Task AddAsync(string requestId, CardCopy copy, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(Row(requestId, copy), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores many copies in one round trip per 100: a request's copies share its partition.</summary>
    public async Task AddAllAsync(string requestId, IReadOnlyCollection<CardCopy> copies, CancellationToken cancellationToken)
    {
        if (copies.Count == 0)
            return;
        var table = await _table.GetAsync(cancellationToken);
        foreach (var chunk in copies.Chunk(100))
            await table.SubmitTransactionAsync(
                chunk.Select(copy => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(requestId, copy))), cancellationToken);
    }

    public async Task<IReadOnlyList<CardCopy>> CopiesOfAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var copies = new List<CardCopy>();
        await foreach (var row in table.QueryAsync<CardCopyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {requestId}"), cancellationToken: cancellationToken))
            copies.Add(new CardCopy(row.ConversationId, row.ActivityId));
        return copies;
    }

    private static CardCopyEntity Row(string requestId, CardCopy copy) => new()
    {
        PartitionKey = requestId,
        RowKey = TableKey.Encode(copy.ConversationId + "|" + copy.ActivityId),
        ConversationId = copy.ConversationId,
        ActivityId = copy.ActivityId,
    };

    private sealed class CardCopyEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string ConversationId { get; set; } = "";
        public string ActivityId { get; set; } = "";
    }
}
