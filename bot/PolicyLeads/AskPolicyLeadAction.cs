using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// "Ask the policy lead" on a guidance answer (verb <c>policyLead.ask</c>): stores the question with the bot's answer
/// and the member of staff's note, sends it to the policy leads of their academy as a card, and redraws the answer
/// card with what happened; when the academy must be chosen first, the card is redrawn with the choice instead.
/// Pressing it twice on one answer asks once. The question and note are never logged.
/// </summary>
public sealed partial class AskPolicyLeadAction(
    LeadQuestionStore questions,
    LeadQuestionAudit audit,
    QuestionRouting routing,
    LeadDirectory leadDirectory,
    LeadMessenger messenger,
    LeadCards cards,
    GuidanceAnswerCard answerCard,
    PolicyPack pack,
    TimeProvider time,
    ILogger<AskPolicyLeadAction> logger) : ICardActionHandler
{
    public const int MaxQuestionLength = 2000;
    public const int MaxNoteLength = 1000;
    private const int MaxReasonLength = 2000;

    public const string SentText = "Sent to your policy lead. I'll message you here when they answer.";
    public const string NoLeadsText = "No policy lead is set up yet, so I couldn't send this. Please tell whoever looks after this bot.";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (GuidanceCardActionData.Read(action) is not { Answer: { } answer } data || activity.ServiceUrl is not { } serviceUrl
            || activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return GuidanceCardActionData.NotAnAnswerCard;
        if (turn.Sender() is not { } asker)
            return StaffTurn.Unidentified;

        var academy = await routing.AcademyOfAsync(asker, data.LeadAcademy, cancellationToken);
        if (!academy.Known)
            return AdaptiveCardInvokeResponse.Card(answerCard.AskWhichAcademy(answer, data.LeadNote ?? "", academy.Prompt, academy.Choices));
        var leads = await leadDirectory.LeadsOfAsync(academy.Academy?.Id, cancellationToken);
        if (leads.Count == 0)
            return AdaptiveCardInvokeResponse.Message(NoLeadsText);

        var now = time.GetUtcNow();
        var question = new LeadQuestion(
            ApprovalIds.New(now, conversationId, activity.ReplyToId),
            pack.Id,
            answer.Topic,
            answer.Verdict == Verdicts.Caution ? AskedBecause.Caution : AskedBecause.NotRight,
            Cut(answer.Question, MaxQuestionLength),
            Cut(data.LeadNote ?? "", MaxNoteLength),
            new BotAnswer(answer.Verdict, Cut(answer.Reason, MaxReasonLength), cards.KnownCitations(answer.Clauses)),
            asker,
            now,
            new RequestOrigin(serviceUrl, activity.TenantId ?? "", activity.Recipient?.Id ?? "", activity.Recipient?.Name, conversationId))
        {
            AcademyId = academy.Academy?.Id ?? "",
        };

        if (await questions.TryAddAsync(question, cancellationToken))
        {
            await audit.AppendAsync(new AuditEntry(question.Id, LeadAuditActions.Asked, asker.Id, asker.Name, now, conversationId, question.Because), cancellationToken);
            var posted = await messenger.SendToLeadsAsync(question, leads, cancellationToken);
            LogAsked(logger, question.Id, question.Pack, question.Topic, question.AcademyId, posted);
        }
        return AdaptiveCardInvokeResponse.Card(answerCard.Redraw(answer with { AskedLead = SentText }));
    }

    private static string Cut(string text, int maxLength)
    {
        text = text.Trim();
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} (pack {Pack}, topic {Topic}, academy {Academy}) was queued for {Copies} policy lead conversation(s)")]
    private static partial void LogAsked(ILogger logger, string questionId, string pack, string topic, string academy, int copies);
}
