using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals.Photos;

public static class PhotosExtensions
{
    /// <summary>
    /// Photos with post requests: intake from the personal chat, cleaning, the blob store (Azurite's blob service from
    /// <c>Storage:ConnectionString</c> locally, <c>Storage:BlobEndpoint</c> with the managed identity in Azure), the
    /// "Open full size" action and endpoint, and the retention sweep.
    /// </summary>
    public static IServiceCollection AddApprovalPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>()
            .BindConfiguration(PhotoOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.PhotoSweepInterval > TimeSpan.Zero, "Approvals:PhotoSweepInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton(provider => CreateClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PhotoLinkKey>();
        services.AddSingleton<PhotoLinks>();
        services.AddSingleton<PhotoCleaner>();
        // No request logs: a download URL carries its own authorisation and may carry a pupil's name in the file name.
        services.AddHttpClient(nameof(PhotoDownloader), http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<PhotoDownloader>(
            provider, new Lazy<BotTokenCache>(provider.GetRequiredService<BotTokenCache>)));
        services.AddSingleton<PhotoIntake>();
        services.AddSingleton<PhotoEndpoint>();
        services.AddSingleton<PhotoSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<PhotoSweeper>());
        services.AddCardAction<OpenPhotoHandler>(ApprovalVerbs.OpenPhoto);
        services.AddBotCommand<RemovePhotosCommand>();
        return services;
    }

    /// <summary>Maps the full-size photo endpoint (<see cref="PhotoLinks.Path"/>).</summary>
    public static WebApplication MapApprovalPhotos(this WebApplication app)
    {
        app.MapGet(PhotoLinks.Path + "/{requestId}/{photoId}",
            (HttpContext http, string requestId, string photoId, PhotoEndpoint endpoint) => endpoint.GetAsync(http, requestId, photoId));
        return app;
    }

    private static BlobServiceClient CreateClient(StorageOptions storage)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        if (storage.BlobEndpoint is not { } endpoint)
            return new BlobServiceClient(storage.ConnectionString, options);
        var identity = string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(storage.ManagedIdentityClientId);
        return new BlobServiceClient(endpoint, new ManagedIdentityCredential(identity), options);
    }
}
