using Azure.Data.Tables;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// The bot's tables in the storage account: <see cref="StorageOptions.TablePrefix"/> goes in front of every name, so
/// tests and side-by-side deployments never share a table.
/// </summary>
public sealed class BotTables(TableServiceClient service, string prefix = "")
{
    public TableClient GetTableClient(string name) => service.GetTableClient(prefix + name);
}
