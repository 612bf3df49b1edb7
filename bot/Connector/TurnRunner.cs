using System.Diagnostics;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Runs one turn in its own DI scope, so it may outlive the HTTP request that brought it, and the host waits for
/// it when stopping (<see cref="RunningTurns"/>). A failing turn never reaches the caller as an exception: it is
/// logged, and the user is told to try again (message turns) or gets an error invoke response (invokes).
/// </summary>
public sealed partial class TurnRunner(
    IServiceScopeFactory scopes,
    IEnumerable<TurnErrorMessage> errorMessages,
    RunningTurns running,
    ILogger<TurnRunner> logger)
{
    public Task<InvokeResponse?> RunAsync(Activity activity) => running.Track(RunInScopeAsync(activity));

    private async Task<InvokeResponse?> RunInScopeAsync(Activity activity)
    {
        // Not the request's token: Teams may hang up once it has its 200, the turn still has to finish, even
        // while the host is stopping, until the shutdown timeout cuts it off.
        var cancellationToken = running.CutOff;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var turn = new TurnContext(activity, services.GetRequiredService<ConnectorClient>(), services);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await services.GetRequiredService<ActivityHandler>().OnTurnAsync(turn, cancellationToken);
            LogTurnHandled(logger, activity.Type, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            LogTurnCutOff(logger, activity.Type, activity.Name);
            return null;
        }
        catch (Exception ex)
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

    // Debug: one line per turn costs more CPU than the rest of a cheap turn; failures and slow answers are logged anyway.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {ActivityType} turn in {ElapsedMilliseconds} ms")]
    private static partial void LogTurnHandled(ILogger logger, string? activityType, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn cut off by shutdown: {ActivityType} {InvokeName}")]
    private static partial void LogTurnCutOff(ILogger logger, string? activityType, string? invokeName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed: {ActivityType} {InvokeName} in a {ConversationType} conversation")]
    private static partial void LogTurnFailed(ILogger logger, string? activityType, string? invokeName, string? conversationType, Exception exception);
}
