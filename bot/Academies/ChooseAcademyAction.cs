using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Academies;

/// <summary>
/// A button of the academy picker (verb <c>academy.choose</c>). Someone the records say nothing about has their
/// choice remembered; someone in several academies chooses for this request only; nobody can choose an academy the
/// records say they are not in. Then the form they asked for, for that academy, replaces the picker.
/// </summary>
public sealed class ChooseAcademyAction(TrustAcademies trust, AcademyDirectory directory, ApprovalCards cards) : ICardActionHandler
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Sender() is not { } me)
            return StaffTurn.Unidentified;
        var data = new FormData(action.Data);
        if (trust.Find(data.Text("academy", 40)) is not { } academy)
            return AdaptiveCardInvokeResponse.Message("I don't know that academy. Type \"my academy\" to choose again.");

        var mine = await directory.ForAsync(me.Id, cancellationToken);
        if (mine.FromRecords && !mine.Includes(academy.Id))
            return AdaptiveCardInvokeResponse.Message($"The school's records say you work at {mine.Names}, not {academy.Name}.");
        if (!mine.FromRecords)
            await directory.ChooseAsync(me.Id, academy.Id, cancellationToken);

        return data.Choice("then", AcademyFollowUps.All) switch
        {
            AcademyFollowUps.PostForm => Card(cards.PostForm(PostForm.Empty, [], academy)),
            AcademyFollowUps.AccountForm => Card(cards.AccountForm(AccountForm.Empty, [], academy)),
            _ => AdaptiveCardInvokeResponse.Message($"Thanks: I'll remember you work at {academy.Name}. Type \"my academy\" to change it."),
        };
    }

    private static AdaptiveCardInvokeResponse Card(Attachment card) => AdaptiveCardInvokeResponse.Card(card.Content!.Value);
}
