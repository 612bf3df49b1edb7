using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>A downloaded file, or why there is none (a sentence naming the file).</summary>
public sealed record PhotoDownload(byte[]? File, string? Refusal);

/// <summary>
/// Downloads a file a member of staff sent, never holding more than <see cref="PhotoOptions.MaxPhotoBytes"/>: the
/// declared length is checked first and the body is counted while it streams, so a lying or endless server costs at
/// most the limit. The bot's token goes only to Teams' own hosts (and the conversation's service), never elsewhere.
/// </summary>
/// <param name="tokens">Made only when a token is first needed: the bot's credential is not built for a bot that never downloads.</param>
public sealed class PhotoDownloader(IHttpClientFactory httpClients, Lazy<BotTokenCache> tokens, IOptions<BotOptions> bot, IOptions<PhotoOptions> options)
{
    private static readonly string[] TeamsHostSuffixes = [".botframework.com", ".asm.skype.com", ".trafficmanager.net"];

    public async Task<PhotoDownload> DownloadAsync(IncomingPhoto photo, Uri serviceUrl, CancellationToken cancellationToken)
    {
        var url = photo.Url;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            return Failed(photo);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (photo.NeedsBotToken && !bot.Value.IsDevelopmentMode && IsTeamsHost(url, serviceUrl))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.Value.GetTokenAsync(cancellationToken));

        using var response = await httpClients.CreateClient(nameof(PhotoDownloader)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            return Failed(photo);
        var limit = options.Value.MaxPhotoBytes;
        if (response.Content.Headers.ContentLength > limit)
            return TooLarge(photo, limit);

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var file = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (file.Length + read > limit)
                    return TooLarge(photo, limit);
                file.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return new PhotoDownload(file.ToArray(), null);
    }

    private static bool IsTeamsHost(Uri url, Uri serviceUrl) =>
        url.Scheme == Uri.UriSchemeHttps
        && (string.Equals(url.Host, serviceUrl.Host, StringComparison.OrdinalIgnoreCase)
            || TeamsHostSuffixes.Any(suffix => url.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)));

    private static PhotoDownload Failed(IncomingPhoto photo) =>
        new(null, $"I couldn't download {photo.Name} from Teams. Please send it again.");

    private static PhotoDownload TooLarge(IncomingPhoto photo, int limit) =>
        new(null, string.Create(CultureInfo.InvariantCulture,
            $"{photo.Name} is larger than the {limit / (1024.0 * 1024):0.#} MB limit for one photo. Please send a smaller copy."));
}
