using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A dialog that runs its steps in order, as in the Bot Framework SDK. A step usually asks something
/// (<see cref="WaterfallStepContext.PromptAsync"/>) and the next step gets the answer as
/// <see cref="WaterfallStepContext.Result"/>; the last step's result ends the dialog. Only the step index,
/// the options and the step values are stored, so steps must be methods, not captured state.
/// </summary>
/// <example>
/// <code>
/// public sealed class RequestPostDialog : WaterfallDialog
/// {
///     public RequestPostDialog() : base("requestPost")
///     {
///         AddStep(AskAccountAsync);
///         AddStep(ConfirmAsync);
///     }
///     …
/// }
/// </code>
/// </example>
public class WaterfallDialog : Dialog
{
    private const string StepIndexName = "stepIndex";
    private const string OptionsName = "options";
    private const string ValuesName = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null)
        : base(id)
    {
        _steps = [.. steps ?? []];
    }

    /// <summary>Appends a step; call from the constructor.</summary>
    protected WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        var state = dialogContext.ActiveDialog!.State;
        state[OptionsName] = JsonSerializer.SerializeToNode(options, JsonSerializerOptions.Web);
        state[ValuesName] = new JsonObject();
        return RunStepAsync(dialogContext, 0, null, cancellationToken);
    }

    /// <summary>A message arrived while a step waited without a prompt: the next step gets its text as the result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken) =>
        ResumeDialogAsync(dialogContext, dialogContext.Context.Text, cancellationToken);

    /// <summary>The step's prompt or child dialog ended: the next step runs with its result.</summary>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, object? result, CancellationToken cancellationToken)
    {
        var index = dialogContext.ActiveDialog!.State[StepIndexName]?.GetValue<int>() ?? 0;
        return RunStepAsync(dialogContext, index + 1, result, cancellationToken);
    }

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dialogContext, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
            return dialogContext.EndDialogAsync(result, cancellationToken);
        var state = dialogContext.ActiveDialog!.State;
        state[StepIndexName] = index;
        var values = state[ValuesName] as JsonObject ?? [];
        state[ValuesName] = values;
        var step = new WaterfallStepContext(this, dialogContext, index, state[OptionsName], new StateValues(values), result);
        return _steps[index](step, cancellationToken);
    }
}
