namespace TeamsPolicyBot.Reminders;

/// <summary>Builds a campaign's <see cref="ReminderReport"/> from its deliveries, Teams' rosters and the acknowledgements.</summary>
public sealed class ReminderReports(CampaignStore campaigns, ReminderAudience audience, AcknowledgementStore acknowledgements, NudgeLog nudges)
{
    public async Task<ReminderReport> BuildAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var delivery in campaigns.DeliveriesAsync(campaign.Id, cancellationToken))
            byStatus[delivery.Status] = byStatus.GetValueOrDefault(delivery.Status) + 1;

        var acknowledged = await acknowledgements.AllAsync(campaign.Id, cancellationToken);
        var groups = (await audience.GroupsAsync(campaign, cancellationToken))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(group => new ReportGroup(group.Name, group.Members is null, group.Members?
                .Select(m => new ReportPerson(m.Name ?? "", m.AadObjectId!, m.Email ?? m.UserPrincipalName,
                    acknowledged.TryGetValue(m.AadObjectId!, out var a) ? a.AcknowledgedAt : null))
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToList() ?? []))
            .ToList();
        return new ReminderReport(campaign, byStatus, groups, await nudges.CountAsync(campaign.Id, cancellationToken));
    }
}
