using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Connector;

/// <summary>The bot's Azure registration and how strictly it checks callers (section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";
    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Microsoft App ID of the bot. Empty means development mode: no token check, loopback only.</summary>
    [ProductionSetting]
    public string? AppId { get; set; }

    /// <summary>Entra tenant that owns the single-tenant app registration.</summary>
    [ProductionSetting]
    public string? TenantId { get; set; }

    /// <summary>A client secret of the app registration, used instead of a managed identity.</summary>
    [ProductionSetting]
    public string? ClientSecret { get; set; }

    /// <summary>Client ID of a user-assigned managed identity, used instead of a client secret.</summary>
    [ProductionSetting]
    public string? ManagedIdentityClientId { get; set; }

    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new(BotFrameworkMetadataUrl);

    /// <summary>Comma-separated tenant IDs the bot serves; empty serves every tenant.</summary>
    [ProductionSetting]
    public string? AllowedTenants { get; set; }

    /// <summary>Longest a message turn may hold Teams' HTTP request (Teams gives up at 15 s); the turn then finishes in the background.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:14")]
    public TimeSpan ResponseDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest the bot waits, when stopping, for turns in flight to finish before cancelling them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public ConnectorRetryOptions Retry { get; set; } = new();

    public ConnectorPacingOptions Pacing { get; set; } = new();

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    public bool IsTenantAllowed(string? tenantId)
    {
        var allowed = (AllowedTenants ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return allowed.Length == 0
            || (tenantId is not null && allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Start-up validation: the problems with this configuration, empty when it is usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!OpenIdMetadataUrl.IsAbsoluteUri || (OpenIdMetadataUrl.Scheme != Uri.UriSchemeHttps && !OpenIdMetadataUrl.IsLoopback))
            yield return "Bot:OpenIdMetadataUrl must be an absolute https URL.";
        if (Retry.MaxAttempts is < 1 or > 10)
            yield return "Bot:Retry:MaxAttempts must be between 1 and 10.";
        if (Retry.BaseDelay <= TimeSpan.Zero || Retry.MaxDelay < Retry.BaseDelay)
            yield return "Bot:Retry:BaseDelay must be positive and no larger than Bot:Retry:MaxDelay.";
        if (Pacing.RequestsPerSecond is < 1 or > 50)
            yield return "Bot:Pacing:RequestsPerSecond must be between 1 and 50 (Teams allows a bot 50 requests a second per tenant).";
        if (IsDevelopmentMode)
            yield break;
        if (string.IsNullOrWhiteSpace(TenantId))
            yield return "Bot:TenantId is required when Bot:AppId is set (single-tenant registration).";
        var hasSecret = !string.IsNullOrWhiteSpace(ClientSecret);
        var hasIdentity = !string.IsNullOrWhiteSpace(ManagedIdentityClientId);
        if (hasSecret == hasIdentity)
            yield return "Set exactly one of Bot:ClientSecret or Bot:ManagedIdentityClientId when Bot:AppId is set.";
    }
}

/// <summary>How the connector client retries throttled (429) and transient 5xx answers.</summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first try.</summary>
    public int MaxAttempts { get; set; } = 3;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>How fast the bot calls Teams in each tenant (see <see cref="TenantPacer"/>).</summary>
public sealed class ConnectorPacingOptions
{
    /// <summary>
    /// The most calls a second to one tenant: Teams allows a bot 50, counting replies, card updates and proactive
    /// messages alike. When Teams throttles, the bot slows down below this by itself.
    /// </summary>
    public double RequestsPerSecond { get; set; } = 50;
}

/// <summary>Fails start-up with every problem in the <c>Bot</c> section, in words an operator can act on.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
