using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>A question as stored, with the ETag that guards the next change to it.</summary>
public sealed record StoredQuestion(LeadQuestion Question, ETag ETag);

/// <summary>
/// Owns the LeadQuestions table: one row per question put to the policy leads. Every change after the first write is
/// conditional on the ETag the caller read, so of two leads acting on the same question at once exactly one succeeds.
/// </summary>
public sealed class LeadQuestionStore(BotTables tables)
{
    public const string TableName = "LeadQuestions";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <returns>False when a question with this id already exists (nothing was written).</returns>
    public async Task<bool> TryAddAsync(LeadQuestion question, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(LeadQuestionEntity.From(question), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }

    public async Task<StoredQuestion?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsQuestionId(id))
            return null;
        var row = await _table.Existing.FindEntityAsync<LeadQuestionEntity>(LeadQuestionEntity.Partition, id, cancellationToken);
        return row is null ? null : new StoredQuestion(row.ToQuestion(), row.ETag);
    }

    /// <summary>Writes <paramref name="changed"/> only if the stored question still has <paramref name="etag"/>.</summary>
    /// <returns>False when someone else changed the question first (nothing was written).</returns>
    public async Task<bool> TryUpdateAsync(LeadQuestion changed, ETag etag, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.UpdateEntityAsync(LeadQuestionEntity.From(changed), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsStale())
        {
            return false;
        }
    }

    public IAsyncEnumerable<StoredQuestion> UnansweredAsync(CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {LeadQuestionEntity.Partition} and Status ne {QuestionStatus.Answered}"), cancellationToken);

    public IAsyncEnumerable<StoredQuestion> ForPackAsync(string pack, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {LeadQuestionEntity.Partition} and Pack eq {pack}"), cancellationToken);

    /// <summary>Answers of <paramref name="pack"/> a lead agreed to reuse and nobody has retired.</summary>
    public IAsyncEnumerable<StoredQuestion> ReusableAsync(string pack, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {LeadQuestionEntity.Partition} and Pack eq {pack} and Reusable eq {true} and Retired eq {false}"), cancellationToken);

    /// <summary>Questions asked before <paramref name="cutoff"/> whose text is still kept.</summary>
    public IAsyncEnumerable<StoredQuestion> TextKeptSinceBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {LeadQuestionEntity.Partition} and AskedAt lt {cutoff} and TextDeleted eq {false}"), cancellationToken);

    private async IAsyncEnumerable<StoredQuestion> QueryAsync(
        string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = _table.Existing.QueryAsync<LeadQuestionEntity>(filter, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await rows.MoveNextAsync())
                        yield break;
                }
                catch (RequestFailedException ex) when (ex.IsTableMissing())
                {
                    yield break;
                }
                yield return new StoredQuestion(rows.Current.ToQuestion(), rows.Current.ETag);
            }
        }
        finally
        {
            await rows.DisposeAsync();
        }
    }

    /// <summary>Ids are made by <see cref="Approvals.ApprovalIds"/>; anything else (e.g. from forged card data) is not looked up.</summary>
    private static bool IsQuestionId(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
