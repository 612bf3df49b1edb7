using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Infrastructure;

public class AzuriteFixtureTests
{
    [Fact]
    public async Task DisposeAsync_AfterStart_LeavesNothingListening()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await azurite.DisposeAsync();

        var quickRetries = TableClientDefaults.Create();
        quickRetries.Retry.Delay = TimeSpan.FromMilliseconds(1);
        var afterwards = azurite.CreateServiceClient(quickRetries).GetTableClient(table.Name);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => afterwards.FindEntityAsync<TableEntity>("p", "r", default));
    }
}
