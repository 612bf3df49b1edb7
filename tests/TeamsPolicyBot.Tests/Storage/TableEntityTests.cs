using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>
/// The property types the stores' entities use, through Azure.Data.Tables and back from a real table: what a store
/// writes is what the next turn reads.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class TableEntityTests(AzuriteFixture azurite)
{
    public enum Decision { Pending, Approved, Declined }

    public sealed class EveryTypeRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string? Text { get; set; }
        public int Count { get; set; }
        public int? LastHttpStatus { get; set; }
        public long Reach { get; set; }
        public bool Removed { get; set; }
        public double Score { get; set; }
        public DateTimeOffset At { get; set; }
        public DateTimeOffset? NotBefore { get; set; }
        public Guid ApproverId { get; set; }
        public byte[]? Bytes { get; set; }
        public Decision Decision { get; set; }
        public Decision? Appeal { get; set; }

        [IgnoreDataMember]
        public string Scratch { get; set; } = "";
    }

    [Fact]
    public async Task AddThenGet_EveryPropertyType_RoundTripsExactly()
    {
        var table = await azurite.CreateTableAsync();
        // A local time with a 100 ns fraction: the idle timeout and the campaign pacing compare such moments.
        var at = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1)).AddTicks(5358979);
        var row = new EveryTypeRow
        {
            PartitionKey = "school-1", RowKey = "post-1",
            Text = "Mrs O'Brien said \"yes\" — naïve café 🙂\nsecond line\ttab <b>&amp;</b>",
            Count = int.MinValue, LastHttpStatus = 429, Reach = long.MaxValue, Removed = true, Score = -1.25e-300,
            At = at, NotBefore = at.AddDays(1), ApproverId = Guid.NewGuid(), Bytes = [0, 1, 254, 255],
            Decision = Decision.Approved, Appeal = Decision.Declined, Scratch = "not stored",
        };

        var added = await table.AddEntityAsync(row);
        var stored = await table.FindEntityAsync<EveryTypeRow>("school-1", "post-1", default);
        var raw = await table.FindEntityAsync<TableEntity>("school-1", "post-1", default);

        Assert.NotNull(stored);
        Assert.Equal(added.StoredETag(), stored.ETag);
        Assert.NotNull(stored.Timestamp);
        Assert.Equal(
            (row.Text, row.Count, row.LastHttpStatus, row.Reach, row.Removed, row.Score, row.At, row.NotBefore, row.ApproverId, row.Decision, row.Appeal),
            (stored.Text, stored.Count, stored.LastHttpStatus, stored.Reach, stored.Removed, stored.Score, stored.At, stored.NotBefore, stored.ApproverId, stored.Decision, stored.Appeal));
        Assert.Equal(TimeSpan.Zero, stored.At.Offset);
        Assert.Equal(row.Bytes, stored.Bytes);
        Assert.Equal("", stored.Scratch);
        Assert.Equal("Approved", raw!.GetString("Decision"));
        Assert.False(raw.ContainsKey("Scratch"));
    }

    [Fact]
    public async Task UpdateEntityAsync_ReplaceWithNullsWhereValuesWere_ReadsBackNulls()
    {
        var table = await azurite.CreateTableAsync();
        var delivery = new Delivery
        {
            PartitionKey = "campaign-2025", RowKey = "19:general@thread.tacv2", Status = Delivery.Pending, Attempts = 1,
            LastHttpStatus = 429, NotBefore = DateTimeOffset.UtcNow.AddMinutes(5), TeamName = "Year 7",
        };
        var etag = (await table.AddEntityAsync(delivery)).StoredETag();

        delivery.Status = Delivery.Sent;
        delivery.LastHttpStatus = null;
        delivery.NotBefore = null;
        delivery.TeamName = null;
        await table.UpdateEntityAsync(delivery, etag, TableUpdateMode.Replace);
        var stored = await table.FindEntityAsync<Delivery>("campaign-2025", "19:general@thread.tacv2", default);

        Assert.Equal((Delivery.Sent, 1, (int?)null, (DateTimeOffset?)null, (string?)null),
            (stored!.Status, stored.Attempts, stored.LastHttpStatus, stored.NotBefore, stored.TeamName));
    }

    [Fact]
    public async Task FindEntityAsync_MissingRowOrTableNeverCreated_ReturnsNull()
    {
        var table = await azurite.CreateTableAsync();
        var neverCreated = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());

        Assert.Null(await table.FindEntityAsync<TableEntity>("nobody", "nothing", default));
        Assert.Null(await neverCreated.FindEntityAsync<TableEntity>("nobody", "nothing", default));
    }
}
