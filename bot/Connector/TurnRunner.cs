namespace TeamsPolicyBot.Connector;

/// <summary>
/// Runs one turn in its own DI scope, so it may outlive the HTTP request that brought it. A failing turn
/// never reaches the caller as an exception: it is logged, and the user is told to try again
/// (message turns) or gets an error invoke response (invokes).
/// </summary>
public sealed partial class TurnRunner(
    IServiceScopeFactory scopes,
    IEnumerable<TurnErrorMessage> errorMessages,
    IHostApplicationLifetime lifetime,
    ILogger<TurnRunner> logger)
{
    public async Task<InvokeResponse?> RunAsync(Activity activity)
    {
        // Not the request's token: Teams may hang up once it has its 200, the turn still has to finish.
        var cancellationToken = lifetime.ApplicationStopping;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var turn = new TurnContext(activity, services.GetRequiredService<ConnectorClient>(), services);
        try
        {
            return await services.GetRequiredService<ActivityHandler>().OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, activity.Type, activity.Name, activity.Conversation?.ConversationType, ex);
            var text = errorMessages.FirstOrDefault(m => m.ExceptionType.IsInstanceOfType(ex))?.Text ?? TurnErrorMessage.Default;
            if (activity.Type == ActivityTypes.Invoke)
                return InvokeResponse.CardAction(AdaptiveCardInvokeResponse.Error(StatusCodes.Status500InternalServerError, "TurnFailed", text));
            if (activity.Type == ActivityTypes.Message)
                await turn.SendTextAsync(text, cancellationToken);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed: {ActivityType} {InvokeName} in a {ConversationType} conversation")]
    private static partial void LogTurnFailed(ILogger logger, string? activityType, string? invokeName, string? conversationType, Exception exception);
}
