namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// A photo in the store: whose it is (Entra object id), its file name, its thumbnail (base64 JPEG) and the request it
/// went with (empty while it waits for the requester's next post request).
/// </summary>
public sealed record StoredPhoto(string Id, string RequesterId, string Name, string Thumbnail, string RequestId, DateTimeOffset StoredAt)
{
    public bool IsStaged => RequestId.Length == 0;

    public RequestPhoto ForRequest() => new(Id, Name, Thumbnail);
}
