using Microsoft.Extensions.Time.Testing;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Tests.Connector;

public class TenantBucketTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Starts <paramref name="calls"/> callers at once; then, for each expected leaving time, moves the clock to just
    /// before it (nobody more may leave) and to it (exactly one more must).
    /// </summary>
    private async Task AssertLeaveAtAsync(TenantBucket bucket, int calls, params int[] milliseconds)
    {
        var start = _clock.GetUtcNow();
        var left = 0;
        var waiting = Enumerable.Range(0, calls).Select(async _ =>
        {
            await bucket.WaitTurnAsync(CancellationToken.None);
            Interlocked.Increment(ref left);
        }).ToList();
        for (var i = 0; i < milliseconds.Length; i++)
        {
            if (milliseconds[i] > 0)
            {
                _clock.SetUtcNow(start.AddMilliseconds(milliseconds[i] - 5));
                await Task.Delay(50);
                Assert.True(Volatile.Read(ref left) == i, $"{Volatile.Read(ref left)} left before {milliseconds[i]} ms; expected {i}");
            }
            _clock.SetUtcNow(start.AddMilliseconds(milliseconds[i]));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Volatile.Read(ref left) < i + 1)
                await Task.Delay(5, patience.Token);
        }
        Assert.Equal(milliseconds.Length, Volatile.Read(ref left));
    }

    private void AnsweredPerSecond(TenantBucket bucket, int count)
    {
        for (var i = 0; i < count; i++)
        {
            bucket.Answered();
            _clock.Advance(TimeSpan.FromSeconds(1.0 / count) - TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public async Task WaitTurnAsync_BurstOfCalls_LeaveOneAtATimeAtTheCeiling()
    {
        var bucket = new TenantBucket(ceiling: 10, _clock);

        await AssertLeaveAtAsync(bucket, calls: 5, 0, 100, 200, 300, 400);
    }

    [Fact]
    public async Task Throttled_WithRetryAfter_NothingLeavesUntilThenAndSlower()
    {
        var bucket = new TenantBucket(ceiling: 8, _clock);
        AnsweredPerSecond(bucket, 8);

        bucket.Throttled(TimeSpan.FromSeconds(5));

        Assert.Equal(6, bucket.Rate);
        await AssertLeaveAtAsync(bucket, calls: 2, 5000, 5167);
    }

    [Fact]
    public void Throttled_SeveralCallsRefusedDuringOnePause_SlowsDownOnce()
    {
        var bucket = new TenantBucket(ceiling: 8, _clock);
        AnsweredPerSecond(bucket, 8);

        bucket.Throttled(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        bucket.Throttled(TimeSpan.FromSeconds(1));
        bucket.Throttled(TimeSpan.FromSeconds(1));

        Assert.Equal(6, bucket.Rate);
    }

    [Fact]
    public void Throttled_AfterTeamsAcceptedFewerThanTheCeiling_SlowsBelowWhatTeamsAccepted()
    {
        var bucket = new TenantBucket(ceiling: 50, _clock);
        AnsweredPerSecond(bucket, 45);

        bucket.Throttled(TimeSpan.FromSeconds(1));

        Assert.Equal(45 * 0.75, bucket.Rate, precision: 6);
    }

    [Fact]
    public void Answered_AfterThrottling_ClimbsToJustUnderWhatTeamsAcceptedThenPastItOnceForgotten()
    {
        var bucket = new TenantBucket(ceiling: 50, _clock);
        AnsweredPerSecond(bucket, 45);
        bucket.Throttled(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        for (var second = 0; second < 60; second++)
            AnsweredPerSecond(bucket, 40);
        var underTheLimit = bucket.Rate;
        _clock.Advance(TimeSpan.FromMinutes(5));
        for (var second = 0; second < 10; second++)
            AnsweredPerSecond(bucket, 45);

        Assert.Equal(45 * 0.98, underTheLimit, precision: 6);
        Assert.Equal(50, bucket.Rate);
    }

    [Fact]
    public void Throttled_Repeatedly_RateHasAFloor()
    {
        var bucket = new TenantBucket(ceiling: 16, _clock);

        for (var i = 0; i < 50; i++)
        {
            bucket.Throttled(TimeSpan.FromSeconds(1));
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(1, bucket.Rate);
    }
}
