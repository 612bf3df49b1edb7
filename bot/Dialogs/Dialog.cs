namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// A conversation with a member of staff that spans several turns, as in the Bot Framework SDK. A dialog is a
/// definition shared by every conversation (registered once in DI); what one conversation has said so far lives
/// in <see cref="DialogContext.ActiveDialog"/>'s JSON state, so a dialog continues after a restart.
/// </summary>
public abstract class Dialog
{
    /// <summary>Returned by a dialog that has asked something and waits for the next message.</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Unique among registered dialogs; stored in conversation state, so keep it stable across releases.</summary>
    public string Id { get; }

    /// <summary>
    /// The dialog was just pushed on the stack (its state is empty). <paramref name="options"/> are only available
    /// now: keep what later turns need in <c>dialogContext.ActiveDialog.State</c>.
    /// </summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken);

    /// <summary>The user sent a message while this dialog was on top of the stack. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken) =>
        dialogContext.EndDialogAsync(null, cancellationToken);

    /// <summary>A dialog this one began has ended with <paramref name="result"/>. By default this dialog ends with the same result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, object? result, CancellationToken cancellationToken) =>
        dialogContext.EndDialogAsync(result, cancellationToken);
}
