using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// The question card's actions: the automatic refresh that gives each lead their own view, Claim, and Send answer.
/// Only the policy leads of the question's academy (the trust's, when it has none) may act. Once a question is claimed
/// or answered the card pressed is answered at once and the update of every other copy is queued in the outbox; once
/// answered the asker is told (now, or by the outbox when Teams does not take it now).
/// </summary>
public sealed partial class LeadQuestionCardHandler(
    LeadQuestionStore questions,
    LeadDecisions decisions,
    LeadDirectory leadDirectory,
    LeadScopes scopes,
    LeadCards cards,
    LeadMessenger messenger,
    ReviewedAnswers reviewed,
    ILogger<LeadQuestionCardHandler> logger) : ICardActionHandler
{
    public const string NotLeadText = "Only a policy lead can claim or answer staff's questions.";
    private const string NotFoundText = "I can't find that question. It may have been asked in another deployment of the bot.";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Sender() is not { } sender)
            return StaffTurn.Unidentified;
        var data = new FormData(action.Data);
        var questionId = data.Text("questionId", 100);
        var conversationId = turn.Activity.Conversation?.Id ?? "";

        switch (action.Verb)
        {
            case LeadVerbs.Claim:
                var claimed = await decisions.ClaimAsync(questionId, sender, conversationId, cancellationToken);
                if (claimed.Outcome != LeadOutcome.Recorded)
                    return Refusal(claimed);
                var claimLeads = await LeadsOfAsync(claimed.Question!, cancellationToken);
                await messenger.UpdateEveryCopyAsync(claimed.Question!, claimLeads, RequestCardHandler.Pressed(turn), cancellationToken);
                return Card(claimed.Question!, claimLeads, new QuestionView(CanAnswer: true, Headline: "You claimed this question."));

            case LeadVerbs.Answer:
                var verdict = data.Choice("verdict", Verdicts.All);
                var clauses = new[] { "clause1", "clause2", "clause3" }.Select(id => data.Text(id, 200)).ToList();
                var reply = new LeadReply(data.Text("answer", 4000), verdict, clauses, data.Text("reusable", 10) == "true");
                var answered = await decisions.AnswerAsync(questionId, sender, reply, conversationId, cancellationToken);
                if (answered.Outcome == LeadOutcome.AnswerRequired)
                    return Card(answered.Question!, await LeadsOfAsync(answered.Question!, cancellationToken),
                        new QuestionView(CanAnswer: true, Notice: "Write your answer first."));
                if (answered.Outcome != LeadOutcome.Recorded)
                    return Refusal(answered);
                var question = answered.Question!;
                LogAnswered(logger, question.Id, question.Topic, reply.Reusable);
                if (reply.Reusable)
                    reviewed.Forget();
                var leads = await LeadsOfAsync(question, cancellationToken);
                await messenger.UpdateEveryCopyAsync(question, leads, RequestCardHandler.Pressed(turn), cancellationToken);
                var told = await messenger.TellAskerAsync(question, leads, cancellationToken);
                return Card(question, leads, new QuestionView(Headline: told.Outcome switch
                {
                    SendOutcome.Delivered => "Your answer was sent to the member of staff who asked.",
                    SendOutcome.Queued => $"Your answer is recorded. Teams didn't take it just now, so I'll keep trying to send it to {question.Asker.Name}.",
                    _ => $"Your answer is recorded, but I couldn't reach {question.Asker.Name} in Teams. Please pass it on yourself.",
                }));

            case LeadVerbs.Retire:
                var retired = await decisions.RetireAsync(questionId, sender, conversationId, cancellationToken);
                if (retired.Outcome != LeadOutcome.Recorded)
                    return Refusal(retired);
                reviewed.Forget();
                return AdaptiveCardInvokeResponse.Card(cards.Answers(await reviewed.ListAsync(cancellationToken)).Content!.Value);

            default:
                var stored = await questions.GetAsync(questionId, cancellationToken);
                if (stored is null)
                    return AdaptiveCardInvokeResponse.Message(NotFoundText);
                var viewers = await LeadsOfAsync(stored.Question, cancellationToken);
                return Card(stored.Question, viewers, ViewFor(sender, stored.Question, viewers));
        }
    }

    private Task<IReadOnlySet<string>> LeadsOfAsync(LeadQuestion question, CancellationToken cancellationToken) =>
        leadDirectory.LeadsOfAsync(question.AcademyId, cancellationToken);

    private AdaptiveCardInvokeResponse Card(LeadQuestion question, IReadOnlySet<string> leads, QuestionView view) =>
        AdaptiveCardInvokeResponse.Card(cards.QuestionJson(question, leads, view));

    private static QuestionView ViewFor(StaffMember sender, LeadQuestion question, IReadOnlySet<string> leads)
    {
        if (!leads.Contains(sender.Id))
            return QuestionView.Everyone;
        var claimedByOther = question.ClaimedBy is { } claimer && !string.Equals(claimer.Id, sender.Id, StringComparison.OrdinalIgnoreCase);
        return new QuestionView(CanClaim: true, CanAnswer: !claimedByOther);
    }

    private AdaptiveCardInvokeResponse Refusal(LeadResult result) => AdaptiveCardInvokeResponse.Message(result.Outcome switch
    {
        LeadOutcome.NotLead => NotLeadText,
        LeadOutcome.OtherAcademy => $"Only the policy leads of {scopes.Of(result.Question!.AcademyId).Name} can claim or answer this question.",
        LeadOutcome.ClaimedByOther => $"{result.Question!.ClaimedBy!.Name} has already claimed this question.",
        LeadOutcome.AlreadyAnswered =>
            $"{result.Question!.Answer!.By.Name} already answered this question, on {ApprovalCards.When(result.Question.Answer.At)}.",
        LeadOutcome.NotReusable => "That answer is not being shown for similar questions.",
        _ => NotFoundText,
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} (topic {Topic}) was answered; reusable {Reusable}")]
    private static partial void LogAnswered(ILogger logger, string questionId, string topic, bool reusable);
}
