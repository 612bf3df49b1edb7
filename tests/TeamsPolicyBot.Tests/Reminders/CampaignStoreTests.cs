using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

[Collection(AzuriteCollection.Name)]
public sealed class CampaignStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);

    private readonly CampaignStore _store = new(azurite.CreateTables(AzuriteFixture.UniqueTablePrefix()));

    [Fact]
    public async Task AddDeliveriesAsync_TwoRunnersAddTheSameTargetsAtOnce_EachTargetHasOneDeliveryAndNeitherFails()
    {
        var targets = Enumerable.Range(1, 150).Select(Target).ToList();

        var counts = await Task.WhenAll(
            _store.AddDeliveriesAsync("2026", targets.ToAsyncEnumerable(), Now, default),
            _store.AddDeliveriesAsync("2026", targets.ToAsyncEnumerable(), Now, default));

        Assert.Equal([150, 150], counts);
        Assert.Equal(150, await _store.DeliveriesAsync("2026", default).CountAsync());
    }

    [Fact]
    public async Task AddDeliveriesAsync_SomeAlreadyAdded_AddsOnlyTheNewOnes()
    {
        await _store.AddDeliveriesAsync("2026", new[] { Target(1), Target(2) }.ToAsyncEnumerable(), Now, default);

        var count = await _store.AddDeliveriesAsync("2026", new[] { Target(2), Target(3) }.ToAsyncEnumerable(), Now, default);

        Assert.Equal(3, count);
        Assert.Equal(3, await _store.DeliveriesAsync("2026", default).CountAsync());
    }

    private static ReminderTarget Target(int channel) => new()
    {
        PartitionKey = "tenant-1",
        RowKey = TableKey.Encode($"19:channel-{channel}@thread.tacv2"),
        ConversationId = $"19:channel-{channel}@thread.tacv2",
        TenantId = "tenant-1",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        BotId = "28:bot",
    };
}
