namespace TeamsPolicyBot.Hosting;

/// <summary>
/// A background job that runs every <see cref="Interval"/> (on <see cref="TimeProvider"/>, so tests move time) until the host
/// stops. A run that fails is logged and the job tries again at the next tick: one bad run never stops the job.
/// </summary>
public abstract partial class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>Read when the job starts, not when it is made: options are validated at start-up, with a clear message.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a run does, for the log when it fails ("Checking for unclaimed questions").</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, Work);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; trying again next time")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
