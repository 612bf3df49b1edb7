using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// "expert answers": for policy leads only, the answers shown for similar questions, each with "Retire": those to
/// questions of the academies (or the trust) they lead, the ones they may retire.
/// </summary>
public sealed class ExpertAnswersCommand(LeadDirectory leads, ReviewedAnswers reviewed, LeadCards cards) : IBotCommand
{
    public const string NotAllowedText = "Only a policy lead can see the answers reused for similar questions.";

    public bool Matches(string text) => string.Join(' ', ChoiceRecognizer.Words(text)) is "expert answers" or "policy lead answers";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var led = turn.Sender() is { } me ? await leads.ScopesLedByAsync(me.Id, cancellationToken) : [];
        if (led.Count == 0)
        {
            await turn.SendTextAsync(NotAllowedText, cancellationToken);
            return;
        }
        var academies = led.Select(scope => scope.AcademyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var theirs = (await reviewed.ListAsync(cancellationToken)).Where(q => academies.Contains(q.AcademyId));
        await turn.SendCardAsync(cards.Answers(theirs), cancellationToken);
    }
}
