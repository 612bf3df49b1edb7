using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

public enum LeadOutcome
{
    Recorded,
    NotFound,
    NotLead,
    OtherAcademy,
    ClaimedByOther,
    AlreadyAnswered,
    AnswerRequired,
    NotReusable,
}

/// <summary>What happened to a claim, answer or retirement; <see cref="Question"/> is the question as it now stands.</summary>
public sealed record LeadResult(LeadOutcome Outcome, LeadQuestion? Question = null);

/// <param name="Text">The lead's answer.</param>
/// <param name="Verdict">"" when no verdict applies.</param>
/// <param name="ClauseIds">The pack's clauses the lead cites, by id; anything else is ignored.</param>
public sealed record LeadReply(string Text, string Verdict, IReadOnlyList<string> ClauseIds, bool Reusable);

/// <summary>
/// Claims, answers and retires questions. Who may act is checked against the leads of the question's academy (never
/// card data);
/// each change is an ETag-conditional write, so of two leads acting at once exactly one is recorded and the other
/// hears who was first. Every attempt, refused or not, is written to the audit log.
/// </summary>
public sealed class LeadDecisions(
    LeadQuestionStore questions, LeadQuestionAudit audit, LeadDirectory directory, LeadCards cards, TimeProvider time)
{
    public Task<LeadResult> ClaimAsync(string questionId, StaffMember lead, string conversationId, CancellationToken cancellationToken) =>
        ChangeAsync(questionId, lead, conversationId, LeadAuditActions.Claimed, null, question =>
        {
            if (question.IsAnswered)
                return new(LeadOutcome.AlreadyAnswered, question);
            if (question.ClaimedBy is { } claimer)
                return new(Same(claimer, lead) ? LeadOutcome.Recorded : LeadOutcome.ClaimedByOther, question);
            return new(LeadOutcome.Recorded, question with { Status = QuestionStatus.Claimed, ClaimedBy = lead, ClaimedAt = time.GetUtcNow() });
        }, cancellationToken);

    public Task<LeadResult> AnswerAsync(
        string questionId, StaffMember lead, LeadReply reply, string conversationId, CancellationToken cancellationToken) =>
        ChangeAsync(questionId, lead, conversationId, LeadAuditActions.Answered, reply.Reusable ? "reusable" : null, question =>
        {
            if (question.IsAnswered)
                return new(LeadOutcome.AlreadyAnswered, question);
            if (question.ClaimedBy is { } claimer && !Same(claimer, lead))
                return new(LeadOutcome.ClaimedByOther, question);
            if (reply.Text.Length == 0)
                return new(LeadOutcome.AnswerRequired, question);
            var answer = new LeadAnswer(reply.Text, reply.Verdict, cards.Clauses(reply.ClauseIds), lead, time.GetUtcNow()) { Reusable = reply.Reusable };
            return new(LeadOutcome.Recorded, question with { Status = QuestionStatus.Answered, Answer = answer });
        }, cancellationToken);

    /// <summary>Stops an answer being shown for similar questions; the question and answer stay on record.</summary>
    public Task<LeadResult> RetireAsync(string questionId, StaffMember lead, string conversationId, CancellationToken cancellationToken) =>
        ChangeAsync(questionId, lead, conversationId, LeadAuditActions.Retired, null, question =>
            question.Answer is { Reusable: true, Retired: false } answer
                ? new(LeadOutcome.Recorded, question with { Answer = answer with { Retired = true } })
                : new(LeadOutcome.NotReusable, question), cancellationToken);

    /// <param name="change">The outcome for the question as last read: Recorded with the changed question to write it,
    /// Recorded with the question unchanged when there is nothing to write, anything else to stop.</param>
    private async Task<LeadResult> ChangeAsync(
        string questionId, StaffMember actor, string conversationId, string action, string? detail,
        Func<LeadQuestion, LeadResult> change, CancellationToken cancellationToken)
    {
        var stored = await questions.GetAsync(questionId, cancellationToken);
        if (stored is null)
            return new(LeadOutcome.NotFound);
        if (!(await directory.LeadsOfAsync(stored.Question.AcademyId, cancellationToken)).Contains(actor.Id))
        {
            var otherAcademy = (await directory.ScopesLedByAsync(actor.Id, cancellationToken)).Count > 0;
            await AuditAsync(stored.Question.Id, LeadAuditActions.Refused, actor, conversationId,
                otherAcademy ? "policy lead of another academy" : "not a policy lead", cancellationToken);
            return new(otherAcademy ? LeadOutcome.OtherAcademy : LeadOutcome.NotLead, stored.Question);
        }
        // Retried only when the row changed in a way that still allows this change (e.g. the nudger marked it).
        while (stored is not null)
        {
            var result = change(stored.Question);
            if (result.Outcome != LeadOutcome.Recorded || ReferenceEquals(result.Question, stored.Question))
                return result;
            if (await questions.TryUpdateAsync(result.Question!, stored.ETag, cancellationToken))
            {
                await AuditAsync(stored.Question.Id, action, actor, conversationId, detail, cancellationToken);
                return result;
            }
            stored = await questions.GetAsync(questionId, cancellationToken);
        }
        return new(LeadOutcome.NotFound);
    }

    private Task AuditAsync(string questionId, string action, StaffMember actor, string conversationId, string? detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(questionId, action, actor.Id, actor.Name, time.GetUtcNow(), conversationId, detail), cancellationToken);

    private static bool Same(StaffMember a, StaffMember b) => string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);
}
