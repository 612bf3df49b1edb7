using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>"expert answers": for policy leads only, the answers shown for similar questions, each with "Retire".</summary>
public sealed class ExpertAnswersCommand(LeadDirectory leads, ReviewedAnswers reviewed, LeadCards cards) : IBotCommand
{
    public const string NotAllowedText = "Only a policy lead can see the answers reused for similar questions.";

    public bool Matches(string text) => string.Join(' ', ChoiceRecognizer.Words(text)) is "expert answers" or "policy lead answers";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (turn.Sender() is not { } me || !(await leads.GetLeadsAsync(cancellationToken)).Contains(me.Id))
        {
            await turn.SendTextAsync(NotAllowedText, cancellationToken);
            return;
        }
        await turn.SendCardAsync(cards.Answers(await reviewed.ListAsync(cancellationToken)), cancellationToken);
    }
}
