using System.Net;
using Azure;
using Azure.Core.Pipeline;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Storage;

public class TableEntityTests
{
    private sealed class RowWithList : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public List<string> Approvers { get; set; } = [];
    }

    [Fact]
    public void TypedGetters_WholeNumbers_ReadAsWiderTypes()
    {
        var entity = new TableEntity("p", "r") { ["Whole"] = 2, ["Long"] = 3L };

        Assert.Equal(2.0, entity.GetDouble("Whole"));
        Assert.Equal(2L, entity.GetInt64("Whole"));
        Assert.Equal(3, entity.GetInt32("Long"));
        Assert.Null(entity.GetInt32("Missing"));
    }

    [Fact]
    public void TypedGetter_WrongStoredType_ThrowsNamingTheProperty()
    {
        var entity = new TableEntity("p", "r") { ["Votes"] = "three" };

        var error = Assert.Throws<InvalidOperationException>(() => entity.GetInt32("Votes"));

        Assert.Contains("'Votes'", error.Message);
    }

    [Fact]
    public void SystemProperties_LiveInTheDictionaryUnderTheirNames()
    {
        var entity = new TableEntity("school-1", "req-7") { ETag = new ETag("W/\"1\"") };

        Assert.Equal("school-1", entity["PartitionKey"]);
        Assert.Equal("req-7", entity["RowKey"]);
        Assert.Equal("W/\"1\"", entity["odata.etag"]);
        entity.ETag = default;
        Assert.False(entity.ContainsKey("odata.etag"));
    }

    [Fact]
    public async Task AddEntityAsync_UnsupportedValueType_ThrowsArgumentExceptionWithoutSending()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var table = new TableServiceClient("UseDevelopmentStorage=true", new TableClientOptions { Transport = new HttpClientTransport(handler) })
            .GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Price"] = 9.99m }));
        var typed = await Assert.ThrowsAsync<InvalidOperationException>(() => table.AddEntityAsync(new RowWithList { PartitionKey = "p", RowKey = "r" }));

        Assert.Contains("'Price'", error.Message);
        Assert.Contains("Approvers", typed.Message);
        Assert.Empty(handler.Requests);
    }
}
