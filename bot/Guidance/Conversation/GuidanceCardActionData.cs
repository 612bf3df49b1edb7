using System.Text.Json;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// What the answer card's Action.Execute buttons send: which answer, the vote, the note for the safeguarding lead or
/// for the policy lead (<c>leadNote</c>) and the academy the question is from (<c>leadAcademy</c>, when asked), and the
/// card's own data (<c>answer</c>) to redraw it with.
/// </summary>
public sealed record GuidanceCardActionData(
    string? AnswerId, bool? Helpful, string? Note, GuidanceAnswerData? Answer, string? LeadNote = null, string? LeadAcademy = null)
{
    // Answer ids are 32 hex digits, packs and topics short ids: anything longer did not come from our card.
    private const int MaxIdLength = 64;

    /// <summary>The action's data, or null when it is not an answer card's (missing, malformed or from another card).</summary>
    public static GuidanceCardActionData? Read(AdaptiveCardAction action)
    {
        if (action.Data is not { ValueKind: JsonValueKind.Object } data)
            return null;
        try
        {
            var read = data.Deserialize<GuidanceCardActionData>(JsonSerializerOptions.Web);
            return read is { AnswerId.Length: > 0 and <= MaxIdLength, Answer: { Pack.Length: <= MaxIdLength, Topic.Length: <= MaxIdLength } } ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static AdaptiveCardInvokeResponse NotAnAnswerCard { get; } =
        AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, "BadRequest", "This button is not from a guidance answer the bot can read.");
}
