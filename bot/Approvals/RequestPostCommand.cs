using System.Text.RegularExpressions;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// "request a post", "request approval", "I'd like to post … on the school account" (and the welcome card's button)
/// show the post request form (after asking which academy, when the bot must). A question such as "can I post sports day photos?" is not a request: it is guidance.
/// </summary>
public sealed partial class RequestPostCommand(ApprovalCards cards, RequestRouting routing) : IBotCommand
{
    public bool Matches(string text) => Phrase().IsMatch(text.Trim()) || WantToPost().IsMatch(text.Trim());

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken) =>
        await dialog.Context.SendCardAsync(await routing.FirstCardAsync(dialog.Context, AcademyFollowUps.PostForm,
            academy => cards.PostForm(PostForm.Empty, [], academy), cancellationToken), cancellationToken);

    [GeneratedRegex(@"^(please\s+)?(request|ask for)\s+(a\s+post|post\s+approval|approval(\s+for\s+(a|my)\s+post)?)(\s+please)?[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Phrase();

    // A statement of intent naming an official account, never a question.
    [GeneratedRegex(@"^(i'?d|i\s+would|i)\s+(like|want|need)\s+to\s+(post|put|share)\b[^?]*\b(on|to)\s+(the|our)\s+(school'?s?|academy'?s?|trust'?s?|official)\b[^?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WantToPost();
}
