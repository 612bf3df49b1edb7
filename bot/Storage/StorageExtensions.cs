using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (validated at start-up), registers one <see cref="TableServiceClient"/>, the
    /// <see cref="BotTables"/> on it, the <see cref="JobLeases"/> that keep periodic jobs to one instance, and the "storage"
    /// health check.
    /// </summary>
    public static WebApplicationBuilder AddTableStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton(services => CreateClient(services.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton(services => new BotTables(
            services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobLeases>();
        builder.Services.AddTurnErrorMessage<StorageUnavailableException>(
            "I couldn't reach my storage just now, so I haven't done anything with that. Please try again in a minute.");
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    private static TableServiceClient CreateClient(StorageOptions options)
    {
        if (options.TableEndpoint is not { } endpoint)
        {
            return new TableServiceClient(options.ConnectionString, TableClientDefaults.Create());
        }
        var identity = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
        return new TableServiceClient(endpoint, new ManagedIdentityCredential(identity), TableClientDefaults.Create());
    }
}
