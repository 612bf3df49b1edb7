using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Retries Bot Connector calls that were throttled (429, waiting as long as Retry-After asks, and at least the
/// backoff) or hit a transient server error (500, 502, 503, 504, or no connection), with bounded exponential backoff.
/// </summary>
public sealed partial class ConnectorRetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ConnectorRetryHandler(IOptions<BotOptions> options, TimeProvider time, ILogger<ConnectorRetryHandler> logger)
    {
        var retry = options.Value.Retry;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = retry.MaxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                // Never sooner than Retry-After, nor sooner than the backoff: a throttling storm longer than
                // MaxAttempts × Retry-After would otherwise use up every retry while it lasts.
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter(args.Outcome.Result, time) is { } asked ? Max(asked, Backoff(retry, args.AttemptNumber)) : (TimeSpan?)null),
                OnRetry = args =>
                {
                    LogRetrying(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendOnceAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken);

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(ConnectorRetryOptions retry, int attempt) =>
        TimeSpan.FromTicks(Math.Min(retry.MaxDelay.Ticks, retry.BaseDelay.Ticks * (1L << Math.Min(attempt, 20))));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta;
        if (retryAfter?.Date is { } date)
            return date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector answered {StatusCode}; retry {Attempt} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int? statusCode, int attempt, TimeSpan delay);
}
