using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Reminders;
using static TeamsPolicyBot.Tests.Academies.ThreeAcademies;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>
/// "reminder report" in a trust of three academies: a campaign posted to one all-staff team (a fake Teams roster),
/// read by an academy's admin (their academy only) and by a trust admin (everyone, and a line per academy).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcademyReminderReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:allstaff@thread.tacv2";

    private ThreeAcademies _trust = null!;
    private FakeTeams _teams = null!;

    public async Task InitializeAsync()
    {
        _trust = await ThreeAcademies.StartAsync(azurite);
        _teams = await FakeTeams.StartAsync();
        _teams.AddTeam(TeamId, "General");
        _teams.AddMembers(TeamId, [.. new[] { HenryBoxTeacher, QueenEmmasTeacher, TwoSchoolsTeacher, WoodGreenTeacher, QueenEmmasHead }
            .Select(s => (s.AadObjectId, s.Name))]);
        var services = _trust.Host.Bot.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var install = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                ServiceUrl = _teams.ServiceUrl,
                Recipient = new ChannelAccount { Id = CampaignRig.BotId, Name = "Policy Bot" },
                Conversation = new ConversationAccount { Id = TeamId, ConversationType = ConversationTypes.Channel, TenantId = CampaignRig.TenantId, IsGroup = true },
                MembersAdded = [new ChannelAccount { Id = CampaignRig.BotId }],
                ChannelData = new TeamsChannelData
                {
                    Team = new TeamInfo { Id = TeamId, Name = "All Staff", AadGroupId = Guid.NewGuid().ToString() },
                    Tenant = new TenantInfo { Id = CampaignRig.TenantId },
                    EventType = "teamMemberAdded",
                },
            };
            var turn = new TurnContext(install, scope.ServiceProvider.GetRequiredService<ConnectorClient>(), scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<TargetRegistry>().OnInstallationActivityAsync(turn, default);
        }
        var campaign = (await services.GetRequiredService<CampaignStarter>().StartAsync(TrustAdmin.AadObjectId, default)).Campaign;
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CampaignRunner>().RunAsync(default);
        await SentAsync(services.GetRequiredService<CampaignStore>(), campaign.Id);
        var acknowledgements = services.GetRequiredService<AcknowledgementStore>();
        foreach (var staff in new[] { HenryBoxTeacher, QueenEmmasTeacher })
            await acknowledgements.AcknowledgeAsync(campaign.Id, staff.AadObjectId, staff.Name, _trust.Host.Time.GetUtcNow(), default);
    }

    /// <summary>Waits for the post to be recorded as sent: the bot's own scheduler may hold the campaign's lease and send it.</summary>
    private static async Task SentAsync(CampaignStore campaigns, string campaignId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var sent = false;
            await foreach (var delivery in campaigns.DeliveriesAsync(campaignId, timeout.Token))
                sent |= delivery.Status == Delivery.Sent;
            if (sent)
                return;
            await Task.Delay(50, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await _trust.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task ReminderReport_AcademyAdmin_CountsOnlyTheirAcademysStaff()
    {
        var text = Assert.Single(await _trust.Host.SayAsync("reminder report", QueenEmmasAdmin)).Text!;

        Assert.Contains("All Staff: 1 members, 1 acknowledged, 0 not yet.", text);
        Assert.Contains($"{QueenEmmasName}: 1 members, 1 acknowledged, 0 not yet.", text);
        Assert.DoesNotContain(HenryBoxName, text);
        Assert.DoesNotContain(WoodGreenName, text);
    }

    [Fact]
    public async Task ReminderReportCsv_AcademyAdmin_ListsNobodyFromAnotherAcademy()
    {
        var csv = string.Concat((await _trust.Host.SayAsync("reminder report csv", QueenEmmasAdmin)).Select(r => r.Text));

        Assert.Contains(QueenEmmasTeacher.Name, csv);
        Assert.DoesNotContain(HenryBoxTeacher.Name, csv);
        Assert.DoesNotContain(TwoSchoolsTeacher.Name, csv);
        Assert.DoesNotContain(WoodGreenTeacher.Name, csv);
    }

    [Fact]
    public async Task ReminderReport_TrustAdmin_CountsEveryoneWithALinePerAcademy()
    {
        var text = Assert.Single(await _trust.Host.SayAsync("reminder report", TrustAdmin)).Text!;

        Assert.Contains("All Staff: 5 members, 2 acknowledged, 3 not yet.", text);
        Assert.Contains($"{HenryBoxName}: 2 members, 1 acknowledged, 1 not yet.", text);
        Assert.Contains($"{QueenEmmasName}: 1 members, 1 acknowledged, 0 not yet.", text);
        Assert.Contains($"{WoodGreenName}: 1 members, 0 acknowledged, 1 not yet.", text);
        Assert.Contains("Academy not known: 2 members, 0 acknowledged, 2 not yet.", text);
    }

    [Fact]
    public async Task ReminderReport_ApproverWhoIsNoAdmin_Refused()
    {
        var reply = Assert.Single(await _trust.Host.SayAsync("reminder report", QueenEmmasHead));

        Assert.Equal("Only the bot's administrators can do that.", reply.Text);
    }
}
