using System.Text.Json;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Asks a question with its choices as buttons (the choice-prompt card: each button sends its choice's text) and
/// also understands a typed answer (<see cref="ChoiceRecognizer"/>). Ends with a <see cref="FoundChoice"/>. After an
/// answer it does not understand it asks once more; after a second it ends with null, which the calling dialog
/// handles (e.g. "I couldn't tell which you meant — ask your question again.").
/// </summary>
public sealed class ChoicePrompt(CardTemplates cards) : Dialog(DialogId)
{
    public const string DialogId = nameof(ChoicePrompt);

    /// <summary>Teams shows at most five buttons in a row of actions.</summary>
    public const int MaxChoices = 5;

    private const string CardName = "choice-prompt";
    private const string OptionsName = "options";
    private const string RetriedName = "retried";

    /// <param name="options">A <see cref="PromptOptions"/>.</param>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        var prompt = options as PromptOptions ?? throw new ArgumentException($"{DialogId} is begun with {nameof(PromptOptions)}.", nameof(options));
        Validate(prompt);
        dialogContext.ActiveDialog!.State[OptionsName] = JsonSerializer.SerializeToNode(prompt, JsonSerializerOptions.Web);
        await AskAsync(dialogContext.Context, prompt.Prompt, prompt.Choices, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var state = dialogContext.ActiveDialog!.State;
        var prompt = state[OptionsName].Deserialize<PromptOptions>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{DialogId} state has no options.");
        if (ChoiceRecognizer.Recognize(dialogContext.Context.Text, prompt.Choices) is { } found)
            return await dialogContext.EndDialogAsync(found, cancellationToken);
        if (state.ContainsKey(RetriedName))
            return await dialogContext.EndDialogAsync(null, cancellationToken);

        state[RetriedName] = true;
        await AskAsync(dialogContext.Context, prompt.RetryPrompt ?? $"Sorry, I didn't catch that. {prompt.Prompt}", prompt.Choices, cancellationToken);
        return EndOfTurn;
    }

    private async Task AskAsync(TurnContext turn, string question, IReadOnlyList<Choice> choices, CancellationToken cancellationToken)
    {
        var card = cards.RenderAttachment(CardName, new { question, choices = choices.Select(choice => choice.Value) });
        await turn.SendCardAsync(card, cancellationToken);
    }

    private static void Validate(PromptOptions prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt.Prompt, nameof(prompt));
        if (prompt.Choices.Count is 0 or > MaxChoices)
            throw new ArgumentException($"A choice prompt offers 1 to {MaxChoices} choices, not {prompt.Choices.Count}.", nameof(prompt));
        var texts = prompt.Choices.Select(choice => string.Join(' ', ChoiceRecognizer.Words(choice.Value))).ToList();
        if (texts.Any(text => text.Length == 0) || texts.Distinct().Count() != texts.Count)
            throw new ArgumentException("Each choice needs its own text, with letters or digits.", nameof(prompt));
    }
}
