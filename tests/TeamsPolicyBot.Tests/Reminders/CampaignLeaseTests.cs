using Microsoft.Extensions.Options;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

[Collection(AzuriteCollection.Name)]
public sealed class CampaignLeaseTests(AzuriteFixture azurite)
{
    private readonly BotTables _tables = azurite.CreateTables(AzuriteFixture.UniqueTablePrefix());
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero));

    private CampaignLease Instance() =>
        new(_tables, _clock, Options.Create(new ReminderOptions { LeaseDuration = TimeSpan.FromMinutes(1) }));

    [Fact]
    public async Task TryAcquireAsync_TwoInstancesAtOnce_ExactlyOneWins()
    {
        var instances = Enumerable.Range(0, 5).Select(_ => Instance()).ToList();

        var won = await Task.WhenAll(instances.Select(i => i.TryAcquireAsync(default)));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task TryAcquireAsync_HeldAndNotExpired_OtherInstanceIsRefusedHolderRenews()
    {
        var holder = Instance();
        var other = Instance();
        await holder.TryAcquireAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(50));

        Assert.False(await other.TryAcquireAsync(default));
        Assert.True(await holder.TryAcquireAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await other.TryAcquireAsync(default));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderStoppedRenewing_AnotherTakesOverAfterExpiryAndOldHolderCannotRenew()
    {
        var crashed = Instance();
        var other = Instance();
        await crashed.TryAcquireAsync(default);

        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.True(await other.TryAcquireAsync(default));
        Assert.False(await crashed.TryAcquireAsync(default));
    }

    [Fact]
    public async Task ReleaseAsync_ByHolder_LetsAnotherTakeItAtOnce()
    {
        var holder = Instance();
        var other = Instance();
        await holder.TryAcquireAsync(default);

        await holder.ReleaseAsync(default);

        Assert.True(await other.TryAcquireAsync(default));
    }

    [Fact]
    public async Task ReleaseAsync_ByNonHolder_LeavesTheLeaseWithItsHolder()
    {
        var holder = Instance();
        var other = Instance();
        await holder.TryAcquireAsync(default);

        await other.ReleaseAsync(default);

        Assert.False(await other.TryAcquireAsync(default));
    }
}
