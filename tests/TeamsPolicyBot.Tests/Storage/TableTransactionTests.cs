using Azure;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableTransactionTests(AzuriteFixture azurite)
{
    private static TableTransactionAction Add(string rowKey, int value = 0) =>
        new(TableTransactionActionType.Add, new TableEntity("p", rowKey) { ["Value"] = value });

    [Fact]
    public async Task SubmitTransactionAsync_EveryActionType_AppliesAllAndReturnsETagsInOrder()
    {
        var table = await azurite.CreateTableAsync();
        var kept = await table.AddEntityAsync(new TableEntity("p", "replace-me") { ["Old"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "merge-me") { ["Old"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "delete-me"));
        await table.AddEntityAsync(new TableEntity("p", "upsert-me") { ["Old"] = 1 });

        var etags = await table.SubmitTransactionAsync(
        [
            Add("new"),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace-me") { ["New"] = 2 }, kept),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge-me") { ["New"] = 2 }, ETag.All),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete-me")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert-me") { ["New"] = 2 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "fresh") { ["New"] = 2 }),
        ]);

        var rows = (await table.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(r => r.RowKey);
        Assert.Equal(["fresh", "merge-me", "new", "replace-me", "upsert-me"], rows.Keys.Order());
        Assert.False(rows["replace-me"].ContainsKey("Old"));
        Assert.Equal((1, 2), (rows["merge-me"].GetInt32("Old"), rows["merge-me"].GetInt32("New")));
        Assert.Equal((1, 2), (rows["upsert-me"].GetInt32("Old"), rows["upsert-me"].GetInt32("New")));
        Assert.Equal(6, etags.Count);
        Assert.Equal(rows["new"].ETag, etags[0]);
        Assert.Equal(rows["replace-me"].ETag, etags[1]);
        Assert.Equal(default, etags[3]);
    }

    [Fact]
    public async Task SubmitTransactionAsync_OneDuplicateAdd_ThrowsConflictWithItsIndexAndAppliesNothing()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken") { ["Value"] = 1 });

        var error = await Assert.ThrowsAsync<TableConflictException>(() => table.SubmitTransactionAsync(
        [
            Add("a"),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b") { ["Value"] = 2 }),
            Add("taken", 99),
            Add("c"),
        ]));

        Assert.Equal(2, error.FailedActionIndex);
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("taken", Assert.Single(rows).RowKey);
        Assert.Equal(1, rows[0].GetInt32("Value"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETag_ThrowsConcurrencyAndAppliesNothing()
    {
        var table = await azurite.CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "counter") { ["Value"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "counter") { ["Value"] = 2 });

        var error = await Assert.ThrowsAsync<TableConcurrencyException>(() => table.SubmitTransactionAsync(
        [
            Add("log-1"),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "counter") { ["Value"] = 3 }, stale),
        ]));

        Assert.Equal(1, error.FailedActionIndex);
        Assert.Null(await table.GetEntityAsync<TableEntity>("p", "log-1"));
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "counter"))!.GetInt32("Value"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_DeleteOfMissingEntity_FailsTheWholeTransaction()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.SubmitTransactionAsync(
            [Add("a"), new(TableTransactionActionType.Delete, new TableEntity("p", "never-there"))]));

        Assert.Equal((404, 1), (error.Status, error.FailedActionIndex));
        Assert.Null(await table.GetEntityAsync<TableEntity>("p", "a"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_InvalidShape_ThrowsArgumentExceptionBeforeSending()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add($"r{i}"))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [Add("a"), new(TableTransactionActionType.Add, new TableEntity("other-partition", "b"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("a"), Add("a")]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "a"))]));
    }
}
