using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Everything posted outside the asker's turn, through the outbox (<see cref="CardSender"/>): the question's card to the
/// policy leads of its academy (a new thread in their channel, or 1:1 to each), the update of every copy once it is claimed
/// or answered, the asker's answer and the nudge.
/// </summary>
public sealed class LeadMessenger(CardSender sender, Outbox outbox, LeadCards cards, LeadQuestionCardStore copies, LeadScopes scopes)
{
    /// <returns>How many leads' copies (or channel threads) were queued.</returns>
    public Task<int> SendToLeadsAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var message = Message(cards.Question(question, leads, QuestionView.Everyone)) with { Text = "A member of staff has a question for the policy lead." };
        return sender.PostAsync(copies, question.Id, question.Origin.Bot, Audience(question, leads), message, cancellationToken);
    }

    /// <summary>Queues the update of every copy of the question's card but <paramref name="shownAlready"/> to its current state.</summary>
    public Task UpdateEveryCopyAsync(LeadQuestion question, IReadOnlySet<string> leads, CardCopy? shownAlready, CancellationToken cancellationToken) =>
        sender.UpdateEveryCopyAsync(copies, question.Id, question.Origin.Bot,
            Message(cards.Question(question, leads, QuestionView.Everyone)), shownAlready, cancellationToken);

    /// <summary>Sends the asker, 1:1, the lead's answer with the lead's name: now, or later if Teams does not take it now.</summary>
    public Task<SendResult> TellAskerAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var headline = $"{question.Answer!.By.Name}, your policy lead, answered your question.";
        var message = Message(cards.Question(question, leads, new QuestionView(Headline: headline))) with { Text = headline };
        return outbox.SendAsync(
            new OutboxMessage(CardSender.Batch(copies, question.Id), "told|asker", Destination.Person(question.Origin.Bot, question.Asker.Id), message),
            cancellationToken);
    }

    /// <summary>Reminds the leads that a question is still unclaimed: in its channel thread, or 1:1.</summary>
    public Task NudgeAsync(LeadQuestion question, IReadOnlySet<string> leads, CancellationToken cancellationToken) =>
        sender.RemindAsync(copies, question.Id, question.Origin.Bot, Audience(question, leads),
            $"A question asked on {ApprovalCards.When(question.AskedAt)} is still waiting for a policy lead to claim it.", cancellationToken);

    private CardAudience Audience(LeadQuestion question, IReadOnlySet<string> leads)
    {
        var scope = scopes.Of(question.AcademyId);
        return new(leads, scope.ChannelId, scope.TeamId);
    }

    private static Activity Message(Attachment card) => new() { Type = ActivityTypes.Message, Attachments = [card] };
}
