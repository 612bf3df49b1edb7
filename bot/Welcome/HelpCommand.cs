using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Welcome;

/// <summary>"help" (or "hi", "hello", "what can you do") shows the welcome card again, with the sender's academy.</summary>
public sealed class HelpCommand(WelcomeCard card) : IBotCommand
{
    private static readonly HashSet<string> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "help", "hi", "hello", "hey", "menu", "what can you do", "what can you do?", "?",
    };

    public bool Matches(string text) => Phrases.Contains(text.Trim().TrimEnd('!', '.'));

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken) =>
        await dialog.Context.SendCardAsync(await card.RenderForAsync(dialog.Context, cancellationToken), cancellationToken);
}
