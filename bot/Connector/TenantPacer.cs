using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Teams allows a bot 50 requests a second per tenant, across everything it sends there. Every Bot Connector call that
/// names its tenant (<see cref="ConnectorClient"/> does, from the activity or parameters it sends, or as told) goes
/// through that tenant's <see cref="TenantBucket"/>, whoever makes it: reminder posts, nudges, approval and policy
/// lead cards, replies, and the retries of all of them.
/// </summary>
/// <remarks>
/// Paced on the system clock, not the app's <see cref="TimeProvider"/>: Teams counts real seconds, whatever clock the
/// bot's dates come from (tests hold that one still to check a fortnight's nudge).
/// </remarks>
public sealed class TenantPacer(IOptions<BotOptions> options)
{
    /// <summary>The tenant a request is for; requests without one are not paced.</summary>
    public static readonly HttpRequestOptionsKey<string> Tenant = new("TeamsPolicyBot.Tenant");

    private readonly ConcurrentDictionary<string, TenantBucket> _buckets = new(StringComparer.OrdinalIgnoreCase);

    public TenantBucket For(string tenantId) =>
        _buckets.GetOrAdd(tenantId, _ => new TenantBucket(options.Value.Pacing.RequestsPerSecond, TimeProvider.System));
}

/// <summary>
/// Innermost on the connector's pipeline, inside the retries, so every try waits for its tenant's bucket and every 429
/// (including those the retry handler then retries) slows the tenant down.
/// </summary>
public sealed class TenantPacingHandler(TenantPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TenantPacer.Tenant, out var tenantId) || string.IsNullOrEmpty(tenantId))
            return await base.SendAsync(request, cancellationToken);

        var bucket = pacer.For(tenantId);
        await bucket.WaitTurnAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            bucket.Throttled(RetryAfter(response));
        else
            bucket.Answered();
        return response;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
