using System.Threading.Channels;

namespace TeamsPolicyBot.Outgoing;

/// <summary>Wakes this instance's outbox worker when something was queued, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _queued = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _queued.Writer.TryWrite(true);

    /// <summary>Returns when something was queued since the last wait, or after <paramref name="poll"/>.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _queued.Reader.WaitToReadAsync(either.Token);
            _queued.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
