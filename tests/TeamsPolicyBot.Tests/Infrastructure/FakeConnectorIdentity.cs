using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// Stands in for the Bot Framework token service on 127.0.0.1: serves OpenID metadata and a JWKS of RSA
/// keys this test generated (each endorsed for some channels), and mints the JWTs Teams would send.
/// </summary>
public sealed class FakeConnectorIdentity : IAsyncDisposable
{
    public const string TeamsKeyId = "teams-key";
    public const string WebChatKeyId = "webchat-key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, PublishedKey> _keys = new();
    private int _metadataFetches;

    private FakeConnectorIdentity(WebApplication app) => _app = app;

    public Uri MetadataUrl { get; private set; } = null!;

    public int MetadataFetches => _metadataFetches;

    /// <summary>While true, the metadata endpoint answers 503, as during an outage.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Starts with a key endorsed for msteams and one endorsed only for webchat.</summary>
    public static async Task<FakeConnectorIdentity> StartAsync()
    {
        var identity = new FakeConnectorIdentity(LoopbackApp.Create());
        identity.PublishKey(TeamsKeyId, "msteams");
        identity.PublishKey(WebChatKeyId, "webchat");
        identity._app.MapGet("/v1/.well-known/openidconfiguration", identity.Metadata);
        identity._app.MapGet("/v1/keys", identity.Keys);
        await identity._app.StartAsync();
        identity.MetadataUrl = new Uri($"{identity._app.Urls.Single()}/v1/.well-known/openidconfiguration");
        return identity;
    }

    /// <summary>Generates an RSA key and adds it to the JWKS (as a key rotation would).</summary>
    public void PublishKey(string keyId, params string[] endorsements) =>
        _keys[keyId] = new PublishedKey(RSA.Create(2048), endorsements);

    /// <summary>A token signed as <paramref name="spec"/> says; by default exactly what Teams sends.</summary>
    public string CreateToken(TokenSpec spec)
    {
        var signer = spec.ForgeSignature ? RSA.Create(2048) : _keys[spec.KeyId].Rsa;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            IssuedAt = spec.Expires.AddHours(-1).UtcDateTime,
            NotBefore = spec.Expires.AddHours(-1).UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = spec.ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signer) { KeyId = spec.KeyId }, spec.Algorithm),
        });
    }

    private IResult Metadata(HttpContext http)
    {
        Interlocked.Increment(ref _metadataFetches);
        if (Unavailable)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = $"{_app.Urls.Single()}/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private IResult Keys() => Results.Json(new
    {
        keys = _keys.Select(entry =>
        {
            var parameters = entry.Value.Rsa.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = entry.Key,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = entry.Value.Endorsements,
            };
        }),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
            key.Rsa.Dispose();
    }

    private sealed record PublishedKey(RSA Rsa, string[] Endorsements);
}

/// <summary>What goes into a test token. The defaults describe a valid Teams token for <see cref="Audience"/>.</summary>
public sealed record TokenSpec(string Audience, string ServiceUrl)
{
    public string Issuer { get; init; } = "https://api.botframework.com";
    public string KeyId { get; init; } = FakeConnectorIdentity.TeamsKeyId;
    public DateTimeOffset Expires { get; init; } = DateTimeOffset.UtcNow.AddMinutes(30);
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    /// <summary>Sign with a fresh key under the published key's id, as a forger would.</summary>
    public bool ForgeSignature { get; init; }
}
