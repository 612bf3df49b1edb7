using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Academies;

/// <summary>"my academy": which academy the bot thinks you are in, where that comes from, and how to change it.</summary>
public sealed class MyAcademyCommand(TrustAcademies trust, AcademyDirectory directory, AcademyPicker picker) : IBotCommand
{
    public bool Matches(string text) =>
        text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant() is "my academy" or "my school" or "which academy" or "change my academy" or "change academy";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (!trust.Configured)
        {
            await turn.SendTextAsync($"This bot serves {trust.Trust.Name} as one school, so there is no academy to choose.", cancellationToken);
            return;
        }
        if (turn.Sender() is not { } me)
        {
            await turn.SendTextAsync("I couldn't tell who you are, so I can't say which academy you are in.", cancellationToken);
            return;
        }
        var mine = await directory.ForAsync(me.Id, cancellationToken);
        if (mine.FromRecords)
        {
            var more = mine.Academies.Count > 1 ? " When you request a post I'll ask which academy it is for." : "";
            await turn.SendTextAsync(
                $"The school's records say you work at {mine.Names}.{more} If that is wrong, ask whoever looks after staff records in Microsoft 365.",
                cancellationToken);
            return;
        }
        var question = mine.Source == AcademySources.Chosen
            ? $"You told me you work at {mine.Names}. Choose another academy to change it."
            : "I don't know which academy you work at yet. Which is it?";
        await turn.SendCardAsync(picker.Render(question, "I'll remember your answer.", trust.All, AcademyFollowUps.None), cancellationToken);
    }
}
