using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Reminders;

/// <summary>"start reminder campaign now": starts this year's campaign without waiting for the pack's date.</summary>
public sealed class StartReminderCampaignCommand(IOptions<AdminOptions> admins, CampaignStarter starter, IOptions<ReminderOptions> options)
    : AdminCommand(admins, "start reminder campaign now", "start reminder campaign")
{
    protected override async Task RunAsAdminAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var (campaign, created) = await starter.StartAsync(turn.Activity.From!.AadObjectId!, cancellationToken);
        await turn.SendTextAsync(created
            ? string.Create(CultureInfo.InvariantCulture,
                $"Started this year's reminder ({campaign.Id}). I'm posting it {(options.Value.EveryChannel ? "in every team channel" : "once in each team")} and in every group chat I'm in. Type \"reminder report\" to follow progress.")
            : $"This year's reminder ({campaign.Id}) was already started on {StaffTime.Date(campaign.StartedAt)}. Type \"reminder report\" to see who has acknowledged it.",
            cancellationToken);
    }
}
