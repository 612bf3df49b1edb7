using Azure.Core;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Pipeline settings. The defaults keep a failing call well inside a Teams turn: three tries of at most
/// 3 s each with 0.2 s and 0.4 s pauses, so storage trouble surfaces within about ten seconds.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    public TableClientOptions()
    {
        Retry.MaxRetries = 2;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(1);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
    }

    /// <summary>Put in front of every name given to <see cref="TableServiceClient.GetTableClient"/>.</summary>
    public string TablePrefix { get; set; } = "";
}
