using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// Photos sent in a member of staff's personal chat with the bot: each is downloaded, cleaned and stored, to go with
/// their next post request (up to <see cref="PhotoOptions.MaxPhotos"/>). One reply says what was added and names each
/// file refused with the reason; what was valid is kept whatever else in the message was not.
/// </summary>
public sealed partial class PhotoIntake(
    PhotoDownloader downloader, PhotoCleaner cleaner, PhotoStore photos, IOptions<PhotoOptions> options, TimeProvider time, ILogger<PhotoIntake> logger)
{
    /// <returns>False when the message has no files or images for it (or is not in a personal chat).</returns>
    public async Task<bool> ReceiveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var incoming = IncomingPhotos.In(turn.Activity);
        if (incoming.Count == 0 || turn.Activity.Conversation?.ConversationType is not (null or ConversationTypes.Personal))
            return false;
        if (turn.Sender() is not { } sender)
        {
            await turn.SendTextAsync("I couldn't tell who you are, so I haven't kept those photos.", cancellationToken);
            return true;
        }

        var max = options.Value.MaxPhotos;
        var room = max - (await photos.StagedAsync(sender.Id, cancellationToken)).Count;
        var added = new List<string>();
        var refusals = new List<string>();
        foreach (var photo in incoming)
        {
            if (added.Count >= room)
            {
                refusals.Add($"A request can have up to {max} photos, so I haven't added {photo.Name}.");
                continue;
            }
            var refusal = await TryAddAsync(sender, photo, turn.Activity.ServiceUrl!, cancellationToken);
            if (refusal is null)
                added.Add(photo.Name);
            else
                refusals.Add(refusal);
        }
        LogReceived(logger, added.Count, refusals.Count);
        await turn.SendTextAsync(Reply(added, refusals, max - room + added.Count, max), cancellationToken);
        return true;
    }

    private async Task<string?> TryAddAsync(StaffMember sender, IncomingPhoto photo, Uri serviceUrl, CancellationToken cancellationToken)
    {
        PhotoDownload download;
        try
        {
            download = await downloader.DownloadAsync(photo, serviceUrl, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            LogDownloadFailed(logger, ex);
            return $"I couldn't download {photo.Name} from Teams. Please send it again.";
        }
        if (download.File is not { } file)
            return download.Refusal;
        var outcome = await cleaner.CleanAsync(photo.Name, file, cancellationToken);
        if (outcome.Photo is not { } clean)
            return outcome.Refusal;
        await photos.AddAsync(sender.Id, photo.Name, clean, time.GetUtcNow(), cancellationToken);
        return null;
    }

    private static string Reply(List<string> added, List<string> refusals, int staged, int max)
    {
        var lines = new List<string>();
        if (added.Count > 0)
            lines.Add($"I've added {string.Join(", ", added)} to your next post request ({staged} of {max} photos). "
                + "Fill in the form (type \"request a post\" if you need it) and send it for approval. "
                + "Type \"remove photos\" to start again.");
        lines.AddRange(refusals);
        return string.Join("\n\n", lines);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Photos for a post request: {Added} added, {Refused} refused")]
    private static partial void LogReceived(ILogger logger, int added, int refused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A photo could not be downloaded")]
    private static partial void LogDownloadFailed(ILogger logger, Exception exception);
}
