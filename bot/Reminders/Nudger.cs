using Microsoft.Extensions.Options;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// <see cref="ReminderOptions.NudgeAfterDays"/> after the latest campaign started, sends each member of its teams and
/// chats who has not acknowledged the reminder card in a 1:1 chat, once per person per campaign. A nudge Teams does not
/// take now is retried later by the outbox.
/// </summary>
public sealed partial class Nudger(
    CampaignStore campaigns,
    ReminderAudience audience,
    AcknowledgementStore acknowledgements,
    NudgeLog nudges,
    Outbox outbox,
    ReminderCard card,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<Nudger> logger)
{
    public async Task NudgeAsync(CancellationToken cancellationToken)
    {
        var campaign = await campaigns.LatestAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (campaign is null || campaign.NudgedAt is not null || campaign.Status != Campaign.Complete
            || now < StaffTime.AddDays(campaign.StartedAt, options.Value.NudgeAfterDays))
            return;

        var acknowledged = await acknowledgements.AllAsync(campaign.Id, cancellationToken);
        var reminder = card.Render(campaign.Id);
        var nudged = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in await audience.GroupsAsync(campaign, cancellationToken))
        {
            foreach (var member in group.Members ?? [])
            {
                var person = member.AadObjectId!;
                if (acknowledged.ContainsKey(person) || !seen.Add(person) || !await nudges.TryRecordAsync(campaign.Id, person, now, cancellationToken))
                    continue;
                var sent = await outbox.SendAsync(new OutboxMessage($"ReminderNudges|{campaign.Id}", "nudge|" + person,
                    Destination.Person(new BotAddress(group.ServiceUrl, group.TenantId, group.Bot), person), new Activity
                    {
                        Text = "A reminder: please read this year's social media policy summary and press \"I have read and understood\".",
                        Attachments = [reminder],
                    }), cancellationToken);
                if (sent.Delivered)
                    nudged++;
            }
        }
        await campaigns.SetNudgedAsync(campaign, now, cancellationToken);
        LogNudged(logger, campaign.Id, nudged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder campaign {CampaignId}: nudged {Count} members of staff")]
    private static partial void LogNudged(ILogger logger, string campaignId, int count);
}
