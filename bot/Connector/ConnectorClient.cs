using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// The Bot Connector REST API (v3) at a conversation's service URL. Every id in a URL is escaped;
/// every HTTP failure becomes a <see cref="ConnectorResult{T}"/>. Retries, the bearer token and the tenant's pace are
/// added by the HTTP handlers (<see cref="ConnectorRetry"/>, <see cref="BotTokenHandler"/>, <see cref="TenantPacingHandler"/>):
/// a call is paced by the tenant of the activity or conversation it sends, or the tenant it is given.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IOptions<BotOptions> options, ILogger<ConnectorClient> logger)
{
    /// <summary>Replies in the thread of <paramref name="activityId"/>.</summary>
    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(
        Uri serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", reply, reply.TenantId, cancellationToken);
    }

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(
        Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, activity.TenantId, cancellationToken);
    }

    /// <summary>Replaces an activity the bot sent earlier, e.g. a card whose request was decided.</summary>
    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(
        Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, activity.TenantId, cancellationToken);
    }

    /// <summary>Opens a 1:1 chat or a channel thread; see <see cref="ConversationParameters"/>.</summary>
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, parameters.TenantId, cancellationToken);
    }

    public Task<ConnectorResult<TeamsChannelAccount>> GetMemberAsync(
        Uri serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return SendAsync<TeamsChannelAccount>(HttpMethod.Get, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(memberId)}", null, null, cancellationToken);
    }

    /// <summary>One page of members; pass the previous page's continuation token to get the next.</summary>
    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(
        Uri serviceUrl, string tenantId, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var query = new List<string>();
        if (pageSize is { } size)
            query.Add($"pageSize={size}");
        if (!string.IsNullOrEmpty(continuationToken))
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/pagedmembers"
            + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl, path, null, tenantId, cancellationToken);
    }

    public Task<ConnectorResult<ConversationList>> GetChannelsAsync(Uri serviceUrl, string tenantId, string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        return SendAsync<ConversationList>(HttpMethod.Get, serviceUrl,
            $"v3/teams/{Uri.EscapeDataString(teamId)}/conversations", null, tenantId, cancellationToken);
    }

    private async Task<ConnectorResult<T>> SendAsync<T>(
        HttpMethod method, Uri serviceUrl, string path, object? body, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (options.Value.IsDevelopmentMode && !serviceUrl.IsLoopback)
        {
            LogRefusedServiceUrl(logger, serviceUrl.Host);
            return new(ConnectorStatus.Refused);
        }

        using var request = new HttpRequestMessage(method, new Uri(WithTrailingSlash(serviceUrl), path));
        if (!string.IsNullOrEmpty(tenantId))
            request.Options.Set(TenantPacer.Tenant, tenantId);
        if (body is not null)
        {
            // Buffered bytes, so a retry can send the same content again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ConnectorJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var value = content.Length == 0 ? default : JsonSerializer.Deserialize<T>(content, ConnectorJson.Options);
                return new(ConnectorStatus.Ok, value, (int)response.StatusCode);
            }

            LogCallFailed(logger, method.Method, UrlRedaction.RedactPath(request.RequestUri!.AbsolutePath), (int)response.StatusCode);
            var status = response.StatusCode switch
            {
                HttpStatusCode.Forbidden => ConnectorStatus.BotRemoved,
                HttpStatusCode.NotFound => ConnectorStatus.NotFound,
                _ => ConnectorStatus.Failed,
            };
            return new(status, default, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogCallError(logger, method.Method, UrlRedaction.RedactPath(request.RequestUri!.AbsolutePath), ex);
            return new(ConnectorStatus.Failed);
        }
    }

    // new Uri(base, "v3/…") drops the last segment of a base without a trailing slash (…/amer → …/v3).
    private static Uri WithTrailingSlash(Uri serviceUrl) =>
        serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: refused to post to non-loopback service URL host {Host}")]
    private static partial void LogRefusedServiceUrl(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} answered {StatusCode}")]
    private static partial void LogCallFailed(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} failed")]
    private static partial void LogCallError(ILogger logger, string method, string path, Exception exception);
}
