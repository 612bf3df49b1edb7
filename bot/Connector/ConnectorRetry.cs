using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Retries Bot Connector calls (<c>Bot:Retry</c>) that were throttled (429, waiting as long as Retry-After asks, and at
/// least the backoff) or hit a transient server error (500, 502, 503, 504, or no connection), with bounded exponential
/// backoff and jitter. Nothing else is retried: a timed-out post may already have been delivered, and the connector's
/// posts are not idempotent.
/// </summary>
/// <remarks>
/// A retry alone, not the standard resilience handler. Its circuit breaker, shared by every conversation, would open
/// on one team's burst of 5xx or 429s and drop other conversations' replies that would have gone through; its rate
/// limiter would refuse replies the connector accepts (Teams throttles with 429, which is retried); its attempt
/// timeout would post again a message that was merely slow to be accepted. The HttpClient's own timeout (100 s)
/// still bounds a whole call, retries included.
/// </remarks>
public static partial class ConnectorRetry
{
    public static IHttpClientBuilder AddConnectorRetry(this IHttpClientBuilder client)
    {
        var pipeline = client.AddResilienceHandler("retry", (builder, context) =>
        {
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorRetry));
            builder.AddRetry(Options(context.GetOptions<BotOptions>().Retry, logger));
        });
        // Polly logs every attempt at Information and every retry at Warning. The bot logs one line per retry here and
        // ConnectorClient logs the call that failed, so Polly's lines stay at Debug, as the factory's per-request lines are removed.
        client.Services.Configure<TelemetryOptions>(telemetry =>
        {
            var others = telemetry.SeverityProvider;
            telemetry.SeverityProvider = args => args.Source.PipelineName == pipeline.PipelineName
                ? ResilienceEventSeverity.Debug
                : others?.Invoke(args) ?? args.Event.Severity;
        });
        return client;
    }

    private static HttpRetryStrategyOptions Options(ConnectorRetryOptions retry, ILogger logger)
    {
        var options = new HttpRetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .HandleResult(response => IsTransient(response.StatusCode)),
            MaxRetryAttempts = retry.MaxAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            OnRetry = args =>
            {
                LogRetrying(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        };
        // HttpRetryStrategyOptions waits exactly as long as Retry-After asks. Never sooner than the backoff either: a
        // throttling storm longer than MaxAttempts × Retry-After would otherwise use up every retry while it lasts.
        var retryAfter = options.DelayGenerator!;
        options.DelayGenerator = async args =>
            await retryAfter(args) is { } asked ? Max(asked, Backoff(retry, args.AttemptNumber)) : null;
        return options;
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(ConnectorRetryOptions retry, int attempt) =>
        TimeSpan.FromTicks(Math.Min(retry.MaxDelay.Ticks, retry.BaseDelay.Ticks * (1L << Math.Min(attempt, 20))));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector answered {StatusCode}; retry {Attempt} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int? statusCode, int attempt, TimeSpan delay);
}
