namespace TeamsPolicyBot.Reminders;

/// <summary>Wakes the <see cref="ReminderScheduler"/> early, e.g. when an administrator starts a campaign.</summary>
public sealed class CampaignSignal
{
    private TaskCompletionSource _poked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Poke() => Volatile.Read(ref _poked).TrySetResult();

    /// <summary>Waits until poked (including a poke since the last wait) or until <paramref name="interval"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var poked = Volatile.Read(ref _poked);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, time, stop.Token);
        await Task.WhenAny(poked.Task, delay);
        await stop.CancelAsync();
        if (poked.Task.IsCompleted)
            Interlocked.CompareExchange(ref _poked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), poked);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
