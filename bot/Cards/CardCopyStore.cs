using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Cards;

/// <summary>One posted copy of a card: the conversation and the message to update.</summary>
public sealed record CardCopy(string ConversationId, string ActivityId);

/// <summary>
/// Where each subject's (a request's, a question's) cards were posted, so every copy can be updated once it changes,
/// and what they should show now (the latest card, for copies that land after a change). One partition per subject.
/// Each capability owns its own table through a subclass.
/// </summary>
public class CardCopyStore(BotTables tables, string tableName)
{
    // TableKey.Encode writes '~' only before two hex digits, so no copy's key can be this.
    private const string LatestKey = "~latest";

    private readonly OwnedTable _table = new(tables, tableName);

    /// <summary>The table's name, without the prefix: how outbox follow-ups find this store again.</summary>
    public string Name { get; } = tableName;

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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subjectId} and RowKey ne {LatestKey}");
        await foreach (var row in table.QueryAsync<CardCopyEntity>(filter, cancellationToken: cancellationToken))
            copies.Add(new CardCopy(row.ConversationId, row.ActivityId));
        return copies;
    }

    /// <summary>Keeps <paramref name="card"/> as what every copy of the subject's card should show now.</summary>
    public async Task SetLatestAsync(string subjectId, Activity card, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new LatestCardEntity
        {
            PartitionKey = subjectId,
            RowKey = LatestKey,
            Card = JsonSerializer.SerializeToUtf8Bytes(card, ConnectorJson.Options),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The card every copy should show now, or null when the subject has not changed since it was posted.</summary>
    public async Task<Activity?> LatestAsync(string subjectId, CancellationToken cancellationToken)
    {
        var row = await _table.Existing.FindEntityAsync<LatestCardEntity>(subjectId, LatestKey, cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<Activity>(row.Card, ConnectorJson.Options);
    }

    /// <summary>Forgets the latest card (it may hold personal data past its retention); the copies stay.</summary>
    public async Task ForgetLatestAsync(string subjectId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.Existing.DeleteEntityAsync(subjectId, LatestKey, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
        }
    }

    private static CardCopyEntity Row(string subjectId, CardCopy copy) => new()
    {
        PartitionKey = subjectId,
        RowKey = TableKey.Encode(copy.ConversationId + "|" + copy.ActivityId),
        ConversationId = copy.ConversationId,
        ActivityId = copy.ActivityId,
    };

    private sealed class LatestCardEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public byte[] Card { get; set; } = [];
    }

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
