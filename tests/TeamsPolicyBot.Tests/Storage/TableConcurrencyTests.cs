using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpdateEntityAsync_TwentyWritersWithTheSameETag_ExactlyOneWins()
    {
        var table = await azurite.CreateTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("approvals", "req-1") { ["DecidedBy"] = "" });
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await table.UpdateEntityAsync(new TableEntity("approvals", "req-1") { ["DecidedBy"] = $"leader{writer}" }, etag);
                return $"leader{writer}";
            }
            catch (TableConcurrencyException)
            {
                return null;
            }
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(19, outcomes.Count(o => o is null));
        Assert.Equal(winner, (await table.GetEntityAsync<TableEntity>("approvals", "req-1"))!.GetString("DecidedBy"));
    }

    [Fact]
    public async Task AddEntityAsync_TwentyWritersAddingTheSameKey_ExactlyOneWins()
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
            catch (TableConflictException)
            {
                return false;
            }
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
    }
}
