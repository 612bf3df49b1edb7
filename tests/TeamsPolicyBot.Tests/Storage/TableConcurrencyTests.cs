using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>First writer wins: what <see cref="TableErrors"/> tells a store when someone else got there first.</summary>
[Collection(AzuriteCollection.Name)]
public class TableConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpdateEntityAsync_TwentyWritersWithTheSameETag_ExactlyOneWinsTheOthersAreStale()
    {
        var table = await azurite.CreateTableAsync();
        var etag = (await table.AddEntityAsync(new TableEntity("approvals", "req-1") { ["DecidedBy"] = "" })).StoredETag();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await table.UpdateEntityAsync(new TableEntity("approvals", "req-1") { ["DecidedBy"] = $"leader{writer}" }, etag);
                return $"leader{writer}";
            }
            catch (RequestFailedException ex) when (ex.IsStale())
            {
                return null;
            }
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(19, outcomes.Count(o => o is null));
        Assert.Equal(winner, (await table.FindEntityAsync<TableEntity>("approvals", "req-1", default))!.GetString("DecidedBy"));
    }

    [Fact]
    public async Task AddEntityAsync_TwentyWritersAddingTheSameKey_ExactlyOneWinsTheOthersConflict()
    {
        var table = await azurite.CreateTableAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await table.AddEntityAsync(new TableEntity("reminders", "2025") { ["SentBy"] = writer });
                return true;
            }
            catch (RequestFailedException ex) when (ex.IsConflict())
            {
                return false;
            }
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task UpdateEntityAsync_EntityDeletedSinceRead_IsStale()
    {
        var table = await azurite.CreateTableAsync();
        var etag = (await table.AddEntityAsync(new TableEntity("p", "r"))).StoredETag();
        await table.DeleteEntityAsync("p", "r");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), etag));

        Assert.True(error.IsStale());
        Assert.False(error.IsTableMissing());
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETagThenCurrentThenAgain_RefusesThenDeletesThenIgnores()
    {
        var table = await azurite.CreateTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { ["Step"] = 1 })).StoredETag();
        var current = (await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Step"] = 2 }, stale)).StoredETag();

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));
        Assert.True(refused.IsStale());
        Assert.NotNull(await table.FindEntityAsync<TableEntity>("p", "r", default));
        await table.DeleteEntityAsync("p", "r", current);
        Assert.Null(await table.FindEntityAsync<TableEntity>("p", "r", default));
        // Already gone, e.g. swept by another instance: the outcome the caller wanted holds.
        await table.DeleteEntityAsync("p", "r");
        await table.DeleteEntityAsync("p", "r", current);
    }

    [Fact]
    public async Task WritesAndQueries_TableNeverCreated_AreTableMissing()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());

        var add = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        var query = await Assert.ThrowsAsync<RequestFailedException>(() => table.QueryAsync<TableEntity>().ToListAsync().AsTask());

        Assert.True(add.IsTableMissing());
        Assert.True(query.IsTableMissing());
        Assert.False(add.IsStale());
    }
}
