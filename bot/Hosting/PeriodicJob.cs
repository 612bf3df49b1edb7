using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Hosting;

/// <summary>
/// A background job that runs every <see cref="Interval"/> (on <see cref="TimeProvider"/>, so tests move time) until the host
/// stops, once per interval however many instances of the bot run: each tick asks <see cref="JobLeases"/> whether this
/// instance's turn it is. A run that fails is logged and the job tries again at the next tick: one bad run never stops the job.
/// </summary>
public abstract partial class PeriodicJob(JobLeases leases, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>Read when the job starts, not when it is made: options are validated at start-up, with a clear message.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>When the first tick comes after start; a tick every <see cref="Interval"/> follows.</summary>
    protected virtual TimeSpan FirstRunAfter => Interval;

    /// <summary>What a run does, for the log when it fails ("Checking for unclaimed questions").</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        var job = GetType().Name;
        await Task.Delay(FirstRunAfter, Time, stoppingToken);
        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                if (await leases.TryClaimAsync(job, interval, stoppingToken))
                {
                    LogTurn(logger, job);
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, Work);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job} runs on this instance this interval")]
    private static partial void LogTurn(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; trying again next time")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
