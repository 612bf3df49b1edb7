using System.Net;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Sits inside the connector's retry handler, so it sees every 429 (including those the retry handler then retries)
/// and tells the <see cref="DeliveryPacer"/>: Teams' limit is per bot and tenant, so any throttled call slows reminders down.
/// </summary>
public sealed class ThrottleObserver(DeliveryPacer pacer, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            pacer.Throttled(RetryAfter(response));
        return response;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
