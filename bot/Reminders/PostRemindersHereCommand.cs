using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.People;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// "post reminders here", said in a team channel by one of the team's owners: the team's annual reminder goes to this
/// channel from the next campaign on, instead of General. Ownership is checked with Microsoft Graph
/// (<see cref="TeamOwners"/>); when it cannot be checked, nothing changes and the owner is told so.
/// </summary>
public sealed class PostRemindersHereCommand(
    TargetRegistry registry, ReminderChannelStore channels, TeamOwners owners, IOptions<ReminderOptions> options, TimeProvider time)
    : IBotCommand
{
    public bool Matches(string text) => AdminCommand.Normalise(text).Equals("post reminders here", StringComparison.OrdinalIgnoreCase);

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var activity = turn.Activity;
        if (activity is not { TenantId: { } tenantId, ChannelData.Team.Id: { Length: > 0 } teamId, ChannelData.Channel.Id: { Length: > 0 } channelId })
        {
            await turn.SendTextAsync("Say \"post reminders here\" in the team channel where the annual reminder should go.", cancellationToken);
            return;
        }
        if (activity.From?.AadObjectId is not { Length: > 0 } person)
        {
            await turn.SendTextAsync("I couldn't tell who you are, so I haven't changed where reminders go.", cancellationToken);
            return;
        }

        // Messages do not carry the team's Entra group id; the installation did, and the registry kept it.
        var groupId = activity.ChannelData.Team.AadGroupId ?? (await registry.GetAsync(tenantId, teamId, cancellationToken))?.TeamAadGroupId;
        var owner = groupId is null ? null : await owners.IsOwnerAsync(groupId, person, cancellationToken);
        if (owner is null)
        {
            await turn.SendTextAsync("I couldn't check with Microsoft 365 that you own this team, so reminders still go where they did. Please try again later.", cancellationToken);
            return;
        }
        if (owner is false)
        {
            await turn.SendTextAsync("Only an owner of this team can choose where its reminders go.", cancellationToken);
            return;
        }

        await registry.RememberChannelAsync(activity, cancellationToken);
        await channels.ChooseAsync(tenantId, teamId, channelId, person, time.GetUtcNow(), cancellationToken);
        await turn.SendTextAsync(options.Value.EveryChannel
            ? "Noted: this team's annual reminder will go to this channel. For now this trust posts it in every channel, so it goes to the others too."
            : "Done: this team's annual reminder will be posted in this channel from now on.", cancellationToken);
    }
}
