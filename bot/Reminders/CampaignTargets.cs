using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Where a campaign posts: once per team, in the channel a team owner chose with "post reminders here" (while it
/// exists) or else the team's General channel, whose id is the team's; and every group chat the bot is in. With
/// <see cref="ReminderOptions.EveryChannel"/>, every channel of every team instead, listed afresh from Teams.
/// </summary>
public sealed class CampaignTargets(
    TargetRegistry registry, ReminderChannelStore channels, ConnectorClient connector, IOptions<ReminderOptions> options)
{
    public async IAsyncEnumerable<ReminderTarget> ForCampaignAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (options.Value.EveryChannel)
            await registry.RefreshChannelsAsync(connector, cancellationToken);

        var active = new List<ReminderTarget>();
        await foreach (var target in registry.ActiveAsync(cancellationToken))
            active.Add(target);
        if (options.Value.EveryChannel)
        {
            foreach (var target in active)
                yield return target;
            yield break;
        }

        var chosen = new Dictionary<(string TenantId, string TeamId), string>();
        await foreach (var choice in channels.AllAsync(cancellationToken))
            chosen[(choice.TenantId, choice.TeamId)] = choice.ChannelId;
        var byConversation = active.ToDictionary(t => (t.TenantId, t.ConversationId));

        foreach (var target in active)
        {
            if (target.Kind == ReminderTarget.GroupChatKind)
                yield return target;
            else if (target.TeamId is { } teamId && target.ConversationId == teamId)
                yield return chosen.TryGetValue((target.TenantId, teamId), out var channelId)
                    && byConversation.TryGetValue((target.TenantId, channelId), out var channel)
                        ? InTeam(channel, general: target)
                        : target;
        }
    }

    /// <summary>The chosen channel, named as its team is: it may have been registered from a message, which names neither.</summary>
    private static ReminderTarget InTeam(ReminderTarget channel, ReminderTarget general)
    {
        channel.TeamName ??= general.TeamName;
        channel.TeamAadGroupId ??= general.TeamAadGroupId;
        return channel;
    }
}
