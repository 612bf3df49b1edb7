using System.Text.RegularExpressions;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

/// <summary>"request a new account" shows the new official account form (the business case).</summary>
public sealed partial class RequestAccountCommand(ApprovalCards cards, RequestRouting routing) : IBotCommand
{
    public bool Matches(string text) => Phrase().IsMatch(text.Trim());

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken) =>
        await dialog.Context.SendCardAsync(await routing.FirstCardAsync(dialog.Context, AcademyFollowUps.AccountForm,
            academy => cards.AccountForm(AccountForm.Empty, [], academy), cancellationToken), cancellationToken);

    [GeneratedRegex(@"^(please\s+)?request\s+(a\s+)?(new\s+)?(official\s+)?account(\s+please)?[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Phrase();
}
