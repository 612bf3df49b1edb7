using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Dialogs;

/// <summary>What a <see cref="WaterfallStep"/> knows and can do.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly JsonNode? _options;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dialogContext, int index, JsonNode? options, StateValues values, object? result)
    {
        _waterfall = waterfall;
        DialogContext = dialogContext;
        Index = index;
        _options = options;
        Values = values;
        Result = result;
    }

    public DialogContext DialogContext { get; }

    public TurnContext Context => DialogContext.Context;

    /// <summary>This step's position, from 0.</summary>
    public int Index { get; }

    /// <summary>Values this dialog keeps between its steps (and turns); gone when the dialog ends.</summary>
    public StateValues Values { get; }

    /// <summary>
    /// What the previous step led to: a prompt's answer (<see cref="FoundChoice"/>, or null when the user gave none),
    /// a child dialog's result, the value given to <see cref="NextAsync"/>, or the text of the user's message.
    /// Null for the first step.
    /// </summary>
    public object? Result { get; }

    /// <summary>The options the dialog was begun with, read back from state as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => _options is null ? default : _options.Deserialize<T>(JsonSerializerOptions.Web);

    /// <summary>Runs the next step now, in this turn, with <paramref name="result"/>.</summary>
    /// <exception cref="InvalidOperationException">Called twice in one step.</exception>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        _nextCalled = true;
        return _waterfall.RunStepAsync(DialogContext, Index + 1, result, cancellationToken);
    }

    /// <summary>Asks the user something; the next step runs with the answer when it comes.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    /// <summary>Begins a child dialog; the next step runs with its result when it ends.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Ends this dialog with <paramref name="result"/>, skipping any remaining steps.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        DialogContext.EndDialogAsync(result, cancellationToken);
}
