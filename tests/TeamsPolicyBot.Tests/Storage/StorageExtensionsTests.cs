using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class StorageExtensionsTests(AzuriteFixture azurite)
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTableStorage();
        return builder.Build();
    }

    [Fact]
    public async Task AddTableStorage_AzuriteConnectionStringAndPrefix_ServesPrefixedTablesAndHealthyCheck()
    {
        var prefix = AzuriteFixture.UniqueTablePrefix();
        await using var app = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:TablePrefix"] = prefix });
        await app.StartAsync();

        var table = app.Services.GetRequiredService<BotTables>().GetTableClient("Approvals");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var tables = await azurite.CreateServiceClient().QueryAsync().Select(t => t.Name).ToListAsync();
        await app.StopAsync();

        Assert.Same(app.Services.GetRequiredService<TableServiceClient>(), app.Services.GetRequiredService<TableServiceClient>());
        Assert.Equal(prefix + "Approvals", table.Name);
        Assert.Contains(prefix + "Approvals", tables);
        Assert.Equal(HealthStatus.Healthy, health.Entries[StorageHealthCheck.Name].Status);
    }

    [Fact]
    public async Task AddTableStorage_NothingConfigured_DefaultsToLocalDevelopmentStorage()
    {
        await using var app = Build([]);

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), app.Services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public async Task AddTableStorage_EmptyTableEndpoint_UsesTheConnectionString()
    {
        await using var app = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:TableEndpoint"] = "" });
        await app.StartAsync();

        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await app.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task AddTableStorage_TableEndpoint_UsesManagedIdentityForThatEndpoint()
    {
        await using var app = Build(new()
        {
            ["Storage:TableEndpoint"] = "https://trustbot.table.core.windows.net",
            ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(new Uri("https://trustbot.table.core.windows.net"), app.Services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Theory]
    [InlineData("Storage:ConnectionString", "AccountName=trustbot", "AccountKey")]
    [InlineData("Storage:TableEndpoint", "http://trustbot.table.core.windows.net", "https")]
    [InlineData("Storage:TablePrefix", "1bad-prefix", "TablePrefix")]
    public async Task AddTableStorage_UnusableSetting_FailsAtStartWithAClearMessage(string key, string value, string expected)
    {
        await using var app = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, error.Message);
    }
}
