using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Decides whether an incoming activity really comes from the Bot Framework for this bot. With an app id:
/// the bearer JWT must be RS256-signed by a published Bot Framework key endorsed for the activity's channel,
/// issued by <c>https://api.botframework.com</c> for this app, in date, and for the activity's service URL.
/// Without an app id (development mode): only loopback callers.
/// </summary>
public sealed partial class BotAuthenticator(BotSigningKeys signingKeys, IOptions<BotOptions> options, ILogger<BotAuthenticator> logger)
{
    public const string Issuer = "https://api.botframework.com";
    private const string ServiceUrlClaim = "serviceurl";
    private static readonly JsonWebTokenHandler Tokens = new();

    /// <summary>True when the request may be handled; otherwise the reason is logged (never the token).</summary>
    public async Task<bool> IsAuthenticAsync(HttpContext http, Activity activity, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var rejection = bot.IsDevelopmentMode
            ? CheckLoopbackCaller(http.Connection.RemoteIpAddress)
            : await CheckTokenAsync(http.Request.Headers.Authorization.ToString(), activity, bot.AppId!, cancellationToken);
        if (rejection is not null)
            LogRejected(logger, rejection);
        return rejection is null;
    }

    private static string? CheckLoopbackCaller(IPAddress? caller) =>
        caller is not null && IPAddress.IsLoopback(caller)
            ? null
            : "development mode (no Bot:AppId) accepts only loopback callers";

    private async Task<string?> CheckTokenAsync(string authorization, Activity activity, string appId, CancellationToken cancellationToken)
    {
        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return "no bearer token";
        var token = authorization[Bearer.Length..].Trim();
        if (!Tokens.CanReadToken(token))
            return "bearer token is not a JWT";

        var keyId = new JsonWebToken(token).Kid;
        if (string.IsNullOrEmpty(keyId))
            return "token names no signing key";
        JsonWebKey? key;
        try
        {
            key = await signingKeys.FindAsync(keyId, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogKeysUnavailable(logger, ex);
            return "Bot Framework signing keys unavailable";
        }
        if (key is null)
            return "token signed with an unknown key";

        var result = await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = appId,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        if (!result.IsValid)
            return $"token invalid: {result.Exception?.GetType().Name}";

        if (!result.Claims.TryGetValue(ServiceUrlClaim, out var serviceUrl)
            || !string.Equals(serviceUrl as string, activity.ServiceUrl?.OriginalString, StringComparison.OrdinalIgnoreCase))
            return "token's serviceurl claim does not match the activity's serviceUrl";

        if (string.IsNullOrEmpty(activity.ChannelId)
            || !BotSigningKeys.Endorsements(key).Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            return "signing key is not endorsed for the activity's channel";

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected incoming activity: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the Bot Framework signing keys")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception);
}
