using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>A file or image attached to a message, to download: its name for replies, where it is, and whether Teams wants the bot's token for it.</summary>
public sealed record IncomingPhoto(string Name, Uri Url, bool NeedsBotToken);

/// <summary>
/// The files and images in a Teams message. A file sent in the personal chat is an attachment of type
/// <c>application/vnd.microsoft.teams.file.download.info</c> whose <c>content.downloadUrl</c> is pre-authorised; a pasted
/// image is an <c>image/*</c> attachment whose <c>contentUrl</c> needs the bot's token. Cards and the message's own
/// HTML are not files.
/// </summary>
public static class IncomingPhotos
{
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    public static IReadOnlyList<IncomingPhoto> In(Activity activity)
    {
        var found = new List<IncomingPhoto>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType == FileDownloadInfo)
            {
                if (attachment.Content is { ValueKind: System.Text.Json.JsonValueKind.Object } content
                    && content.TryGetProperty("downloadUrl", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var download))
                    found.Add(new IncomingPhoto(NameOf(attachment, found.Count), download, NeedsBotToken: false));
            }
            else if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
                && Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var image))
            {
                found.Add(new IncomingPhoto(NameOf(attachment, found.Count), image, NeedsBotToken: true));
            }
        }
        return found;
    }

    private static string NameOf(Attachment attachment, int index) =>
        attachment.Name is { Length: > 0 } name ? (name.Length > 100 ? name[..100] : name) : $"the pasted image {index + 1}";
}
