using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Spaces reminder posts at <see cref="ReminderOptions.MessagesPerSecond"/>. When Teams throttles the bot (429) it
/// pauses every post for as long as Retry-After asks and slows to three quarters of the rate, once per pause however
/// many posts in flight were refused; then it creeps back up as posts succeed, never beyond the configured rate.
/// </summary>
public sealed class DeliveryPacer(IOptions<ReminderOptions> options, TimeProvider time)
{
    private const int SuccessesBeforeSpeedingUp = 100;
    private const double SpeedUpFactor = 1.05;
    private const double SlowDownFactor = 0.75;
    private const double SlowestFraction = 1.0 / 16;
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private double _rate = options.Value.MessagesPerSecond;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _successes;

    /// <summary>Posts per second right now.</summary>
    public double Rate
    {
        get { lock (_lock) return _rate; }
    }

    /// <summary>Books the next free slot for one post.</summary>
    /// <returns>How long the caller must wait before posting.</returns>
    public TimeSpan Reserve()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + TimeSpan.FromSeconds(1 / _rate);
            return slot - now;
        }
    }

    /// <summary>Teams answered 429: nothing is posted until <paramref name="retryAfter"/> has passed, and then more slowly.</summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var resume = now + (retryAfter ?? DefaultPause);
            if (now >= _pausedUntil)
            {
                _rate = Math.Max(_rate * SlowDownFactor, options.Value.MessagesPerSecond * SlowestFraction);
                _successes = 0;
            }
            if (resume > _pausedUntil)
                _pausedUntil = resume;
            if (resume > _nextSlot)
                _nextSlot = resume;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            var configured = options.Value.MessagesPerSecond;
            if (_rate >= configured || ++_successes < SuccessesBeforeSpeedingUp)
                return;
            _rate = Math.Min(configured, _rate * SpeedUpFactor);
            _successes = 0;
        }
    }
}
