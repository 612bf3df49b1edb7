using Microsoft.Extensions.Options;
namespace TeamsPolicyBot.Dialogs;

/// <summary>A command only the bot's administrators (<see cref="AdminOptions.Users"/>) may run; anyone else is told so.</summary>
public abstract class AdminCommand(IOptions<AdminOptions> admins, params string[] phrases) : IBotCommand
{
    public bool Matches(string text) => phrases.Contains(Normalise(text), StringComparer.OrdinalIgnoreCase);

    /// <summary>The text with runs of spaces collapsed and a closing full stop or exclamation mark dropped.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!');

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        if (admins.Value.IsAdmin(dialog.Context.Activity.From?.AadObjectId))
            await RunAsAdminAsync(dialog, cancellationToken);
        else
            await dialog.Context.SendTextAsync("Only the bot's administrators can do that.", cancellationToken);
    }

    protected abstract Task RunAsAdminAsync(DialogContext dialog, CancellationToken cancellationToken);
}
