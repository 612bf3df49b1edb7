using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Moq;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>What the client puts on the wire, with the network replaced by <see cref="RecordingHandler"/>.</summary>
public class TablePipelineTests
{
    private static TableClientOptions OptionsFor(RecordingHandler handler) => new()
    {
        Transport = new HttpClientTransport(handler),
        Retry = { Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    };

    [Fact]
    public async Task CreateIfNotExistsAsync_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-for-tables", DateTimeOffset.UtcNow.AddHours(1)));
        var service = new TableServiceClient(new Uri("https://trustbot.table.core.windows.net"), credential.Object, OptionsFor(handler));

        await service.GetTableClient("Approvals").CreateIfNotExistsAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("token-for-tables", request.Headers.Authorization?.Parameter);
        Assert.Equal(new Uri("https://trustbot.table.core.windows.net/Tables"), request.RequestUri);
        Assert.Equal("2019-02-02", request.Headers.GetValues("x-ms-version").Single());
        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { "https://storage.azure.com/.default" })),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public void Constructor_TokenCredentialWithHttpEndpoint_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
            new TableServiceClient(new Uri("http://trustbot.table.core.windows.net"), Mock.Of<TokenCredential>()));
    }

    [Fact]
    public async Task AddEntityAsync_AccountKey_SignsWithSharedKeyOverVerbContentTypeDateAndResource()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var key = Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey);
        var service = new TableServiceClient(
            $"AccountName=trustbot;AccountKey={StorageConnectionString.DevelopmentAccountKey};TableEndpoint=https://trustbot.table.core.windows.net",
            OptionsFor(handler));

        await service.GetTableClient("Approvals").AddEntityAsync(new TableEntity("19:abc@thread.tacv2", "it's 1") { ["Title"] = "x" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/Approvals", request.RequestUri!.AbsolutePath);
        var date = request.Headers.GetValues("x-ms-date").Single();
        var contentType = request.Content!.Headers.ContentType!.ToString();
        var stringToSign = $"POST\n\n{contentType}\n{date}\n/trustbot/Approvals";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal("SharedKey", request.Headers.Authorization?.Scheme);
        Assert.Equal($"trustbot:{signature}", request.Headers.Authorization?.Parameter);
        Assert.Equal("return-no-content", request.Headers.GetValues("Prefer").Single());
    }

    [Fact]
    public async Task GetEntityAsync_KeysWithQuotesAndSpaces_EscapesThemInThePath()
    {
        var handler = new RecordingHandler(HttpStatusCode.NotFound);
        var service = new TableServiceClient("UseDevelopmentStorage=true", OptionsFor(handler));

        await service.GetTableClient("Approvals").GetEntityAsync<TableEntity>("o'brien", "a b:c");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(
            "/devstoreaccount1/Approvals(PartitionKey='o%27%27brien',RowKey='a%20b%3Ac')",
            request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task GetEntityAsync_ServerKeepsAnswering503_ThrowsStorageUnavailableAfterThreeTries()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable);
        var service = new TableServiceClient("UseDevelopmentStorage=true", OptionsFor(handler));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => service.GetTableClient("Approvals").GetEntityAsync<TableEntity>("p", "r"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("HTTP 503", error.Message);
    }

    [Fact]
    public async Task GetEntityAsync_OneTransient503_RetriesAndSucceeds()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotFound);
        var service = new TableServiceClient("UseDevelopmentStorage=true", OptionsFor(handler));

        var entity = await service.GetTableClient("Approvals").GetEntityAsync<TableEntity>("p", "r");

        Assert.Null(entity);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData("a/b", "r")]
    [InlineData("p", "r#1")]
    [InlineData("p", "what?")]
    [InlineData("p", "back\\slash")]
    [InlineData("p", "bell\u0007")]
    public async Task EveryOperation_ForbiddenKeyCharacter_ThrowsArgumentExceptionWithoutSending(string partitionKey, string rowKey)
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var table = new TableServiceClient("UseDevelopmentStorage=true", OptionsFor(handler)).GetTableClient("Approvals");
        var entity = new TableEntity(partitionKey, rowKey);

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(entity));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(entity, Azure.ETag.All));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync<TableEntity>(partitionKey, rowKey));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync(partitionKey, rowKey));
        await Assert.ThrowsAsync<ArgumentException>(
            () => table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, entity)]));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    public void GetTableClient_InvalidTableName_ThrowsArgumentException(string name)
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");

        Assert.Throws<ArgumentException>(() => service.GetTableClient(name));
    }

    [Fact]
    public void GetTableClient_WithPrefix_PutsPrefixInFront()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true", new TableClientOptions { TablePrefix = "test42" });

        Assert.Equal("test42Approvals", service.GetTableClient("Approvals").Name);
    }
}
