using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// Owns the private photo container. A photo is one blob, <c>{requester}/{photo id}</c>, holding the clean JPEG; its
/// file name, thumbnail, time and request are the blob's metadata, so one listing of a requester's blobs gives
/// everything the form and the card need. Photos wait, staged, until the requester's next post request claims them.
/// </summary>
public sealed class PhotoStore(BlobServiceClient blobs, IOptions<PhotoOptions> options)
{
    private const string NameKey = "name";
    private const string ThumbnailKey = "thumbnail";
    private const string RequestKey = "request";
    private const string StoredAtKey = "storedat";

    private readonly Lazy<BlobContainerClient> _container = new(() => blobs.GetBlobContainerClient(options.Value.PhotoContainer));
    private Task? _created;

    /// <summary>The container, created (private) on first use, once per process.</summary>
    public async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        var created = _created ??= _container.Value.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: CancellationToken.None);
        try
        {
            await created.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _created = null;
            throw;
        }
        return _container.Value;
    }

    public async Task<StoredPhoto> AddAsync(string requesterId, string name, CleanPhoto photo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = new StoredPhoto(Guid.NewGuid().ToString("N"), requesterId, name, Convert.ToBase64String(photo.Thumbnail), "", now);
        var container = await ContainerAsync(cancellationToken);
        await container.GetBlobClient(BlobName(requesterId, stored.Id)).UploadAsync(new BinaryData(photo.Jpeg), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" },
            Metadata = Metadata(stored),
        }, cancellationToken);
        return stored;
    }

    /// <summary>The requester's photos not yet sent with a request, oldest first.</summary>
    public async Task<IReadOnlyList<StoredPhoto>> StagedAsync(string requesterId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(requesterId + "/", cancellationToken)).Where(p => p.IsStaged).OrderBy(p => p.StoredAt)];

    /// <summary>Marks the photos as sent with <paramref name="requestId"/>: no later request takes them.</summary>
    public async Task ClaimAsync(IEnumerable<StoredPhoto> photos, string requestId, CancellationToken cancellationToken)
    {
        var container = await ContainerAsync(cancellationToken);
        await Task.WhenAll(photos.Select(photo => container.GetBlobClient(BlobName(photo.RequesterId, photo.Id))
            .SetMetadataAsync(Metadata(photo with { RequestId = requestId }), cancellationToken: cancellationToken)));
    }

    /// <summary>The clean JPEG, or null when it has been deleted.</summary>
    public async Task<Stream?> OpenAsync(string requesterId, string photoId, CancellationToken cancellationToken)
    {
        if (!IsId(requesterId) || !IsId(photoId))
            return null;
        var container = await ContainerAsync(cancellationToken);
        try
        {
            return (await container.GetBlobClient(BlobName(requesterId, photoId)).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    /// <summary>Every photo, for the retention sweep.</summary>
    public Task<IReadOnlyList<StoredPhoto>> AllAsync(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    /// <summary>The photos a request claimed; its requester's blobs are the only ones listed.</summary>
    public async Task<IReadOnlyList<StoredPhoto>> OfRequestAsync(string requesterId, string requestId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(requesterId + "/", cancellationToken)).Where(p => p.RequestId == requestId)];

    public async Task DeleteAsync(IEnumerable<StoredPhoto> photos, CancellationToken cancellationToken)
    {
        var container = await ContainerAsync(cancellationToken);
        await Task.WhenAll(photos.Select(photo => container.GetBlobClient(BlobName(photo.RequesterId, photo.Id))
            .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)));
    }

    private async Task<IReadOnlyList<StoredPhoto>> ListAsync(string? prefix, CancellationToken cancellationToken)
    {
        if (prefix is not null && !IsId(prefix[..^1]))
            return [];
        var container = await ContainerAsync(cancellationToken);
        var photos = new List<StoredPhoto>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            if (Read(blob) is { } photo)
                photos.Add(photo);
        }
        return photos;
    }

    private static StoredPhoto? Read(BlobItem blob)
    {
        var parts = blob.Name.Split('/');
        if (parts.Length != 2 || !IsId(parts[0]) || !IsId(parts[1]))
            return null;
        var metadata = blob.Metadata ?? new Dictionary<string, string>();
        string Get(string key) => metadata.TryGetValue(key, out var value) ? value : "";
        return new StoredPhoto(
            parts[1],
            parts[0],
            Uri.UnescapeDataString(Get(NameKey)),
            Get(ThumbnailKey),
            Get(RequestKey),
            DateTimeOffset.TryParse(Get(StoredAtKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at : blob.Properties.CreatedOn ?? DateTimeOffset.MinValue);
    }

    // Metadata travels as HTTP headers: ASCII only, so the file name is escaped.
    private static Dictionary<string, string> Metadata(StoredPhoto photo) => new()
    {
        [NameKey] = Uri.EscapeDataString(photo.Name),
        [ThumbnailKey] = photo.Thumbnail,
        [RequestKey] = photo.RequestId,
        [StoredAtKey] = photo.StoredAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private static string BlobName(string requesterId, string photoId) => $"{requesterId}/{photoId}";

    /// <summary>Requester ids are Entra object ids and photo ids are GUIDs; anything else (forged data) names no blob.</summary>
    private static bool IsId(string id) => Guid.TryParse(id, out _) && id.All(c => char.IsAsciiHexDigit(c) || c == '-');
}
