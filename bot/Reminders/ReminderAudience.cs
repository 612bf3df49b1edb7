using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Reminders;

/// <summary>Who a campaign reached: the members of each team and group chat it was posted to, from Teams' roster.</summary>
public sealed class ReminderAudience(CampaignStore campaigns, ConnectorClient connector)
{
    private const int PageSize = 500;

    public async Task<IReadOnlyList<AudienceGroup>> GroupsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        // A team's channels share the team's members, so a team counts once however many channels got the card.
        var reached = new Dictionary<string, Delivery>(StringComparer.Ordinal);
        await foreach (var delivery in campaigns.DeliveriesAsync(campaign.Id, cancellationToken))
        {
            if (delivery.Status == Delivery.Sent)
                reached.TryAdd(delivery.TeamId ?? delivery.ConversationId, delivery);
        }

        var groups = new List<AudienceGroup>();
        foreach (var (id, delivery) in reached)
        {
            var serviceUrl = new Uri(delivery.ServiceUrl);
            var members = await MembersAsync(serviceUrl, delivery.TenantId, id, cancellationToken);
            groups.Add(new AudienceGroup(
                id, delivery.TeamName ?? delivery.Name ?? "Group chat", serviceUrl, delivery.TenantId,
                new ChannelAccount { Id = delivery.BotId, Name = delivery.BotName }, members));
        }
        return groups;
    }

    private async Task<IReadOnlyList<TeamsChannelAccount>?> MembersAsync(Uri serviceUrl, string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var members = new List<TeamsChannelAccount>();
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(serviceUrl, tenantId, conversationId, PageSize, continuation, cancellationToken);
            if (!page.IsOk)
                return null;
            members.AddRange(page.Value?.Members?.Where(m => !string.IsNullOrEmpty(m.AadObjectId)) ?? []);
            continuation = page.Value?.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));
        return members;
    }
}

/// <summary>A team or group chat a campaign was posted to, and its members (null when Teams would not list them).</summary>
public sealed record AudienceGroup(
    string Id, string Name, Uri ServiceUrl, string TenantId, ChannelAccount Bot, IReadOnlyList<TeamsChannelAccount>? Members);
