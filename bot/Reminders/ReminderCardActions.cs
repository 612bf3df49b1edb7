using System.Text.Json;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// "I have read and understood" (<see cref="ReminderCard.AcknowledgeVerb"/>) records the acknowledgement; both it and
/// Teams' automatic refresh (<see cref="ReminderCard.RefreshVerb"/>) answer with the card as this person should see it.
/// The card carries no <c>refresh.userIds</c>: Teams then refreshes it for everyone who opens it in chats and channels
/// of up to 60 members, and offers a manual refresh in larger ones; answering the invoke with the personal card
/// is what Teams documents for user-specific views.
/// </summary>
public sealed class ReminderCardActions(
    CampaignStore campaigns, AcknowledgementStore acknowledgements, ReminderCard card, ReminderMetrics metrics, TimeProvider time)
    : ICardActionHandler
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (CampaignId(action) is not { } campaignId)
            return AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, "BadRequest", "This reminder card is missing its campaign.");
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } person)
            return AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, "BadRequest", "I couldn't tell who pressed the button.");
        if (await campaigns.GetAsync(campaignId, cancellationToken) is null)
            return AdaptiveCardInvokeResponse.Error(StatusCodes.Status404NotFound, "NotFound", "This reminder is no longer available.");

        Acknowledgement? acknowledged;
        if (action.Verb == ReminderCard.AcknowledgeVerb)
        {
            (acknowledged, var first) = await acknowledgements.AcknowledgeAsync(campaignId, person, turn.Activity.From.Name, time.GetUtcNow(), cancellationToken);
            if (first)
                metrics.Acknowledged(campaignId);
        }
        else
        {
            acknowledged = await acknowledgements.GetAsync(campaignId, person, cancellationToken);
        }
        var count = await acknowledgements.CountAsync(campaignId, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(card.RenderFor(campaignId, acknowledged?.AcknowledgedAt, count));
    }

    private static string? CampaignId(AdaptiveCardAction action) =>
        action.Data is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("campaignId", out var id) && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= 100 } campaignId
        && campaignId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? campaignId
            : null;
}
