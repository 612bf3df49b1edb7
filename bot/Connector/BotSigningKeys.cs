using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// The Bot Framework's token signing keys, read from the OpenID metadata's <c>jwks_uri</c>, cached for a
/// day and fetched again when a token names a key the cache does not know (key rotation).
/// </summary>
public sealed partial class BotSigningKeys(IHttpClientFactory httpClients, IOptions<BotOptions> options, TimeProvider time, ILogger<BotSigningKeys> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    // An unknown kid costs at most one fetch per interval, so forged tokens cannot hammer the metadata endpoint.
    private static readonly TimeSpan UnknownKeyRefetchInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeySet? _current;

    /// <summary>The key with id <paramref name="keyId"/>, or null when the Bot Framework does not publish it.</summary>
    public async Task<JsonWebKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _current;
        if (NeedsRefresh(keys, keyId))
            keys = await RefreshAsync(keyId, cancellationToken);
        return keys.Find(keyId);
    }

    private bool NeedsRefresh([NotNullWhen(false)] KeySet? keys, string keyId)
    {
        var now = time.GetUtcNow();
        return keys is null || now >= keys.RefreshAt || (keys.Find(keyId) is null && now >= keys.UnknownKeyRefreshAt);
    }

    private async Task<KeySet> RefreshAsync(string keyId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!NeedsRefresh(_current, keyId))
                return _current;
            var now = time.GetUtcNow();
            try
            {
                var keys = await FetchAsync(cancellationToken);
                LogKeysFetched(logger, keys.Count);
                _current = new KeySet(keys, now + MaxAge, now + UnknownKeyRefetchInterval);
            }
            catch (Exception ex) when (_current is not null && !cancellationToken.IsCancellationRequested)
            {
                // Keep the last keys that worked rather than refuse every caller while the endpoint is down.
                LogRefreshFailed(logger, ex);
                _current = _current with { RefreshAt = now + UnknownKeyRefetchInterval, UnknownKeyRefreshAt = now + UnknownKeyRefetchInterval };
            }
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IList<JsonWebKey>> FetchAsync(CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(nameof(BotSigningKeys));
        var metadataUrl = options.Value.OpenIdMetadataUrl;
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl, cancellationToken));
        var jwksUri = new Uri(metadata.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new InvalidOperationException("OpenID metadata has no jwks_uri."));
        if (jwksUri.Scheme != Uri.UriSchemeHttps && !(jwksUri.IsLoopback && metadataUrl.IsLoopback))
            throw new InvalidOperationException("OpenID metadata points at a non-https jwks_uri.");
        return new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken)).Keys;
    }

    /// <summary>The channels (e.g. <c>msteams</c>) a key is endorsed for, from the JWKS <c>endorsements</c> field.</summary>
    public static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        return key.AdditionalData.TryGetValue("endorsements", out var value) && value is JsonElement { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(e => e.ToString())]
            : [];
    }

    private sealed record KeySet(IList<JsonWebKey> Keys, DateTimeOffset RefreshAt, DateTimeOffset UnknownKeyRefreshAt)
    {
        public JsonWebKey? Find(string keyId) => Keys.FirstOrDefault(k => k.Kid == keyId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} Bot Framework signing keys")]
    private static partial void LogKeysFetched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the Bot Framework signing keys; keeping the previous ones")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
