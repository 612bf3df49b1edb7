using System.Text.Json;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.PolicyLeads;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// A policy question typed in chat (the default dialog): the engine answers it from the configured pack; while a
/// fact that changes the answer is missing, the bot asks for it with buttons (<see cref="GuidanceQuestionPrompt"/>),
/// then answers with the guidance-answer card, with a policy lead's reviewed answer to a similar question beside the
/// verdict when there is one. The question and answers so far live in dialog state, so the conversation carries on
/// after a restart.
/// </summary>
public sealed partial class GuidanceDialog(
    GuidanceEngine engine, GuidanceAnswerCard answerCard, AcademySafeguarding safeguarding, ReviewedAnswers reviewed, GuidanceMetrics metrics,
    ILogger<GuidanceDialog> logger) : Dialog(DialogId)
{
    public const string DialogId = "guidance";

    public const string NotUnderstoodText = "I couldn't tell which you meant, so I've put that question aside. Ask me again whenever you're ready.";
    public const string StuckText = "I couldn't reach an answer from what you told me. Please ask again with a little more detail, or speak to your line manager.";

    /// <summary>Enough for every fact a topic's rules can ask; more means the answers are not helping.</summary>
    private const int MaxQuestionsBack = 4;

    private const string StateName = "question";

    /// <param name="options">The member of staff's question, as typed (a string), or null for this turn's message.</param>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options, CancellationToken cancellationToken) =>
        AnswerAsync(dialogContext, new Asked(options as string ?? dialogContext.Context.Text, []), cancellationToken);

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, object? result, CancellationToken cancellationToken)
    {
        var asked = dialogContext.ActiveDialog!.State[StateName].Deserialize<Asked>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Dialog '{DialogId}' has no question in its state.");
        switch (result)
        {
            case NewQuestion next:
                LogNewQuestion(logger);
                return await AnswerAsync(dialogContext, new Asked(next.Text, []), cancellationToken);
            case FoundChoice found when asked.Pending is { } pending && found.Index < pending.Values.Count:
                var answers = new Dictionary<string, string>(asked.Answers) { [pending.Fact] = pending.Values[found.Index] };
                foreach (var (fact, value) in GuidanceChoices.ExtraFacts(pending.Fact, dialogContext.Context.Text))
                    answers.TryAdd(fact, value);
                return await AnswerAsync(dialogContext, asked with { Answers = answers, Pending = null }, cancellationToken);
            default:
                await dialogContext.Context.SendTextAsync(NotUnderstoodText, cancellationToken);
                return await dialogContext.EndDialogAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> AnswerAsync(DialogContext dialogContext, Asked asked, CancellationToken cancellationToken)
    {
        var turn = dialogContext.Context;
        var result = engine.Answer(asked.Question, asked.Answers);
        if (result.Ask is { } ask)
        {
            if (asked.Answers.ContainsKey(ask.Fact) || asked.Answers.Count >= MaxQuestionsBack)
            {
                LogStuck(logger, result.Pack, result.Topic, ask.Fact);
                await turn.SendTextAsync(StuckText, cancellationToken);
                return await dialogContext.EndDialogAsync(null, cancellationToken);
            }
            var prompt = GuidanceChoices.Prompt(ask);
            var pending = new PendingFact(ask.Fact, ask.Choices.Take(prompt.Choices.Count).Select(choice => choice.Value).ToList());
            dialogContext.ActiveDialog!.State[StateName] = JsonSerializer.SerializeToNode(asked with { Pending = pending }, JsonSerializerOptions.Web);
            LogAsking(logger, result.Pack, result.Topic, ask.Fact);
            return await dialogContext.PromptAsync(GuidanceQuestionPrompt.DialogId, prompt, cancellationToken);
        }

        var conversationType = turn.Activity.Conversation?.ConversationType ?? Connector.ConversationTypes.Personal;
        LogAnswered(logger, result.Pack, result.Topic, result.Verdict, result.Report);
        metrics.Answered(result);
        var similar = await reviewed.FindAsync(result, cancellationToken);
        var answer = answerCard.Data(asked.Question, result, conversationType, similar);
        if (answer.Report)
            answer = answer with { ReportTo = (await safeguarding.ForAsync(turn.Activity.From?.AadObjectId, cancellationToken)).Name(answer.ReportTo) };
        await turn.SendCardAsync(answerCard.Render(answer), cancellationToken);
        return await dialogContext.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>What this dialog keeps between turns: the question, the facts given so far, the fact being asked.</summary>
    private sealed record Asked(string Question, Dictionary<string, string> Answers, PendingFact? Pending = null);

    /// <summary>The fact being asked and each button's value, in button order.</summary>
    private sealed record PendingFact(string Fact, IReadOnlyList<string> Values);

    // Never the question text: only what the engine made of it.
    // Debug, like every per-turn line: at Information it was the largest single cost of a turn after the engine.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Guidance answer for pack {Pack}, topic {Topic}: {Verdict}, report {Report}")]
    private static partial void LogAnswered(ILogger logger, string pack, string? topic, string? verdict, bool report);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance question for pack {Pack}, topic {Topic}: asking for {Fact}")]
    private static partial void LogAsking(ILogger logger, string pack, string? topic, string fact);

    [LoggerMessage(Level = LogLevel.Information, Message = "A new question arrived while the bot waited for an answer; the old one was dropped")]
    private static partial void LogNewQuestion(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guidance for pack {Pack}, topic {Topic} asked for {Fact} again after it was answered; gave up")]
    private static partial void LogStuck(ILogger logger, string pack, string? topic, string fact);
}
