using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// A real Azurite table service (<see cref="AzuriteProcess"/>) on 127.0.0.1 and a free port, in memory,
/// stopped (with its process tree) when the tests that share it are done.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The explicit development-account connection string for this Azurite.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory));
        ConnectionString = _azurite.ConnectionString;
    }

    public Task DisposeAsync()
    {
        _azurite?.Stop();
        return Task.CompletedTask;
    }

    /// <summary>A client with the bot's own settings (<see cref="TableClientDefaults"/>) unless given others.</summary>
    public TableServiceClient CreateServiceClient(TableClientOptions? options = null) => new(ConnectionString, options ?? TableClientDefaults.Create());

    /// <summary>The tables a bot with this Storage:TablePrefix uses.</summary>
    public BotTables CreateTables(string tablePrefix, TableClientOptions? options = null) => new(CreateServiceClient(options), tablePrefix);

    /// <summary>A new, empty table that no other test uses.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        var table = CreateServiceClient().GetTableClient(UniqueTableName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static string UniqueTableName() => "t" + Guid.NewGuid().ToString("N");

    /// <summary>For Storage:TablePrefix, so a hosted bot's tables are its own.</summary>
    public static string UniqueTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
