using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// "Was this right?" Yes / No (verb <c>guidance.feedback</c>): one vote per person per answer, then thanks; after
/// "No" the card offers "Ask the policy lead".
/// </summary>
public sealed partial class GuidanceFeedbackAction(GuidanceFeedbackStore store, GuidanceAnswerCard card, ILogger<GuidanceFeedbackAction> logger)
    : ICardActionHandler
{
    public const string Verb = "guidance.feedback";

    public const string ThanksText = "Thank you. Your answer helps the policy lead see where the guidance needs work.";
    public const string AlreadyVotedText = "You have already told us about this answer. Thank you.";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (GuidanceCardActionData.Read(action) is not { Helpful: { } helpful, Answer: { } answer } data
            || turn.Activity.From is not { } from || (from.AadObjectId ?? from.Id) is not { Length: > 0 } voterId)
            return GuidanceCardActionData.NotAnAnswerCard;

        var recorded = await store.TryRecordAsync(answer.Pack, answer.Topic, data.AnswerId!, voterId, helpful, cancellationToken);
        LogFeedback(logger, answer.Pack, answer.Topic, helpful, recorded);
        return AdaptiveCardInvokeResponse.Card(card.Redraw(answer with
        {
            FeedbackThanks = recorded ? ThanksText : AlreadyVotedText,
            CanAskLead = answer.CanAskLead || !helpful,
        }));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance feedback for pack {Pack}, topic {Topic}: helpful {Helpful}, recorded {Recorded}")]
    private static partial void LogFeedback(ILogger logger, string pack, string topic, bool helpful, bool recorded);
}
