using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// The one place storage trouble becomes a <see cref="StorageUnavailableException"/>. It wraps each call, retries
/// included, so what is still wrong after the last try (no connection, a timeout, no token, or HTTP 408, 429 or 5xx)
/// reaches the caller as the one exception a turn answers with "try again". The service's refusals (409, 412, 403…)
/// stay Azure's <see cref="RequestFailedException"/>; a caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class StorageUnavailablePolicy : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception ex) when (IsNoAnswer(message, ex))
        {
            throw NoAnswer(message, ex);
        }
        ThrowIfFailing(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsNoAnswer(message, ex))
        {
            throw NoAnswer(message, ex);
        }
        ThrowIfFailing(message);
    }

    private static void ThrowIfFailing(HttpMessage message)
    {
        var response = message.Response;
        if (response.Status is >= 500 or 408 or 429)
        {
            var code = response.Headers.TryGetValue("x-ms-error-code", out var errorCode) ? " " + errorCode : "";
            throw new StorageUnavailableException($"Table storage at {Endpoint(message)} kept failing: HTTP {response.Status}{code}.");
        }
    }

    private static bool IsNoAnswer(HttpMessage message, Exception ex) =>
        !message.CancellationToken.IsCancellationRequested
        && ex is RequestFailedException { Status: 0 } or AggregateException or IOException or HttpRequestException
            or OperationCanceledException or AuthenticationFailedException;

    private static StorageUnavailableException NoAnswer(HttpMessage message, Exception ex) =>
        new($"Table storage at {Endpoint(message)} did not answer: {Describe(ex)}", ex);

    // Scheme, host and port only: the path and query hold table names, keys and filters.
    private static string Endpoint(HttpMessage message) => message.Request.Uri.ToUri().GetLeftPart(UriPartial.Authority);

    private static string Describe(Exception ex) => ex switch
    {
        AggregateException all => Describe(all.InnerExceptions[^1]),
        OperationCanceledException => "timed out.",
        AuthenticationFailedException => "no access token (managed identity unavailable?).",
        _ when ex.InnerException is { } inner => Describe(inner),
        _ => ex.Message,
    };
}
