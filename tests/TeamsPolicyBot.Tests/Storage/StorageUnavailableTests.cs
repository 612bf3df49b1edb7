using System.Net;
using System.Net.Sockets;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>Storage trouble must surface as <see cref="StorageUnavailableException"/> well inside a Teams turn (15 s).</summary>
[Collection(AzuriteCollection.Name)]
public class StorageUnavailableTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan TurnBudget = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task GetEntityAsync_ConnectionRefused_ThrowsStorageUnavailableWithinTheTurnBudget()
    {
        var table = new TableServiceClient(Unreachable.ClosedPortConnectionString()).GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => table.GetEntityAsync<TableEntity>("p", "r").WaitAsync(TurnBudget));

        Assert.Contains("did not answer", error.Message);
        Assert.DoesNotContain(StorageConnectionString.DevelopmentAccountKey, error.Message);
    }

    [Fact]
    public async Task EveryOperation_ConnectionRefused_ThrowsStorageUnavailable()
    {
        var quickRetries = new TableClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(1) } };
        var service = new TableServiceClient(Unreachable.ClosedPortConnectionString(), quickRetries);
        var table = service.GetTableClient("Approvals");
        var entity = new TableEntity("p", "r");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.CreateIfNotExistsAsync());
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.AddEntityAsync(entity));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.UpsertEntityAsync(entity));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.UpdateEntityAsync(entity, Azure.ETag.All));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.DeleteEntityAsync("p", "r"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.QueryAsync<TableEntity>().ToListAsync().AsTask());
        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, entity)]));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => service.QueryAsync().ToListAsync().AsTask());
    }

    [Fact]
    public async Task GetEntityAsync_ServerAcceptsButNeverAnswers_TimesOutAsStorageUnavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = new TableClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMilliseconds(300) } };
        var table = new TableServiceClient(Unreachable.ConnectionStringFor(((IPEndPoint)silent.LocalEndpoint).Port), options)
            .GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => table.GetEntityAsync<TableEntity>("p", "r").WaitAsync(TurnBudget));

        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task GetEntityAsync_CallerCancels_ThrowsOperationCanceledNotStorageUnavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var table = new TableServiceClient(Unreachable.ConnectionStringFor(((IPEndPoint)silent.LocalEndpoint).Port)).GetTableClient("Approvals");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task GetEntityAsync_WrongAccountKey_ThrowsTableRequestExceptionNotUnavailable()
    {
        var wrongKey = azurite.ConnectionString.Replace(
            StorageConnectionString.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var table = new TableServiceClient(wrongKey).GetTableClient("Approvals");

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.GetEntityAsync<TableEntity>("p", "r"));

        Assert.Equal(403, error.Status);
    }
}
