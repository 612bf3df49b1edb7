using System.Text.RegularExpressions;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>"remove photos": deletes the photos waiting for the member of staff's next post request.</summary>
public sealed partial class RemovePhotosCommand(PhotoStore photos) : IBotCommand
{
    public bool Matches(string text) => Phrase().IsMatch(text.Trim());

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (turn.Sender() is not { } sender)
        {
            await turn.SendTextAsync("I couldn't tell who you are, so I haven't removed anything.", cancellationToken);
            return;
        }
        var staged = await photos.StagedAsync(sender.Id, cancellationToken);
        await photos.DeleteAsync(staged, cancellationToken);
        await turn.SendTextAsync(staged.Count == 0
            ? "You have no photos waiting for a post request."
            : $"I've removed the {staged.Count} photo(s) waiting for your next post request.", cancellationToken);
    }

    [GeneratedRegex(@"^(please\s+)?(remove|delete|clear)\s+(my\s+|the\s+|all\s+)?(photos|pictures|images)(\s+please)?[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Phrase();
}
