using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals;

internal static class StaffTurn
{
    /// <summary>Who sent this turn, by Entra object id (what Teams vouches for, never what a card says).</summary>
    public static StaffMember? Sender(this TurnContext turn) =>
        turn.Activity.From?.AadObjectId is { Length: > 0 } id && Guid.TryParse(id, out _)
            ? new StaffMember(id.ToLowerInvariant(), turn.Activity.From.Name ?? "")
            : null;

    public static AdaptiveCardInvokeResponse Unidentified { get; } = AdaptiveCardInvokeResponse.Error(
        StatusCodes.Status400BadRequest, "BadRequest", "I couldn't tell who you are, so I haven't done anything.");
}
