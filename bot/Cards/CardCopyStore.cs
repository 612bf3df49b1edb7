using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Cards;

/// <summary>One posted copy of a card: the conversation and the message to update.</summary>
public sealed record CardCopy(string ConversationId, string ActivityId);

/// <summary>
/// Where each subject's (a request's, a question's) cards were posted, so every copy can be updated once it changes.
/// One partition per subject. Each capability owns its own table through a subclass.
/// </summary>
public class CardCopyStore(BotTables tables, string tableName)
{
    private readonly OwnedTable _table = new(tables, tableName);

    public async Task AddAsync(string subjectId, CardCopy copy, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(Row(subjectId, copy), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores many copies in one round trip per 100: a subject's copies share its partition.</summary>
    public async Task AddAllAsync(string subjectId, IReadOnlyCollection<CardCopy> copies, CancellationToken cancellationToken)
    {
        if (copies.Count == 0)
            return;
        var table = await _table.GetAsync(cancellationToken);
        foreach (var chunk in copies.Chunk(100))
            await table.SubmitTransactionAsync(
                chunk.Select(copy => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(subjectId, copy))), cancellationToken);
    }

    public async Task<IReadOnlyList<CardCopy>> CopiesOfAsync(string subjectId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var copies = new List<CardCopy>();
        await foreach (var row in table.QueryAsync<CardCopyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subjectId}"), cancellationToken: cancellationToken))
            copies.Add(new CardCopy(row.ConversationId, row.ActivityId));
        return copies;
    }

    private static CardCopyEntity Row(string subjectId, CardCopy copy) => new()
    {
        PartitionKey = subjectId,
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
