using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// The one place requests go out: common headers on the way in, and on the way back every way of not
/// getting an answer (refused, timed out, 5xx after the retries) becomes a <see cref="StorageUnavailableException"/>.
/// </summary>
internal sealed class TableConnection(HttpPipeline pipeline, Uri endpoint)
{
    private const string ServiceVersion = "2019-02-02";
    internal const string JsonContentType = "application/json";

    public Uri Endpoint => endpoint;

    /// <param name="path">Relative to the account endpoint, already escaped.</param>
    public HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(endpoint);
        request.Uri.AppendPath("/" + path, escape: false);
        request.Headers.Add("x-ms-version", ServiceVersion);
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("Accept", "application/json;odata=minimalmetadata");
        return message;
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsNoAnswer(ex))
        {
            throw new StorageUnavailableException($"Table storage at {endpoint} did not answer: {Describe(ex)}", ex);
        }

        var response = message.Response;
        if (response.Status >= 500 || response.Status is 408 or 429)
        {
            var error = TableError.From(response);
            throw new StorageUnavailableException(
                $"Table storage at {endpoint} kept failing: HTTP {response.Status}{(error.Code is null ? "" : " " + error.Code)}.");
        }
        return response;
    }

    private static bool IsNoAnswer(Exception ex) => ex
        is RequestFailedException { Status: 0 }
        or AggregateException
        or IOException
        or HttpRequestException
        or OperationCanceledException
        or AuthenticationFailedException;

    private static string Describe(Exception ex) => ex switch
    {
        AggregateException all => Describe(all.InnerExceptions[^1]),
        OperationCanceledException => "timed out.",
        AuthenticationFailedException => "no access token (managed identity unavailable?).",
        _ when ex.InnerException is { } inner => Describe(inner),
        _ => ex.Message,
    };
}
