using System.Runtime.Serialization;
using Azure;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableClientTests(AzuriteFixture azurite)
{
    public enum Decision { Pending, Approved, Declined }

    public sealed class ApprovalRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string? Title { get; set; }
        public int Votes { get; set; }
        public long? Reach { get; set; }
        public Decision Decision { get; set; }
        public DateTimeOffset? DecidedAt { get; set; }
        public Guid ApproverId { get; set; }

        [IgnoreDataMember]
        public string Scratch { get; set; } = "";
    }

    [Fact]
    public async Task AddThenGet_EveryPropertyType_RoundTripsExactly()
    {
        var table = await azurite.CreateTableAsync();
        var when = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1)).AddTicks(5358979);
        var id = Guid.NewGuid();
        var entity = new TableEntity("school-1", "post-1")
        {
            ["Text"] = "Mrs O'Brien said \"yes\" — naïve café 🙂\nsecond line\ttab <b>&amp;</b>",
            ["Empty"] = "",
            ["Small"] = int.MinValue,
            ["Count"] = 42,
            ["Big"] = long.MaxValue,
            ["NegativeBig"] = -5L,
            ["Flag"] = true,
            ["Off"] = false,
            ["Half"] = 0.5,
            ["Whole"] = 2.0,
            ["Tiny"] = -1.25e-300,
            ["Huge"] = double.PositiveInfinity,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
            ["Nothing"] = null,
        };

        var etag = await table.AddEntityAsync(entity);
        var stored = await table.GetEntityAsync<TableEntity>("school-1", "post-1");

        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.NotNull(stored.Timestamp);
        Assert.Equal(entity.GetString("Text"), stored.GetString("Text"));
        Assert.Equal("", stored.GetString("Empty"));
        Assert.Equal(int.MinValue, stored.GetInt32("Small"));
        Assert.Equal(42, stored.GetInt32("Count"));
        Assert.Equal(long.MaxValue, stored.GetInt64("Big"));
        Assert.Equal(-5L, stored.GetInt64("NegativeBig"));
        Assert.True(stored.GetBoolean("Flag"));
        Assert.False(stored.GetBoolean("Off"));
        Assert.Equal(0.5, stored.GetDouble("Half"));
        Assert.Equal(2.0, stored.GetDouble("Whole"));
        Assert.Equal(-1.25e-300, stored.GetDouble("Tiny"));
        Assert.Equal(double.PositiveInfinity, stored.GetDouble("Huge"));
        Assert.Equal(when, stored.GetDateTimeOffset("When"));
        Assert.Equal(TimeSpan.Zero, stored.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(id, stored.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, stored.GetBinary("Bytes"));
        Assert.False(stored.ContainsKey("Nothing"));
    }

    [Fact]
    public async Task AddThenGet_TypedEntity_RoundTripsPropertiesAndSkipsIgnoredOnes()
    {
        var table = await azurite.CreateTableAsync();
        var row = new ApprovalRow
        {
            PartitionKey = "school-1", RowKey = "req-7", Title = "Sports day photos", Votes = 3, Reach = 5_000_000_000,
            Decision = Decision.Approved, DecidedAt = DateTimeOffset.UtcNow, ApproverId = Guid.NewGuid(), Scratch = "not stored",
        };

        var etag = await table.AddEntityAsync(row);
        var stored = await table.GetEntityAsync<ApprovalRow>("school-1", "req-7");
        var raw = await table.GetEntityAsync<TableEntity>("school-1", "req-7");

        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal((row.Title, row.Votes, row.Reach, row.Decision, row.DecidedAt, row.ApproverId),
            (stored.Title, stored.Votes, stored.Reach, stored.Decision, stored.DecidedAt, stored.ApproverId));
        Assert.Equal("", stored.Scratch);
        Assert.Equal("Approved", raw!.GetString("Decision"));
        Assert.False(raw.ContainsKey("Scratch"));
    }

    [Fact]
    public async Task GetEntityAsync_Missing_ReturnsNull()
    {
        var table = await azurite.CreateTableAsync();

        Assert.Null(await table.GetEntityAsync<TableEntity>("nobody", "nothing"));
    }

    [Fact]
    public async Task GetEntityAsync_TableNeverCreated_ThrowsTableNotFoundRatherThanNull()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.GetEntityAsync<TableEntity>("p", "r"));

        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_CalledTwice_KeepsTheData()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.CreateIfNotExistsAsync();

        Assert.NotNull(await table.GetEntityAsync<TableEntity>("p", "r"));
    }

    [Fact]
    public async Task AddEntityAsync_Duplicate_ThrowsTableConflictAndKeepsTheFirst()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Who"] = "first" });

        var error = await Assert.ThrowsAsync<TableConflictException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Who"] = "second" }));

        Assert.Equal(409, error.Status);
        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "r"))!.GetString("Who"));
    }

    [Fact]
    public async Task UpsertEntityAsync_MergeThenReplace_KeepsThenDropsUnmentionedProperties()
    {
        var table = await azurite.CreateTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = 3, ["C"] = 4 }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync<TableEntity>("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = 5 }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal((1, 3, 4), (merged!.GetInt32("A"), merged.GetInt32("B"), merged.GetInt32("C")));
        Assert.Equal(5, replaced!.GetInt32("C"));
        Assert.False(replaced.ContainsKey("A"));
        Assert.False(replaced.ContainsKey("B"));
    }

    [Fact]
    public async Task UpdateEntityAsync_CurrentETag_SucceedsAndReturnsTheNewETag()
    {
        var table = await azurite.CreateTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["Step"] = 1 });

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Step"] = 2 }, first);

        var stored = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.NotEqual(first, second);
        Assert.Equal(second, stored!.ETag);
        Assert.Equal(2, stored.GetInt32("Step"));
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_ThrowsTableConcurrencyAndChangesNothing()
    {
        var table = await azurite.CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["Step"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Step"] = 2 }, stale);

        var error = await Assert.ThrowsAsync<TableConcurrencyException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["Step"] = 3 }, stale));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r"))!.GetInt32("Step"));
    }

    [Fact]
    public async Task UpdateEntityAsync_EntityDeletedSinceRead_ThrowsTableConcurrency()
    {
        var table = await azurite.CreateTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.DeleteEntityAsync("p", "r");

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), etag));
        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));
    }

    [Fact]
    public async Task UpdateEntityAsync_ETagAll_OverwritesWhateverIsStored()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Step"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Step"] = 2 });

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Step"] = 3 }, ETag.All, TableUpdateMode.Replace);

        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "r"))!.GetInt32("Step"));
    }

    [Fact]
    public async Task UpdateEntityAsync_NoETag_ThrowsArgumentExceptionAskingForOne()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), default));

        Assert.Contains("ETag.All", error.Message);
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETagThenCurrentThenAgain_RefusesThenDeletesThenIgnores()
    {
        var table = await azurite.CreateTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["Step"] = 1 });
        var current = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Step"] = 2 }, stale);

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.DeleteEntityAsync("p", "r", stale));
        Assert.NotNull(await table.GetEntityAsync<TableEntity>("p", "r"));
        await table.DeleteEntityAsync("p", "r", current);
        Assert.Null(await table.GetEntityAsync<TableEntity>("p", "r"));
        await table.DeleteEntityAsync("p", "r");
        await table.DeleteEntityAsync("p", "r", current);
    }

    [Theory]
    [InlineData("19:3a1b2c@thread.tacv2;messageid=1700000000000")]
    [InlineData("a:1XyZ/with#odd?chars\\and%percent~tilde")]
    [InlineData("o'brien's chat 🙂")]
    public async Task EncodedTeamsIdsAsKeys_WriteReadQueryDelete_AllFindTheEntity(string conversationId)
    {
        var table = await azurite.CreateTableAsync();
        var key = TableKey.Encode(conversationId);
        await table.AddEntityAsync(new TableEntity(key, key) { ["Id"] = conversationId });

        var fetched = await table.GetEntityAsync<TableEntity>(key, key);
        var queried = await table.QueryAsync<TableEntity>(TableFilter.Create($"PartitionKey eq {key} and RowKey eq {key}")).ToListAsync();
        await table.UpdateEntityAsync(new TableEntity(key, key) { ["Seen"] = true }, fetched!.ETag);
        await table.DeleteEntityAsync(key, key);

        Assert.Equal(conversationId, TableKey.Decode(fetched.PartitionKey));
        Assert.Equal(conversationId, fetched.GetString("Id"));
        Assert.Single(queried);
        Assert.Null(await table.GetEntityAsync<TableEntity>(key, key));
    }
}
