using Microsoft.Extensions.Options;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Reminders;

/// <summary>"reminder channel", said in a team channel: which of the team's channels the annual reminder goes to.</summary>
public sealed class ReminderChannelCommand(TargetRegistry registry, ReminderChannelStore channels, IOptions<ReminderOptions> options)
    : IBotCommand
{
    private const string General = "This team's annual reminder is posted in its General channel. A team owner can say \"post reminders here\" in another channel to move it.";

    public bool Matches(string text) => AdminCommand.Normalise(text).Equals("reminder channel", StringComparison.OrdinalIgnoreCase);

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var activity = turn.Activity;
        if (activity is not { TenantId: { } tenantId, ChannelData.Team.Id: { Length: > 0 } teamId })
        {
            await turn.SendTextAsync("Ask me \"reminder channel\" in one of the team's channels.", cancellationToken);
            return;
        }
        if (options.Value.EveryChannel)
        {
            await turn.SendTextAsync("This trust posts the annual reminder in every channel of every team, this one included.", cancellationToken);
            return;
        }

        var choice = await channels.GetAsync(tenantId, teamId, cancellationToken);
        var channel = choice is null || choice.ChannelId == teamId ? null : await registry.GetAsync(tenantId, choice.ChannelId, cancellationToken);
        if (choice is null || channel is null or { Removed: true })
        {
            await turn.SendTextAsync(General, cancellationToken);
            return;
        }
        var where = channel.ConversationId == activity.ChannelData.Channel?.Id ? "this channel"
            : channel.Name is { Length: > 0 } name ? $"the {name} channel"
            : "another of its channels";
        await turn.SendTextAsync($"This team's annual reminder is posted in {where}, as a team owner chose on {StaffTime.Date(choice.ChosenAt)}.", cancellationToken);
    }
}
