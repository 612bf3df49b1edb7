using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// Owns the GuidanceFeedback table: one row per vote ("Was this right?"), partitioned by pack, keyed by the answer
/// and the voter so a member of staff votes once per answer. The policy lead reads the counts per topic.
/// </summary>
public sealed class GuidanceFeedbackStore(BotTables tables, TimeProvider time)
{
    public const string TableName = "GuidanceFeedback";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <returns>False when <paramref name="voterId"/> already voted on this answer: nothing was written.</returns>
    public async Task<bool> TryRecordAsync(string pack, string topic, string answerId, string voterId, bool helpful, CancellationToken cancellationToken)
    {
        var row = new GuidanceFeedbackEntity
        {
            PartitionKey = TableKey.Encode(pack),
            RowKey = TableKey.Encode($"{answerId}|{voterId}"),
            Topic = topic,
            Helpful = helpful,
            VotedAt = time.GetUtcNow(),
        };
        try
        {
            var table = await _table.GetAsync(cancellationToken);
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }

    /// <summary>How many votes said each topic's answers were right, and wrong, for <paramref name="pack"/>; busiest topic first.</summary>
    public async Task<IReadOnlyList<FeedbackCount>> CountsAsync(string pack, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Helpful, int NotHelpful)>(StringComparer.Ordinal);
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(pack)}");
            await foreach (var vote in _table.Existing.QueryAsync<GuidanceFeedbackEntity>(filter, cancellationToken: cancellationToken))
            {
                var (helpful, notHelpful) = counts.GetValueOrDefault(vote.Topic);
                counts[vote.Topic] = vote.Helpful ? (helpful + 1, notHelpful) : (helpful, notHelpful + 1);
            }
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
            return [];
        }
        return counts
            .Select(entry => new FeedbackCount(entry.Key, entry.Value.Helpful, entry.Value.NotHelpful))
            .OrderByDescending(count => count.Helpful + count.NotHelpful)
            .ThenBy(count => count.Topic, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>Votes on one topic's answers.</summary>
public sealed record FeedbackCount(string Topic, int Helpful, int NotHelpful);

internal sealed class GuidanceFeedbackEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Topic { get; set; } = "";
    public bool Helpful { get; set; }
    public DateTimeOffset VotedAt { get; set; }
}
