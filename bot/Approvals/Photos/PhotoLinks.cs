using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// Short-lived links to a request's full-size photos. A browser opening a link carries no Teams identity, so who may
/// see a photo is checked when the link is made (by <see cref="OpenPhotoHandler"/>, for the request's approvers and
/// requester) and the link itself only proves that: an HMAC over the request, the photo and an expiry a few minutes
/// away. A forwarded link stops working when it expires.
/// </summary>
/// <remarks>
/// Not a user-delegation SAS: that needs the identity to hold "Storage Blob Delegator" and would hand the browser a
/// storage URL; this keeps the storage account closed to everyone but the bot and testable against Azurite.
/// </remarks>
public sealed class PhotoLinks(PhotoLinkKey key, IOptions<PhotoOptions> options, TimeProvider time)
{
    public const string Path = "/approvals/photos";

    public async Task<Uri> CreateAsync(string requestId, string photoId, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().Add(options.Value.PhotoLinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = await SignAsync(requestId, photoId, expires, cancellationToken);
        var baseUrl = options.Value.PhotoLinkBaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}{Path}/{requestId}/{photoId}?expires={expires}&signature={signature}");
    }

    /// <summary>Whether the link was made by this bot for this photo and has not expired.</summary>
    public async Task<bool> IsValidAsync(string requestId, string photoId, string? expires, string? signature, CancellationToken cancellationToken)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null)
            return false;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (seconds < now || seconds > now + (long)options.Value.PhotoLinkLifetime.TotalSeconds)
            return false;
        var expected = Encoding.ASCII.GetBytes(await SignAsync(requestId, photoId, expires!, cancellationToken));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private async Task<string> SignAsync(string requestId, string photoId, string expires, CancellationToken cancellationToken) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(await key.GetAsync(cancellationToken), Encoding.UTF8.GetBytes($"{requestId}/{photoId}/{expires}")));
}
