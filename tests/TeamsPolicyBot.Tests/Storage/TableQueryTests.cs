using Azure;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task QueryAsync_1200RowsInOnePartition_FollowsContinuationAndReturnsEachOnceInKeyOrder()
    {
        var table = await azurite.CreateTableAsync();
        var expected = Enumerable.Range(0, 1200).Select(i => $"row{i:D4}").ToList();
        foreach (var chunk in expected.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(rowKey =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("staff", rowKey) { ["N"] = 1 })));
        }
        await table.AddEntityAsync(new TableEntity("other", "row0000"));

        var rows = await table.QueryAsync<TableEntity>(TableFilter.Create($"PartitionKey eq {"staff"}")).ToListAsync();

        Assert.Equal(expected, rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task GetEntitiesAsync_SevenKeysOverSeveralPartitions_ReturnsTheRowsThatExistWithTheirETags()
    {
        var table = await azurite.CreateTableAsync();
        var stored = new Dictionary<(string, string), ETag>
        {
            [("chat-1", "alice")] = await table.AddEntityAsync(new TableEntity("chat-1", "alice")),
            [("chat-2", "o'brien")] = await table.AddEntityAsync(new TableEntity("chat-2", "o'brien")),
            [("chat-3", "carol")] = await table.AddEntityAsync(new TableEntity("chat-3", "carol")),
        };
        await table.AddEntityAsync(new TableEntity("chat-1", "not-asked-for"));

        var rows = await table.GetEntitiesAsync<TableEntity>(
            [("chat-1", "alice"), ("chat-2", "o'brien"), ("chat-3", "carol"), ("chat-1", "bob"), ("chat-4", "alice"), ("chat-5", "x' or RowKey ne '"), ("chat-6", "eve")]);

        Assert.Equal(stored.OrderBy(row => row.Key), rows.Select(row => KeyValuePair.Create((row.PartitionKey, row.RowKey), row.ETag)).OrderBy(row => row.Key));
    }

    [Fact]
    public async Task GetEntitiesAsync_EightKeys_RefusedBeforeAnythingIsSent()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.GetEntitiesAsync<TableEntity>([.. Enumerable.Range(0, 8).Select(i => ($"chat-{i}", "member"))]));

        Assert.Contains("1 to 7 keys", refused.Message);
    }

    [Fact]
    public async Task QueryAsync_SmallPages_StillReturnsEveryRowOnce()
    {
        var table = await azurite.CreateTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 23).Select(i =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D2}"))));

        var rows = await table.QueryAsync<TableEntity>(maxPerPage: 5).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"r{i:D2}"), rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task QueryAsync_Select_ReturnsOnlyThoseProperties()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "t", ["Body"] = "long text" });

        var row = Assert.Single(await table.QueryAsync<TableEntity>(select: ["Title"]).ToListAsync());

        Assert.Equal("t", row.GetString("Title"));
        Assert.False(row.ContainsKey("Body"));
    }

    [Fact]
    public async Task QueryAsync_InjectionAttemptInValue_MatchesNothing()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("school-1", "alice"));
        await table.AddEntityAsync(new TableEntity("school-2", "bob"));
        var evil = "x' or PartitionKey ne '";

        var naive = await table.QueryAsync<TableEntity>($"PartitionKey eq 'school-1' and RowKey eq '{evil}'").ToListAsync();
        var safe = await table.QueryAsync<TableEntity>(TableFilter.Create($"PartitionKey eq {"school-1"} and RowKey eq {evil}")).ToListAsync();

        Assert.Equal(2, naive.Count); // the attack is real when values are pasted in...
        Assert.Empty(safe);           // ...and harmless when TableFilter quotes them
    }

    [Fact]
    public async Task QueryAsync_ValueWithQuote_MatchesExactlyThatRow()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "o'brien"));
        await table.AddEntityAsync(new TableEntity("p", "obrien"));

        var rows = await table.QueryAsync<TableEntity>(TableFilter.Create($"RowKey eq {"o'brien"}")).ToListAsync();

        Assert.Equal("o'brien", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task QueryAsync_TypedLiterals_CompareWithStoredTypes()
    {
        var table = await azurite.CreateTableAsync();
        var due = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "match") { ["Big"] = 5L << 40, ["Due"] = due, ["Id"] = id, ["Done"] = false, ["Score"] = 2.0, ["N"] = 7 });
        await table.AddEntityAsync(new TableEntity("p", "other") { ["Big"] = 1L, ["Due"] = due.AddDays(2), ["Id"] = Guid.NewGuid(), ["Done"] = true, ["Score"] = 2.5, ["N"] = 8 });

        async Task<string> Only(FormattableString filter) =>
            Assert.Single(await table.QueryAsync<TableEntity>(TableFilter.Create(filter)).ToListAsync()).RowKey;

        Assert.Equal("match", await Only($"Big eq {5L << 40}"));
        Assert.Equal("match", await Only($"Due lt {due.AddDays(1)}"));
        Assert.Equal("match", await Only($"Id eq {id}"));
        Assert.Equal("match", await Only($"Done eq {false}"));
        Assert.Equal("match", await Only($"Score eq {2.0}"));
        Assert.Equal("match", await Only($"N eq {7}"));
    }

    [Fact]
    public async Task QueryAsync_TypedEntities_MapsEachRow()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableClientTests.ApprovalRow { PartitionKey = "p", RowKey = "1", Title = "a", Decision = TableClientTests.Decision.Declined });
        await table.AddEntityAsync(new TableClientTests.ApprovalRow { PartitionKey = "p", RowKey = "2", Title = "b" });

        var rows = await table.QueryAsync<TableClientTests.ApprovalRow>().ToListAsync();

        Assert.Equal([("a", TableClientTests.Decision.Declined), ("b", TableClientTests.Decision.Pending)], rows.Select(r => (r.Title, r.Decision)));
        Assert.All(rows, r => Assert.NotEqual(default, r.ETag));
    }

    [Fact]
    public async Task QueryAsync_TableNeverCreated_ThrowsTableRequestException()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.QueryAsync<TableEntity>().ToListAsync().AsTask());

        Assert.Equal(404, error.Status);
    }
}
