using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>The fortnight's nudge when the clocks go back in between: a campaign sent through a fake Teams, stored in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Tuesday 20 October 2026, 09:00 BST; the clocks go back on Sunday 25 October.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero));
    private FakeTeams _teams = null!;
    private CampaignRig _rig = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _rig = CampaignRig.Create(azurite.ConnectionString, AzuriteFixture.UniqueTablePrefix(), time: _clock);
        _teams.AddTeam("19:oakfield@thread.tacv2");
        _teams.AddMembers("19:oakfield@thread.tacv2", ("aad-1", "Sam Taylor"));
        await _rig.InstallInTeamAsync(_teams.ServiceUrl, "19:oakfield@thread.tacv2", "Oakfield Primary Staff");
        await _rig.StartCampaignAsync();
        await _rig.RunAsync();
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task NudgeAsync_FortnightAcrossTheClocksGoingBack_NudgesAtTheSameTimeOfDayInEngland()
    {
        _clock.Advance(new DateTimeOffset(2026, 11, 3, 8, 30, 0, TimeSpan.Zero) - _clock.GetUtcNow()); // 08:30 GMT, a fortnight of UTC days on
        await _rig.Get<Nudger>().NudgeAsync(default);
        var beforeNine = _teams.Delivered.ContainsKey("a:personal-aad-1");

        _clock.Advance(TimeSpan.FromMinutes(30)); // 09:00 GMT
        await _rig.Get<Nudger>().NudgeAsync(default);

        Assert.False(beforeNine, "nudged at 08:30, before 09:00 in England");
        Assert.Equal(1, _teams.Delivered.GetValueOrDefault("a:personal-aad-1"));
    }
}
