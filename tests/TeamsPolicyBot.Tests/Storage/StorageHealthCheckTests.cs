using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Testing;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class StorageHealthCheckTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CheckHealthAsync_AzuriteAnswers_IsHealthy()
    {
        var check = new StorageHealthCheck(azurite.CreateServiceClient());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListening_IsUnhealthyWithTheReason()
    {
        var check = new StorageHealthCheck(Unreachable.ClosedPortClient());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer", result.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_WrongAccountKey_IsUnhealthyWithTheRefusal()
    {
        var wrongKey = azurite.ConnectionString.Replace(
            AzuriteProcess.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var check = new StorageHealthCheck(new TableServiceClient(wrongKey, TableClientDefaults.Create()));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("403", result.Description);
    }
}
