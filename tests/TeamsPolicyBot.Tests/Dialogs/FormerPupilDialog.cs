using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>
/// A test dialog shaped like the guidance dialog's follow-up questions: asks the former pupil's age band, then
/// whether the member of staff is in touch, then answers with what it was told (the question, kept in step values).
/// </summary>
public sealed class FormerPupilDialog : WaterfallDialog
{
    public const string DialogId = "test.formerPupil";
    public const string NoAnswerText = "I couldn't tell which you meant — ask your question again.";

    public static readonly PromptOptions AgeQuestion = new()
    {
        Prompt = "How old is the former pupil now?",
        Choices =
        [
            new Choice("Under 18") { Synonyms = [.. Enumerable.Range(0, 18).Select(age => age.ToString())] },
            new Choice("18 or 19") { Synonyms = ["18", "19"] },
            new Choice("20 or over") { Synonyms = [.. Enumerable.Range(20, 80).Select(age => age.ToString())] },
        ],
    };

    public static readonly PromptOptions ContactQuestion = new()
    {
        Prompt = "Are you in touch with them outside school?",
        Choices = [new Choice("Yes"), new Choice("No")],
    };

    public FormerPupilDialog()
        : base(DialogId)
    {
        AddStep(AskAgeAsync);
        AddStep(AskContactAsync);
        AddStep(AnswerAsync);
    }

    public static string Answer(string question, string age, string contact) => $"You asked: {question} Age: {age}. In touch: {contact}.";

    private static Task<DialogTurnResult> AskAgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values.Set("question", step.Context.Text);
        return step.PromptAsync(ChoicePrompt.DialogId, AgeQuestion, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice age)
            return await GiveUpAsync(step, cancellationToken);
        step.Values.Set("age", age.Value);
        return await step.PromptAsync(ChoicePrompt.DialogId, ContactQuestion, cancellationToken);
    }

    private static async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice contact)
            return await GiveUpAsync(step, cancellationToken);
        await step.Context.SendTextAsync(Answer(step.Values.Get<string>("question")!, step.Values.Get<string>("age")!, contact.Value), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendTextAsync(NoAnswerText, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
