using Azure.Core;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class OwnedTableTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetAsync_TenWritesInOneProcess_CreatesTheTableOnceOnTheFirst()
    {
        var requests = new TableRequestLog();
        var options = TableClientDefaults.Create();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var votes = new OwnedTable(azurite.CreateTables(AzuriteFixture.UniqueTablePrefix(), options), "Votes");

        foreach (var voter in Enumerable.Range(0, 10))
            await (await votes.GetAsync(default)).AddEntityAsync(new TableEntity("pack", $"voter-{voter}"));

        Assert.Equal(11, requests.Writes.Count);
        Assert.EndsWith("/Tables", requests.Writes[0]);
        Assert.Single(requests.Writes, write => write.EndsWith("/Tables", StringComparison.Ordinal));
        Assert.Equal(10, await votes.Existing.QueryAsync<TableEntity>().CountAsync());
    }
}
