using System.Text.Json;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// Dispatches a turn by activity type to overridable methods named as in the Bot Framework SDK.
/// Types it does not know are ignored (the HTTP request still gets 200).
/// </summary>
public abstract class ActivityHandler
{
    /// <returns>For invoke activities, what Teams gets in the HTTP response; otherwise null.</returns>
    public virtual async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke:
                return await OnInvokeActivityAsync(turn, cancellationToken);
            default:
                return null;
        }
    }

    protected virtual Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual async Task OnConversationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.MembersAdded is { Count: > 0 } added)
            await OnMembersAddedAsync(added, turn, cancellationToken);
        if (turn.Activity.MembersRemoved is { Count: > 0 } removed)
            await OnMembersRemovedAsync(removed, turn, cancellationToken);
    }

    /// <summary>Members (possibly the bot itself: compare with <c>Activity.Recipient.Id</c>) joined the conversation.</summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turn, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IReadOnlyList<ChannelAccount> membersRemoved, TurnContext turn, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action switch
        {
            InstallationActions.Add or InstallationActions.AddUpgrade => OnInstallationUpdateAddAsync(turn, cancellationToken),
            InstallationActions.Remove or InstallationActions.RemoveUpgrade => OnInstallationUpdateRemoveAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnInstallationUpdateAddAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual async Task<InvokeResponse> OnInvokeActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Name != InvokeNames.AdaptiveCardAction)
            return InvokeResponse.NotImplemented;
        var action = ReadCardAction(turn.Activity);
        if (action?.Verb is not { Length: > 0 })
            return InvokeResponse.CardAction(AdaptiveCardInvokeResponse.Error(
                StatusCodes.Status400BadRequest, "BadRequest", "This card action has no verb."));
        return InvokeResponse.CardAction(await OnAdaptiveCardActionAsync(action, turn, cancellationToken));
    }

    public static AdaptiveCardInvokeResponse UnknownVerb { get; } = AdaptiveCardInvokeResponse.Error(
        StatusCodes.Status501NotImplemented, "NotImplemented", "This button is no longer supported. Type \"help\" to see what I can do.");

    /// <summary>
    /// A Universal Action (Action.Execute) was pressed: runs the <see cref="ICardActionHandler"/> registered for its verb.
    /// The answer updates the card or shows a message.
    /// </summary>
    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        var handler = turn.Services.GetKeyedService<ICardActionHandler>(action.Verb);
        return handler is null ? Task.FromResult(UnknownVerb) : handler.HandleAsync(action, turn, cancellationToken);
    }

    internal static AdaptiveCardAction? ReadCardAction(Activity activity)
    {
        try
        {
            return activity.Value is { ValueKind: JsonValueKind.Object } value
                ? value.Deserialize<AdaptiveCardInvokeValue>(ConnectorJson.Options)?.Action
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
