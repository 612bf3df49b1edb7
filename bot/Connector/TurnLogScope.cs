using System.Security.Cryptography;
using System.Text;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// What every log line of one <c>/api/messages</c> request carries as logging scopes: a correlation id (also sent
/// back as the <see cref="CorrelationHeader"/> response header), then the activity's id, type, invoke name and card
/// verb, the conversation type and a short hash of the conversation id. Never the text, a token or the raw id.
/// </summary>
public static class TurnLogScope
{
    public const string CorrelationHeader = "X-Correlation-Id";

    private static readonly Func<ILogger, string, IDisposable?> Request =
        LoggerMessage.DefineScope<string>("Correlation {CorrelationId}");

    private static readonly Func<ILogger, string?, string?, string?, string?, string?, string, IDisposable?> Turn =
        LoggerMessage.DefineScope<string?, string?, string?, string?, string?, string>(
            "{ActivityType} {InvokeName} {CardVerb} activity {ActivityId} in {ConversationType} conversation {ConversationHash}");

    /// <summary>The request's W3C trace id when tracing is on (so logs meet Application Insights requests), else a new id.</summary>
    public static string NewCorrelationId() =>
        System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");

    public static IDisposable? BeginRequest(ILogger logger, string correlationId) => Request(logger, correlationId);

    public static IDisposable? BeginTurn(ILogger logger, Activity activity)
    {
        var verb = activity.Name == InvokeNames.AdaptiveCardAction ? ActivityHandler.ReadCardAction(activity)?.Verb : null;
        return Turn(logger, activity.Type, activity.Name, verb, activity.Id,
            activity.Conversation?.ConversationType, HashConversationId(activity.Conversation?.Id ?? ""));
    }

    /// <summary>The first 12 hex digits of the id's SHA-256: enough to follow one conversation through the logs, not to say whose it is.</summary>
    public static string HashConversationId(string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..12];
}
