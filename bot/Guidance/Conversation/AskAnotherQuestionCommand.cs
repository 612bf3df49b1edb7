using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>"Ask another question" (the answer card's button) invites the next question.</summary>
public sealed class AskAnotherQuestionCommand : IBotCommand
{
    public const string InviteText = "Go ahead: type your question about social media and I'll check it against the policy.";

    public bool Matches(string text) => string.Join(' ', ChoiceRecognizer.Words(text)) is "ask another question" or "another question";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken) =>
        await dialog.Context.SendTextAsync(InviteText, cancellationToken);
}
