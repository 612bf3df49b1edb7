using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPolicyBot.Hosting;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Hosting;

/// <summary>
/// Two instances of one job on one table, as two instances of the bot run it. Their timers tick every 50 ms of real
/// time, but the clock they claim intervals by moves only when the test moves it, so every run is counted exactly.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PeriodicJobTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly BotTables _tables = azurite.CreateTables(AzuriteFixture.UniqueTablePrefix());
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _runs = new();

    [Fact]
    public async Task ExecuteAsync_TwoInstancesOnOneTable_RunOncePerInterval()
    {
        using var first = new CountingJob("first", this);
        using var second = new CountingJob("second", this);
        await first.StartAsync(default);
        await second.StartAsync(default);

        await RunsReachAsync(1);
        for (var interval = 2; interval <= 6; interval++)
        {
            _clock.Advance(Interval);
            await RunsReachAsync(interval);
        }
        // Both keep ticking, twenty times each, within the sixth interval.
        await Task.Delay(Interval * 20);
        await first.StopAsync(default);
        await second.StopAsync(default);

        Assert.Equal(6, _runs.Count);
    }

    [Fact]
    public async Task ExecuteAsync_InstanceThatRanStops_TheOtherRunsTheNextIntervals()
    {
        using var first = new CountingJob("first", this);
        using var second = new CountingJob("second", this);
        var jobs = new[] { first, second };
        await first.StartAsync(default);
        await second.StartAsync(default);
        await RunsReachAsync(1);
        var ran = jobs.Single(job => job.Name == _runs.Single());
        var survivor = jobs.Single(job => job != ran);

        await ran.StopAsync(default);
        _clock.Advance(Interval);
        await RunsReachAsync(2);
        _clock.Advance(Interval);
        await RunsReachAsync(3);
        await survivor.StopAsync(default);

        Assert.Equal(new[] { ran.Name, survivor.Name, survivor.Name }, _runs.ToArray());
    }

    private async Task RunsReachAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_runs.Count < count)
            await Task.Delay(10, timeout.Token);
    }

    private sealed class CountingJob(string name, PeriodicJobTests test)
        : PeriodicJob(new JobLeases(test._tables, test._clock), test._clock, NullLogger.Instance)
    {
        public string Name => name;

        protected override TimeSpan Interval => PeriodicJobTests.Interval;

        protected override string Work => "Counting";

        protected override Task RunOnceAsync(CancellationToken cancellationToken)
        {
            test._runs.Enqueue(name);
            return Task.CompletedTask;
        }
    }
}
