using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// The dialog part of a message turn, in the order architecture.md gives: "cancel" / "start over" → the first
/// command that matches (ending any active dialog) → the active dialog continues → otherwise the caller's handler
/// (the default dialog). Loads the conversation's state first (one read) and saves it last, only if the turn changed it.
/// </summary>
public sealed partial class DialogManager(DialogSet dialogs, ConversationStateStore store, ILogger<DialogManager> logger)
{
    public const string CancelledText = "OK, cancelled.";
    public const string StartOverText = "Let's start again — ask me your question.";
    public const string MessagesCrossedText =
        "Two of your messages arrived at the same moment and I could only take in one of them. If something got no answer, please send it again.";

    /// <param name="onNoActiveDialog">Handles a message no dialog was waiting for; may begin a dialog.</param>
    public async Task OnMessageAsync(
        TurnContext turn, Func<DialogContext, CancellationToken, Task> onNoActiveDialog, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(turn.Activity, cancellationToken);
        ForgetUnknownDialogs(state);
        var dialogContext = new DialogContext(dialogs, turn, state);

        switch (Interruption(turn.Text))
        {
            case DialogInterruption.Cancel:
                dialogContext.CancelAllDialogs();
                await turn.SendTextAsync(CancelledText, cancellationToken);
                break;
            case DialogInterruption.StartOver:
                dialogContext.CancelAllDialogs();
                await turn.SendTextAsync(StartOverText, cancellationToken);
                break;
            default:
                if (turn.Services.GetServices<IBotCommand>().FirstOrDefault(c => c.Matches(turn.Text)) is { } command)
                {
                    // A command asked for mid-dialog ("help", "my requests") is what the person wants now.
                    dialogContext.CancelAllDialogs();
                    await command.RunAsync(dialogContext, cancellationToken);
                    break;
                }
                var result = await dialogContext.ContinueDialogAsync(cancellationToken);
                if (result.Status == DialogTurnStatus.Empty)
                    await onNoActiveDialog(dialogContext, cancellationToken);
                break;
        }

        // Not retried: this turn's replies are already sent and its other effects done; running it again would repeat them.
        if (!await store.TrySaveAsync(state, cancellationToken))
        {
            LogMessagesCrossed(logger, turn.Activity.Conversation?.ConversationType);
            await turn.SendTextAsync(MessagesCrossedText, cancellationToken);
        }
    }

    /// <summary>"cancel" or "start over" as the whole message, in any case, with any punctuation.</summary>
    internal static DialogInterruption Interruption(string text) => string.Join(' ', ChoiceRecognizer.Words(text)) switch
    {
        "cancel" => DialogInterruption.Cancel,
        "start over" or "start again" => DialogInterruption.StartOver,
        _ => DialogInterruption.None,
    };

    // A release that dropped or renamed a dialog must not leave conversations stuck in it.
    private void ForgetUnknownDialogs(ConversationState state)
    {
        if (state.DialogStack.FirstOrDefault(instance => dialogs.Find(instance.Id) is null) is { } unknown)
        {
            LogUnknownDialog(logger, unknown.Id);
            state.DialogStack.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Two turns in one {ConversationType} conversation changed its state at once; the later one's changes were dropped")]
    private static partial void LogMessagesCrossed(ILogger logger, string? conversationType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored dialog stack has dialog '{DialogId}', which is not registered; the stack was cleared")]
    private static partial void LogUnknownDialog(ILogger logger, string dialogId);
}

internal enum DialogInterruption
{
    None,
    Cancel,
    StartOver,
}
