using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsPolicyBot.Storage;

/// <summary>Healthy when the table service answers a one-table listing; otherwise Unhealthy with the reason.</summary>
public sealed class StorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                break;
            }
            return HealthCheckResult.Healthy($"Table storage at {tables.Uri} answered.");
        }
        catch (Exception ex) when (ex is StorageUnavailableException or RequestFailedException)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }
}
