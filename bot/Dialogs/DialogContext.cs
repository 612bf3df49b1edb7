using System.Text.Json.Nodes;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// The dialog stack of one conversation during one turn, as in the Bot Framework SDK: begin, continue, end and
/// replace dialogs. Changes are saved when the turn ends (see <see cref="DialogManager"/>).
/// </summary>
public sealed class DialogContext
{
    private readonly ConversationState _state;

    internal DialogContext(DialogSet dialogs, TurnContext context, ConversationState state)
    {
        Dialogs = dialogs;
        Context = context;
        _state = state;
    }

    public DialogSet Dialogs { get; }

    public TurnContext Context { get; }

    /// <summary>The dialog on top of the stack, which the next message goes to; null when none is active.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    /// <summary>Per-conversation values (in group chats and channels: per member), kept between turns.</summary>
    public StateValues Values => _state.Values;

    private List<DialogInstance> Stack => _state.DialogStack;

    /// <summary>Pushes dialog <paramref name="dialogId"/> and begins it; it becomes the active dialog.</summary>
    /// <exception cref="ArgumentException">No dialog is registered with that id.</exception>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId) ?? throw new ArgumentException($"No dialog is registered with the id '{dialogId}'.", nameof(dialogId));
        Stack.Add(new DialogInstance(dialogId, new JsonObject()));
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Begins a prompt (e.g. <see cref="ChoicePrompt"/>); the calling dialog resumes with its answer.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Passes this turn's message to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } active
            ? DialogOf(active).ContinueDialogAsync(this, cancellationToken)
            : Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty));

    /// <summary>
    /// Ends the active dialog; the dialog below it resumes with <paramref name="result"/>. When none is left the
    /// turn gets <see cref="DialogTurnStatus.Complete"/> with the result.
    /// </summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Count > 0)
            Stack.RemoveAt(Stack.Count - 1);
        return ActiveDialog is { } parent
            ? DialogOf(parent).ResumeDialogAsync(this, result, cancellationToken)
            : Task.FromResult(new DialogTurnResult(DialogTurnStatus.Complete, result));
    }

    /// <summary>Ends the active dialog without resuming its parent, and begins <paramref name="dialogId"/> in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        if (Stack.Count > 0)
            Stack.RemoveAt(Stack.Count - 1);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Empties the stack: every dialog ends without a result.</summary>
    public DialogTurnResult CancelAllDialogs()
    {
        if (Stack.Count == 0)
            return new DialogTurnResult(DialogTurnStatus.Empty);
        Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    private Dialog DialogOf(DialogInstance instance) =>
        Dialogs.Find(instance.Id) ?? throw new InvalidOperationException($"Dialog '{instance.Id}' on the stack is not registered.");
}
