namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// <c>GET /approvals/photos/{requestId}/{photoId}?expires=…&amp;signature=…</c>: the full-size photo, for a link
/// <see cref="PhotoLinks"/> made and that has not expired. Never cached, so an expired link cannot be replayed from a cache.
/// </summary>
public sealed class PhotoEndpoint(PhotoLinks links, ApprovalRequestStore requests, PhotoStore photos)
{
    public async Task<IResult> GetAsync(HttpContext http, string requestId, string photoId)
    {
        var cancellationToken = http.RequestAborted;
        http.Response.Headers.CacheControl = "no-store, private";
        var query = http.Request.Query;
        if (!await links.IsValidAsync(requestId, photoId, query["expires"], query["signature"], cancellationToken))
            return Results.Text("This link has expired or is not valid. Open the photo again from the request card in Teams.",
                statusCode: StatusCodes.Status403Forbidden);

        var stored = await requests.GetAsync(requestId, cancellationToken);
        var photo = stored?.Request.Photos.FirstOrDefault(p => p.Id == photoId);
        var content = stored is null || photo is null ? null : await photos.OpenAsync(stored.Request.Requester.Id, photoId, cancellationToken);
        if (content is null)
            return Results.Text("This photo has been deleted.", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(content, "image/jpeg");
    }
}
