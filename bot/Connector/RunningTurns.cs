using System.Collections.Concurrent;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// The turns in progress, so the bot stops gracefully: when the host stops, the turns still running (including
/// those that carry on after Teams had its 200) are awaited until <see cref="BotOptions.ShutdownTimeout"/>, and only
/// those still running then are cancelled through <see cref="CutOff"/>.
/// </summary>
public sealed partial class RunningTurns(ILogger<RunningTurns> logger) : IHostedService
{
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromSeconds(2);

    // Never disposed: it has no timer or links to release, and the container may dispose its singletons while a stop
    // that timed out is still cutting turns off, which would then meet a disposed source.
    private readonly CancellationTokenSource _cutOff = new();
    private readonly ConcurrentDictionary<Task, byte> _turns = new();

    /// <summary>The token every turn runs with: cancelled only when the shutdown timeout ends with the turn unfinished.</summary>
    public CancellationToken CutOff => _cutOff.Token;

    public async Task<T> Track<T>(Task<T> turn)
    {
        _turns.TryAdd(turn, 0);
        try
        {
            return await turn;
        }
        finally
        {
            _turns.TryRemove(turn, out _);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <param name="cancellationToken">Cancelled by the host when its shutdown timeout ends.</param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var inFlight = Unfinished();
        if (inFlight.Length == 0)
            return;
        LogWaiting(logger, inFlight.Length);
        while (inFlight.Length > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(inFlight).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            inFlight = Unfinished();
        }
        if (inFlight.Length == 0)
            return;
        LogCuttingOff(logger, inFlight.Length);
        await _cutOff.CancelAsync();
        // A moment for the cancelled turns to unwind and log that they were cut off, while logging still works.
        await Task.WhenAll(inFlight).WaitAsync(UnwindGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task[] Unfinished() => [.. _turns.Keys.Where(turn => !turn.IsCompleted)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting for {Count} turn(s) in flight to finish")]
    private static partial void LogWaiting(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: shutdown timeout reached, cancelling {Count} unfinished turn(s)")]
    private static partial void LogCuttingOff(ILogger logger, int count);
}
