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
        return keys!.Find(keyId);
    }

    private bool NeedsRefresh(KeySet? keys, string keyId)
    {
        var now = time.GetUtcNow();
        return keys is null
            || keys.IsStaleAt(now, MaxAge)
            || (keys.Find(keyId) is null && keys.IsStaleAt(now, UnknownKeyRefetchInterval));
    }

    private async Task<KeySet> RefreshAsync(string keyId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!NeedsRefresh(_current, keyId))
                return _current!;

            var http = httpClients.CreateClient(nameof(BotSigningKeys));
            var metadataUrl = options.Value.OpenIdMetadataUrl;
            using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl, cancellationToken));
            var jwksUri = new Uri(metadata.RootElement.GetProperty("jwks_uri").GetString()
                ?? throw new InvalidOperationException("OpenID metadata has no jwks_uri."));
            if (jwksUri.Scheme != Uri.UriSchemeHttps && !(jwksUri.IsLoopback && metadataUrl.IsLoopback))
                throw new InvalidOperationException("OpenID metadata points at a non-https jwks_uri.");

            var keys = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken));
            LogKeysFetched(logger, keys.Keys.Count);
            _current = new KeySet(keys.Keys, time.GetUtcNow());
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The channels (e.g. <c>msteams</c>) a key is endorsed for, from the JWKS <c>endorsements</c> field.</summary>
    public static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
            return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
            IEnumerable<object> items => [.. items.Select(i => i.ToString() ?? "")],
            _ => [],
        };
    }

    private sealed record KeySet(IList<JsonWebKey> Keys, DateTimeOffset FetchedAt)
    {
        public JsonWebKey? Find(string keyId) => Keys.FirstOrDefault(k => k.Kid == keyId);

        public bool IsStaleAt(DateTimeOffset now, TimeSpan age) => now - FetchedAt >= age;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} Bot Framework signing keys")]
    private static partial void LogKeysFetched(ILogger logger, int count);
}
