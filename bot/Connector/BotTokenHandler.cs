using System.Net.Http.Headers;
using Azure.Core;

namespace TeamsPolicyBot.Connector;

/// <summary>Adds the bot's bearer token to every Bot Connector call.</summary>
/// <param name="tokens">Null in development mode, where calls go to a local emulator without a token.</param>
public sealed class BotTokenHandler(BotTokenCache? tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (tokens is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// The bot's token for <c>https://api.botframework.com</c>, asked of the credential once and reused
/// until shortly before it expires. A singleton: HTTP handlers are recreated every few minutes.
/// </summary>
public sealed class BotTokenCache(TokenCredential credential, TimeProvider time)
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && fresh.IsFreshAt(time.GetUtcNow()))
            return fresh.Token;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } refreshed && refreshed.IsFreshAt(time.GetUtcNow()))
                return refreshed.Token;
            var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            _current = new CachedToken(token.Token, token.ExpiresOn - RefreshBeforeExpiry);
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt)
    {
        public bool IsFreshAt(DateTimeOffset now) => now < RefreshAt;
    }
}
