using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Reminders;

/// <summary>Creates the year's campaign for the trust's pack: at most once per pack and year, whoever asks first.</summary>
public sealed class CampaignStarter(CampaignStore campaigns, PolicyPack pack, CampaignSignal signal, TimeProvider time)
{
    public const string Schedule = "schedule";

    public string CampaignIdFor(int year) => Campaign.IdFor(pack.Id, year);

    /// <summary>Starts this year's campaign for <paramref name="startedBy"/> (an administrator's object id or <see cref="Schedule"/>).</summary>
    /// <returns>The campaign, and false when it had already been started.</returns>
    public async Task<(Campaign Campaign, bool Created)> StartAsync(string startedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var year = StaffTime.Today(now).Year;
        var started = await campaigns.CreateAsync(new Campaign
        {
            RowKey = CampaignIdFor(year),
            Pack = pack.Id,
            Year = year,
            StartedAt = now,
            StartedBy = startedBy,
        }, cancellationToken);
        if (started.Created)
            signal.Poke();
        return started;
    }

    /// <summary>Starts this year's campaign if the pack's reminder date has come and it has not been started.</summary>
    public async Task StartIfDueAsync(CancellationToken cancellationToken)
    {
        if (ReminderSchedule.DueYear(pack.Reminder, time.GetUtcNow()) is { } year
            && await campaigns.GetAsync(CampaignIdFor(year), cancellationToken) is null)
            await StartAsync(Schedule, cancellationToken);
    }
}
