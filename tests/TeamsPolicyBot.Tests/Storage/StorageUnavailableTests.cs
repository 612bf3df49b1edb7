using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Testing;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>
/// Storage trouble must surface as <see cref="StorageUnavailableException"/> (the turn's polite "try again") well inside a
/// Teams turn (15 s), with the bot's client settings (<see cref="TableClientDefaults"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class StorageUnavailableTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan TurnBudget = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task FindEntityAsync_ConnectionRefused_ThrowsStorageUnavailableWithinTheTurnBudget()
    {
        var table = new TableServiceClient(Unreachable.ClosedPortConnectionString(), TableClientDefaults.Create()).GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => table.FindEntityAsync<TableEntity>("p", "r", default).WaitAsync(TurnBudget));

        Assert.Contains("did not answer", error.Message);
        Assert.DoesNotContain(AzuriteProcess.DevelopmentAccountKey, error.Message);
        Assert.DoesNotContain("Approvals", error.Message);
    }

    [Fact]
    public async Task EveryOperation_ConnectionRefused_ThrowsStorageUnavailable()
    {
        var service = Unreachable.ClosedPortClient();
        var table = service.GetTableClient("Approvals");
        var entity = new TableEntity("p", "r");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.CreateIfNotExistsAsync());
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.AddEntityAsync(entity));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.UpsertEntityAsync(entity));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.UpdateEntityAsync(entity, ETag.All));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.DeleteEntityAsync("p", "r"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.QueryAsync<TableEntity>().ToListAsync().AsTask());
        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, entity)]));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => service.QueryAsync().ToListAsync().AsTask());
    }

    [Fact]
    public async Task FindEntityAsync_ServerAcceptsButNeverAnswers_TimesOutAsStorageUnavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = TableClientDefaults.Create();
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300);
        var table = new TableServiceClient(Unreachable.ConnectionStringFor(((IPEndPoint)silent.LocalEndpoint).Port), options)
            .GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => table.FindEntityAsync<TableEntity>("p", "r", default).WaitAsync(TurnBudget));

        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task FindEntityAsync_CallerCancels_ThrowsOperationCanceledNotStorageUnavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var table = new TableServiceClient(Unreachable.ConnectionStringFor(((IPEndPoint)silent.LocalEndpoint).Port), TableClientDefaults.Create())
            .GetTableClient("Approvals");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.FindEntityAsync<TableEntity>("p", "r", cancel.Token));
    }

    [Fact]
    public async Task FindEntityAsync_ServerKeepsAnswering503_ThrowsStorageUnavailableAfterThreeTries()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable);
        var table = new TableServiceClient("UseDevelopmentStorage=true", QuickRetriesThrough(handler)).GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => table.FindEntityAsync<TableEntity>("p", "r", default));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("HTTP 503", error.Message);
    }

    [Fact]
    public async Task FindEntityAsync_OneTransient503_RetriesAndSucceeds()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotFound);
        var table = new TableServiceClient("UseDevelopmentStorage=true", QuickRetriesThrough(handler)).GetTableClient("Approvals");

        var entity = await table.FindEntityAsync<TableEntity>("p", "r", default);

        Assert.Null(entity);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task FindEntityAsync_WrongAccountKey_ThrowsTheRefusalNotUnavailable()
    {
        var wrongKey = azurite.ConnectionString.Replace(
            AzuriteProcess.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var table = new TableServiceClient(wrongKey, TableClientDefaults.Create()).GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.FindEntityAsync<TableEntity>("p", "r", default));

        Assert.Equal(403, error.Status);
    }

    private static TableClientOptions QuickRetriesThrough(RecordingHandler handler)
    {
        var options = TableClientDefaults.Create();
        options.Transport = new HttpClientTransport(handler);
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }
}
