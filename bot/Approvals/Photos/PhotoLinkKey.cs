using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// The secret that signs "Open full size" links. It is made at random the first time any instance needs it and kept
/// as a blob in the private photo container, so every instance signs alike, there is no secret to deploy or rotate
/// by hand (deleting the blob rotates it; links live minutes), and only the bot's identity can read it.
/// </summary>
public sealed class PhotoLinkKey(PhotoStore photos)
{
    private const string BlobName = "keys/photo-links";
    private byte[]? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
            return known;
        var blob = (await photos.ContainerAsync(cancellationToken)).GetBlobClient(BlobName);
        try
        {
            await blob.UploadAsync(new BinaryData(RandomNumberGenerator.GetBytes(32)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed)
        {
            // Made already, by this instance earlier or by another: everyone uses that one.
        }
        var key = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        return _key = key;
    }
}
