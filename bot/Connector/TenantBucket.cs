namespace TeamsPolicyBot.Connector;

/// <summary>
/// One tenant's token bucket for Bot Connector calls: calls leave one at a time, never closer together than the
/// current rate allows, in the order they asked. The rate follows Teams (additive increase, multiplicative decrease):
/// <list type="bullet">
/// <item>On a 429 nothing leaves until Retry-After has passed (a second if Teams gave none), and the rate drops to
/// three quarters of what Teams accepted in the second before, once per pause however many calls in flight were refused.</item>
/// <item>Each call Teams answers adds a little, a tenth of the ceiling per second of sending, up to just under the rate
/// Teams last throttled at: Teams has said where its limit is, and probing past it costs a whole Retry-After pause.
/// That limit is remembered for five minutes; then the rate climbs on to the ceiling again.</item>
/// </list>
/// </summary>
public sealed class TenantBucket(double ceiling, TimeProvider time)
{
    private readonly double _ceiling = ceiling;
    private const double Decrease = 0.75;
    private const double UnderTheLimit = 0.98;
    private const double IncreasePerSecond = 0.1;
    private const double SlowestFraction = 1.0 / 16;

    // A caller woken late must not leave right on the heels of the one before: Teams counts calls per window, and a
    // burst after a stall is what tips a window over.
    private const double ClosestSpacing = 0.9;

    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LimitRemembered = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _answered = new();
    private double _rate = ceiling;
    private double? _limit;
    private DateTimeOffset _limitSeenAt;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _lastLeft = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Calls per second right now.</summary>
    public double Rate
    {
        get { lock (_lock) return _rate; }
    }

    /// <summary>Waits until this call may go.</summary>
    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        var booked = false;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var interval = Interval;
                wait = TimeSpan.Zero;
                if (!booked || now < _pausedUntil)
                {
                    // Book (again, after a pause began) the next free slot; callers keep the order they booked in.
                    var slot = Max(Max(_nextSlot, now), _pausedUntil);
                    _nextSlot = slot + interval;
                    booked = true;
                    wait = slot - now;
                }
                if (wait <= TimeSpan.Zero)
                    wait = _lastLeft + interval * ClosestSpacing - now;
                if (wait <= TimeSpan.Zero)
                {
                    _lastLeft = now;
                    return;
                }
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Teams answered something other than 429 (it took the call, whatever it made of it).</summary>
    public void Answered()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _answered.Enqueue(now);
            Forget(now);
            var upTo = _limit is { } limit && now - _limitSeenAt < LimitRemembered ? Math.Min(_ceiling, limit * UnderTheLimit) : _ceiling;
            if (_rate < upTo)
                _rate = Math.Min(upTo, _rate + _ceiling * IncreasePerSecond / _rate);
        }
    }

    /// <summary>Teams answered 429: nothing leaves until <paramref name="retryAfter"/> has passed, and then more slowly.</summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _pausedUntil)
            {
                Forget(now);
                // What Teams let through just now, unless this tenant was sending less than that (then Teams throttled
                // other calls of the tenant, and this one slows down by the decrease alone).
                var limit = Math.Max(_answered.Count, _rate * Decrease);
                _limit = limit;
                _limitSeenAt = now;
                _rate = Math.Max(_ceiling * SlowestFraction, Math.Min(_ceiling, limit) * Decrease);
            }
            var resume = now + (retryAfter is { } asked && asked > TimeSpan.Zero ? asked : DefaultPause);
            if (resume > _pausedUntil)
                _pausedUntil = resume;
        }
    }

    private TimeSpan Interval => TimeSpan.FromSeconds(1 / _rate);

    private void Forget(DateTimeOffset now)
    {
        while (_answered.TryPeek(out var at) && now - at >= Window)
            _answered.Dequeue();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
