using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>Reports and nudges over a sent campaign: rosters from a fake Teams (paged), acknowledgements from Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero));
    private FakeTeams _teams = null!;
    private CampaignRig _rig = null!;
    private Campaign _campaign = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _rig = CampaignRig.Create(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix(), time: _clock);
        _teams.AddTeam("19:oakfield@thread.tacv2", "Year 7");
        _teams.AddMembers("19:oakfield@thread.tacv2", ("aad-1", "Sam Taylor"), ("aad-2", "Alex Jones"), ("aad-3", "Priya Shah"), ("aad-4", "Chris Lee"), ("aad-5", "Jo Park"));
        _teams.AddTeam("19:beech@thread.tacv2");
        _teams.AddMembers("19:beech@thread.tacv2", ("aad-1", "Sam Taylor"), ("aad-6", "Kim Webb"));
        await _rig.InstallInTeamAsync(_teams.ServiceUrl, "19:oakfield@thread.tacv2", "Oakfield Primary Staff");
        await _rig.InstallInTeamAsync(_teams.ServiceUrl, "19:beech@thread.tacv2", "Beech Academy Staff");
        _campaign = await _rig.StartCampaignAsync();
        await _rig.RunAsync();
        var acknowledgements = _rig.Get<AcknowledgementStore>();
        await acknowledgements.AcknowledgeAsync(_campaign.Id, "aad-1", "Sam Taylor", _clock.GetUtcNow(), default);
        await acknowledgements.AcknowledgeAsync(_campaign.Id, "aad-3", "Priya Shah", _clock.GetUtcNow(), default);
        _campaign = (await _rig.Get<CampaignStore>().GetAsync(_campaign.Id, default))!;
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task BuildAsync_TwoTeams_CountsMembersAcknowledgedAndNotYetPerTeamOnce()
    {
        var report = await _rig.Get<ReminderReports>().BuildAsync(_campaign, default);

        Assert.Equal(2, report.DeliveriesByStatus[Delivery.Sent]);
        Assert.Equal(
            [("Beech Academy Staff", 2, 1), ("Oakfield Primary Staff", 5, 2)],
            report.Groups.Select(g => (g.Name, g.People.Count, g.Acknowledged)));
        Assert.Contains("Oakfield Primary Staff: 5 members, 2 acknowledged, 3 not yet.", report.ToText());
        Assert.Contains("posted to 2 of 2 channels and chats", report.ToText());
    }

    [Fact]
    public async Task NudgeAsync_BeforeNudgeAfterDays_NudgesNobody()
    {
        _clock.Advance(TimeSpan.FromDays(13));

        await _rig.Get<Nudger>().NudgeAsync(default);

        Assert.Equal(0, await _rig.Get<NudgeLog>().CountAsync(_campaign.Id, default));
        Assert.DoesNotContain(_teams.Delivered.Keys, k => k.StartsWith("a:personal-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NudgeAsync_AfterNudgeAfterDaysTwice_NudgesEachPersonWhoHasNotAcknowledgedOnce()
    {
        _clock.Advance(TimeSpan.FromDays(14));

        await _rig.Get<Nudger>().NudgeAsync(default);
        await _rig.Get<Nudger>().NudgeAsync(default);

        var nudged = _teams.Delivered.Where(p => p.Key.StartsWith("a:personal-", StringComparison.Ordinal)).ToList();
        var report = await _rig.Get<ReminderReports>().BuildAsync(_campaign, default);
        Assert.Contains("4 members of staff were nudged in a 1:1 chat.", report.ToText());
        Assert.Equal(["a:personal-aad-2", "a:personal-aad-4", "a:personal-aad-5", "a:personal-aad-6"], nudged.Select(p => p.Key).Order());
        Assert.All(nudged, p => Assert.Equal(1, p.Value));
    }
}
