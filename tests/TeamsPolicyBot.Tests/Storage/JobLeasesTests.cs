using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class JobLeasesTests(AzuriteFixture azurite)
{
    private const string Job = "sweep";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly BotTables _tables = azurite.CreateTables(AzuriteFixture.UniqueTablePrefix());
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private JobLeases Instance() => new(_tables, _clock);

    [Fact]
    public async Task TryClaimAsync_FiveInstancesAtOnce_ExactlyOneRuns()
    {
        var instances = Enumerable.Range(0, 5).Select(_ => Instance()).ToList();

        var claimed = await Task.WhenAll(instances.Select(i => i.TryClaimAsync(Job, Interval, default)));

        Assert.Single(claimed, c => c);
    }

    [Fact]
    public async Task TryClaimAsync_IntervalNotOver_OthersRefusedClaimerMayTickALittleEarly()
    {
        var claimer = Instance();
        var other = Instance();
        Assert.True(await claimer.TryClaimAsync(Job, Interval, default));

        _clock.Advance(Interval * 0.9);

        Assert.False(await other.TryClaimAsync(Job, Interval, default));
        Assert.True(await claimer.TryClaimAsync(Job, Interval, default));
        Assert.False(await claimer.TryClaimAsync(Job, Interval, default));
    }

    [Fact]
    public async Task TryClaimAsync_ClaimerStoppedTicking_AnotherRunsOnceTheIntervalIsOver()
    {
        var stopped = Instance();
        var other = Instance();
        await stopped.TryClaimAsync(Job, Interval, default);

        _clock.Advance(Interval);

        Assert.True(await other.TryClaimAsync(Job, Interval, default));
        Assert.False(await stopped.TryClaimAsync(Job, Interval, default));
    }

    [Fact]
    public async Task TryClaimAsync_TwoJobs_EachHasItsOwnInterval()
    {
        var instance = Instance();

        Assert.True(await instance.TryClaimAsync("nudge", Interval, default));
        Assert.True(await Instance().TryClaimAsync("sweep", Interval, default));
    }
}
