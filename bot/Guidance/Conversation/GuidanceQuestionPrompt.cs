using System.Text.Json;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// The <see cref="ChoicePrompt"/> for a fact the engine is missing, except that a message which is clearly a new
/// question rather than an answer ends the prompt with a <see cref="NewQuestion"/>, so the guidance dialog drops
/// the old question and answers the new one instead of saying it didn't catch that.
/// </summary>
/// <remarks>
/// The choice prompt runs in this dialog's own state (it keeps its options and retry flag there), so the dialog on
/// the stack is this one and sees each message first.
/// </remarks>
public sealed class GuidanceQuestionPrompt(ChoicePrompt choicePrompt, GuidanceEngine engine) : Dialog(DialogId)
{
    public const string DialogId = "guidanceQuestionPrompt";

    // Not ChoicePrompt's own names ("options", "retried"), which share this state.
    private const string ChoicesName = "guidanceChoices";

    /// <summary>Fewer words than this are an answer ("19", "she's my niece"), never a new question.</summary>
    private const int QuestionWords = 4;

    /// <param name="options">The <see cref="PromptOptions"/> from <see cref="GuidanceChoices.Prompt"/>.</param>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken)
    {
        if (options is PromptOptions prompt)
            dialogContext.ActiveDialog!.State[ChoicesName] = JsonSerializer.SerializeToNode(prompt.Choices, JsonSerializerOptions.Web);
        return choicePrompt.BeginDialogAsync(dialogContext, options, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var text = dialogContext.Context.Text;
        var choices = dialogContext.ActiveDialog!.State[ChoicesName].Deserialize<List<Choice>>(JsonSerializerOptions.Web) ?? [];
        return IsNewQuestion(text, choices)
            ? dialogContext.EndDialogAsync(new NewQuestion(text), cancellationToken)
            : choicePrompt.ContinueDialogAsync(dialogContext, cancellationToken);
    }

    /// <summary>
    /// Not one of the choices, and long enough to be a question: it is about something the pack has rules for,
    /// or it is put as a question.
    /// </summary>
    internal bool IsNewQuestion(string text, IReadOnlyList<Choice> choices)
    {
        if (ChoiceRecognizer.Words(text).Length < QuestionWords || ChoiceRecognizer.Recognize(text, choices) is not null)
            return false;
        return text.TrimEnd().EndsWith('?') || engine.Answer(text).Topic is not null;
    }
}

/// <summary>The member of staff asked something new instead of answering the bot's question.</summary>
public sealed record NewQuestion(string Text);
