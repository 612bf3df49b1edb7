using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// <c>POST /api/messages</c>: content type → size limit → parse → authenticate → tenant allow-list → turn.
/// Bad input gets a 4xx, never a 500; once the host is stopping, 503. An invoke is answered with the handler's
/// <see cref="InvokeResponse"/>; anything else with 200 once its turn is done, or at
/// <see cref="BotOptions.ResponseDeadline"/> while it carries on. Every log line carries <see cref="TurnLogScope"/>.
/// </summary>
public sealed partial class MessagesEndpoint(
    BotAuthenticator authenticator,
    TurnRunner turns,
    IOptions<BotOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<MessagesEndpoint> logger)
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Teams ids are at most about 140 characters; ids become table keys (at most 512 characters), so a far longer
    /// one is refused here with a 400 rather than failing the turn.
    /// </summary>
    public const int MaxIdLength = 256;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var correlationId = TurnLogScope.NewCorrelationId();
        http.Response.Headers[TurnLogScope.CorrelationHeader] = correlationId;
        using var requestScope = TurnLogScope.BeginRequest(logger, correlationId);
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return TypedResults.Problem("The bot is restarting; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);

        if (!http.Request.HasJsonContentType())
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        var body = await ReadLimitedAsync(http.Request.BodyReader, http.RequestAborted);
        if (body is null)
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var (activity, problem) = Parse(body);
        if (activity is null)
        {
            LogMalformed(logger, problem!);
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        using var turnScope = TurnLogScope.BeginTurn(logger, activity);
        if (!await authenticator.IsAuthenticAsync(http, activity, http.RequestAborted))
            return TypedResults.Unauthorized();
        if (!options.Value.IsTenantAllowed(activity.TenantId))
        {
            LogTenantRefused(logger, activity.TenantId);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var turn = turns.RunAsync(activity);
        if (activity.Type == ActivityTypes.Invoke)
        {
            var answer = await turn;
            return answer switch
            {
                null => TypedResults.Ok(),
                { Body: null } => TypedResults.StatusCode(answer.Status),
                _ => TypedResults.Json(answer.Body, ConnectorJson.Options, statusCode: answer.Status),
            };
        }
        try
        {
            await turn.WaitAsync(options.Value.ResponseDeadline, time);
        }
        catch (TimeoutException)
        {
            LogAnsweredBeforeTurnEnded(logger, activity.Type);
        }
        return TypedResults.Ok();
    }

    /// <summary>The whole body, or null as soon as it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                body.AdvanceTo(buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var bytes = buffer.ToArray();
                body.AdvanceTo(buffer.End);
                return bytes;
            }
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static (Activity? Activity, string? Problem) Parse(byte[] body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ConnectorJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not a valid activity: {ex.Message}");
        }
        if (activity is null)
            return (null, "The body is not an activity.");
        if (string.IsNullOrWhiteSpace(activity.Type))
            return (null, "The activity has no type.");
        if (activity.ServiceUrl is not { IsAbsoluteUri: true } serviceUrl || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            return (null, "The activity has no absolute http(s) serviceUrl to answer on.");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            return (null, "The activity has no conversation id.");
        var teams = activity.ChannelData;
        string?[] ids =
        [
            activity.Id, activity.Conversation.Id, activity.Conversation.TenantId, activity.From?.Id, activity.From?.AadObjectId,
            activity.Recipient?.Id, activity.ReplyToId, teams?.Tenant?.Id, teams?.Team?.Id, teams?.Team?.AadGroupId, teams?.Channel?.Id,
        ];
        if (ids.Any(id => id?.Length > MaxIdLength))
            return (null, $"The activity has an id longer than {MaxIdLength} characters.");
        return (activity, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed activity: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused activity from tenant {TenantId}, which is not in Bot:AllowedTenants")]
    private static partial void LogTenantRefused(ILogger logger, string? tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered Teams before the {ActivityType} turn ended; it continues in the background")]
    private static partial void LogAnsweredBeforeTurnEnded(ILogger logger, string? activityType);
}
