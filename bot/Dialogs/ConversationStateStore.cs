using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Owns the ConversationState table: one row per conversation and member (<see cref="ConversationStateKey"/>).
/// Loading is one read, which shares a query with other turns' reads when many are out at once
/// (<see cref="DialogOptions.StateReadsInFlight"/>); saving writes only what changed, guarded by the ETag read at load,
/// so two quick messages in one conversation can never overwrite each other's state unnoticed.
/// </summary>
public sealed partial class ConversationStateStore(
    BotTables tables, IOptions<DialogOptions> options, TimeProvider time, ILogger<ConversationStateStore> logger)
{
    public const string TableName = "ConversationState";

    // A string property holds at most 64 KiB, i.e. 32K UTF-16 characters.
    private const int MaxStateLength = 32 * 1024;

    private readonly OwnedTable _table = new(tables, TableName);
    private readonly CoalescingReader<ConversationStateEntity> _reader =
        new(tables.GetTableClient(TableName), options.Value.StateReadsInFlight);

    /// <summary>
    /// The state of the conversation <paramref name="activity"/> belongs to. State left idle for longer than
    /// <see cref="DialogOptions.IdleTimeout"/>, or that cannot be read, comes back empty and is replaced when the turn saves.
    /// </summary>
    public async Task<ConversationState> LoadAsync(Activity activity, CancellationToken cancellationToken)
    {
        var key = ConversationStateKey.For(activity);
        var row = await _reader.GetEntityAsync(key.PartitionKey, key.RowKey, cancellationToken);
        if (row is null)
            return ConversationState.New(key);
        if (time.GetUtcNow() - row.LastActive >= options.Value.IdleTimeout)
        {
            LogExpired(logger, row.LastActive);
            return ConversationState.ReplacingStale(key, row.ETag);
        }
        try
        {
            return ConversationState.Parse(key, row.ETag, row.State);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex);
            return ConversationState.ReplacingStale(key, row.ETag);
        }
    }

    /// <summary>
    /// Writes <paramref name="state"/> if the turn changed it, deleting the row once nothing is left in it;
    /// does nothing otherwise.
    /// </summary>
    /// <returns>False when another turn in the same conversation saved first: this turn's state was not stored.</returns>
    public async Task<bool> TrySaveAsync(ConversationState state, CancellationToken cancellationToken)
    {
        // Serialised once: the comparison with what is stored and the write use the same JSON.
        if (state.ChangedJson() is not { } json)
            return true;
        var key = state.Key;
        try
        {
            if (state.IsEmpty)
            {
                if (state.ETag is { } stored)
                    await _table.Existing.DeleteEntityAsync(key.PartitionKey, key.RowKey, stored, cancellationToken);
                return true;
            }

            if (json.Length > MaxStateLength)
                throw new InvalidOperationException(
                    $"Conversation state is {json.Length} characters; a table row holds at most {MaxStateLength}. Keep large data out of dialog state.");
            var row = new ConversationStateEntity
            {
                PartitionKey = key.PartitionKey,
                RowKey = key.RowKey,
                State = json,
                LastActive = time.GetUtcNow(),
            };
            if (state.ETag is not { } etag)
                await AddAsync(row, cancellationToken);
            else if (state.ReplacesStale)
                await ReplaceStaleAsync(row, etag, cancellationToken);
            else
                await _table.Existing.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsStale() || ex.IsConflict())
        {
            // A write whose answer was lost (a network timeout under load) is tried again by the client and then meets
            // itself: the row already holds this turn's state, or is already gone. Only another turn's change is a crossing.
            return await HoldsAsync(key, state.IsEmpty ? null : json, cancellationToken);
        }
    }

    private async Task<bool> HoldsAsync(ConversationStateKey key, string? json, CancellationToken cancellationToken)
    {
        var row = await _table.Existing.FindEntityAsync<ConversationStateEntity>(key.PartitionKey, key.RowKey, cancellationToken);
        return row?.State == json;
    }

    /// <summary>
    /// Deletes the state of every conversation idle for longer than <see cref="DialogOptions.IdleTimeout"/>: it would
    /// start afresh anyway, and a question typed to a dialog nobody finished is not kept. A row a turn changed since it
    /// was found is left alone.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.IdleTimeout;
        var expired = new List<ConversationStateEntity>();
        try
        {
            await foreach (var row in _table.Existing.QueryAsync<ConversationStateEntity>(
                TableClient.CreateQueryFilter($"LastActive le {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                expired.Add(row);
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
            return 0;
        }

        var deleted = 0;
        foreach (var row in expired)
        {
            try
            {
                await _table.Existing.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.IsStale())
            {
                // The conversation came back to life in the meantime.
            }
        }
        return deleted;
    }

    // The stale row may have been swept away (DeleteExpiredAsync) since this turn read it: then there is nothing to
    // replace, and no other turn's state was lost.
    private async Task ReplaceStaleAsync(ConversationStateEntity row, ETag stale, CancellationToken cancellationToken)
    {
        try
        {
            await _table.Existing.UpdateEntityAsync(row, stale, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsStale() && ex.Status == StatusCodes.Status404NotFound)
        {
            await AddAsync(row, cancellationToken);
        }
    }

    // Every turn's table requests go to the table as it is; only a first save into a new deployment, which finds it
    // missing, creates it (reads of a missing table find nothing).
    private async Task AddAsync(ConversationStateEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.Existing.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.IsTableMissing())
        {
            var table = await _table.GetAsync(cancellationToken);
            await table.AddEntityAsync(row, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation state idle since {LastActive:o} has expired; starting afresh")]
    private static partial void LogExpired(ILogger logger, DateTimeOffset lastActive);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored conversation state could not be read; starting afresh")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
