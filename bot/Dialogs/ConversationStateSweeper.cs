namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// A minute after start and then every hour, deletes conversation state left idle past the timeout
/// (<see cref="ConversationStateStore.DeleteExpiredAsync"/>), so the table holds only dialogs still waiting for an
/// answer. Several instances may sweep at once: a row already deleted, or changed since it was found, is skipped.
/// </summary>
public sealed partial class ConversationStateSweeper(
    ConversationStateStore store, TimeProvider time, ILogger<ConversationStateSweeper> logger) : BackgroundService
{
    // Soon after start, so an instance restarted more often than hourly still sweeps, but after start-up's own work.
    private static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstSweepAfter, time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = await store.DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                    LogDeleted(logger, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the state of {Count} conversation(s) idle past the timeout")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting idle conversation state failed; trying again next hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
