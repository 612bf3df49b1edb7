namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>A clock stopped at one moment, so "left in 2019" always means the same age.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Autumn2025 = new(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
