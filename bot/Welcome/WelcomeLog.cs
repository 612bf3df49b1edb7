using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Welcome;

/// <summary>
/// Owns the Welcomes table: when each conversation was last welcomed. Teams announces one installation twice
/// (installationUpdate and conversationUpdate), and with several instances of the bot the two may reach different
/// instances, so "welcomed in the last few minutes" is kept in storage and marked with an ETag-guarded write.
/// </summary>
public sealed partial class WelcomeLog(BotTables tables, TimeProvider time, ILogger<WelcomeLog> logger)
{
    public const string TableName = "Welcomes";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const string Row = "welcome";
    private const string WelcomedAt = "WelcomedAt";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>
    /// Marks <paramref name="conversationId"/> as welcomed now, unless it was welcomed within the last few minutes.
    /// When storage cannot be reached the answer is yes: a second welcome is better than none.
    /// </summary>
    /// <returns>Whether this turn should send the welcome.</returns>
    public async Task<bool> TryMarkAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            return await MarkAsync(conversationId, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            LogUnmarked(logger, ex);
            return true;
        }
    }

    private async Task<bool> MarkAsync(string conversationId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var key = TableKey.Encode(conversationId);
        var last = await table.FindEntityAsync<TableEntity>(key, Row, cancellationToken);
        if (last?.GetDateTimeOffset(WelcomedAt) > now - Window)
            return false;
        var mark = new TableEntity(key, Row) { [WelcomedAt] = now };
        return await table.TryReplaceAsync(mark, last, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check whether this conversation was just welcomed; welcoming it")]
    private static partial void LogUnmarked(ILogger logger, Exception exception);
}
