using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>A transaction (a campaign's deliveries, a team's channels) is applied all together or not at all.</summary>
[Collection(AzuriteCollection.Name)]
public class TableTransactionTests(AzuriteFixture azurite)
{
    private static TableTransactionAction Add(string rowKey, int value = 0) =>
        new(TableTransactionActionType.Add, new TableEntity("p", rowKey) { ["Value"] = value });

    [Fact]
    public async Task SubmitTransactionAsync_OneDuplicateAdd_ConflictsAtItsIndexAndAppliesNothing()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken") { ["Value"] = 1 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            Add("a"),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b") { ["Value"] = 2 }),
            Add("taken", 99),
            Add("c"),
        ]));

        Assert.True(error.IsConflict());
        Assert.Equal(2, error.FailedTransactionActionIndex);
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("taken", Assert.Single(rows).RowKey);
        Assert.Equal(1, rows[0].GetInt32("Value"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETag_IsStaleAndAppliesNothing()
    {
        var table = await azurite.CreateTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "counter") { ["Value"] = 1 })).StoredETag();
        await table.UpsertEntityAsync(new TableEntity("p", "counter") { ["Value"] = 2 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            Add("log-1"),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "counter") { ["Value"] = 3 }, stale),
        ]));

        Assert.True(error.IsStale());
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Null(await table.FindEntityAsync<TableEntity>("p", "log-1", default));
        Assert.Equal(2, (await table.FindEntityAsync<TableEntity>("p", "counter", default))!.GetInt32("Value"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_HundredAdds_AppliesEveryOne()
    {
        var table = await azurite.CreateTableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add($"r{i:D3}", i)));

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(Enumerable.Range(0, 100), rows.Select(row => row.GetInt32("Value")!.Value));
    }
}
