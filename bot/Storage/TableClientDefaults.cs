using Azure.Core;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Client settings that keep storage trouble well inside a Teams turn (15 s) and <see cref="Connector.BotOptions.ShutdownTimeout"/>:
/// three tries of at most 3 s each, about 0.2 s and 0.4 s apart, so a service that accepts but never answers is
/// reported within about ten seconds and a refused connection within one. What is still wrong after the last try
/// becomes a <see cref="StorageUnavailableException"/> (<see cref="StorageUnavailablePolicy"/>).
/// </summary>
public static class TableClientDefaults
{
    public static TableClientOptions Create()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
        options.AddPolicy(new StorageUnavailablePolicy(), HttpPipelinePosition.PerCall);
        return options;
    }
}
