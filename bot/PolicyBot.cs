using TeamsPolicyBot.Approvals.Photos;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Welcome;

namespace TeamsPolicyBot;

/// <summary>
/// The app's turn handler. Photos in a message go to the post requests' photo intake; a message goes to cancel / start over, then a command, then an active dialog, and
/// otherwise begins the default dialog (the guidance question). Installing the bot sends the welcome card.
/// </summary>
public sealed class PolicyBot(
    DialogManager dialogs, WelcomeCard welcomeCard, WelcomeLog welcomes, TargetRegistry reminderTargets, PhotoIntake photoIntake)
    : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // Photos for a post request; a message with text as well (e.g. "request a post") goes on to the dialogs.
        if (turn.Activity.Attachments is { Count: > 0 })
            await photoIntake.ReceiveAsync(turn, cancellationToken);
        if (turn.Text.Length == 0)
            return;
        await dialogs.OnMessageAsync(turn, OnQuestionAsync, cancellationToken);
    }

    /// <summary>A message that is no command and that no dialog was waiting for: a question for the default dialog.</summary>
    private static async Task OnQuestionAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        if (dialog.Dialogs.DefaultDialogId is { } question)
            await dialog.BeginDialogAsync(question, null, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turn, CancellationToken cancellationToken) =>
        membersAdded.Any(member => member.Id == turn.Activity.Recipient?.Id)
            ? WelcomeAsync(turn, cancellationToken)
            : Task.CompletedTask;

    // An upgrade (add-upgrade) is not a new installation.
    protected override Task OnInstallationUpdateAddAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action == InstallationActions.Add ? WelcomeAsync(turn, cancellationToken) : Task.CompletedTask;

    protected override async Task OnConversationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await base.OnConversationUpdateActivityAsync(turn, cancellationToken);
        await reminderTargets.OnInstallationActivityAsync(turn, cancellationToken);
    }

    protected override async Task OnInstallationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await base.OnInstallationUpdateActivityAsync(turn, cancellationToken);
        await reminderTargets.OnInstallationActivityAsync(turn, cancellationToken);
    }

    private async Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await welcomes.TryMarkAsync(turn.Activity.Conversation!.Id!, cancellationToken))
            await turn.SendCardAsync(await welcomeCard.RenderForAsync(turn, cancellationToken), cancellationToken);
    }
}
