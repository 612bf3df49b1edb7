using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>
/// One reminder per team, end to end over /api/messages: the bot installed in two teams through Teams' events, a team
/// owner choosing a channel (owners from a fake Graph), a campaign sent to a fake Teams, and one person acknowledging
/// in both copies, with everything stored in Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderChannelTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Admin = "0b7d3c1e-5a4f-4e2d-9c8b-7a6f5e4d3c2b";
    private const string Owner = "4a1e8d2c-7b3f-4c5e-9d0a-1b2c3d4e5f60";
    private const string Sam = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private const string Alex = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
    private const string OakfieldGroup = "3e5f7a9b-1c2d-4e6f-8a0b-c1d2e3f4a5b6";
    private const string OakfieldTeam = "19:oakfield-general@thread.tacv2";
    private const string BeechTeam = "19:beech-general@thread.tacv2";

    // FakeTeams names a team's other channels <team>-channel-<n>.
    private const string StaffRoom = OakfieldTeam + "-channel-0";
    private const string YearSeven = OakfieldTeam + "-channel-1";

    private readonly BotApp _bot = new();
    private FakeTeams _teams = null!;
    private FakeGraph _graph = null!;
    private IReadOnlyDictionary<string, int> _welcomed = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _graph = await FakeGraph.StartAsync();
        _graph.Owners[OakfieldGroup] = [Owner];
        _teams.AddTeam(OakfieldTeam, "Staff room", "Year 7");
        _teams.AddMembers(OakfieldTeam, (Sam, "Sam Taylor"), (Owner, "Jo Owner"));
        _teams.AddTeam(BeechTeam, "Clubs");
        _teams.AddMembers(BeechTeam, (Sam, "Sam Taylor"), (Alex, "Alex Jones"));
        _bot.WithStorage(azurite, AzuriteFixture.UniqueTablePrefix())
            .WithSetting("Admin:Users", Admin)
            .WithServices(services => services.AddSingleton(_graph.Client()));

        await PostAsync(Installed(OakfieldTeam, "Oakfield Primary Staff", OakfieldGroup));
        await PostAsync(Installed(BeechTeam, "Beech Academy Staff", "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f"));
        _welcomed = _teams.Delivered;
    }

    /// <summary>Posts per conversation since the bot was installed (which posted its welcome card in each General channel).</summary>
    private Dictionary<string, int> Reminded() => _teams.Delivered
        .Select(p => (p.Key, Count: p.Value - _welcomed.GetValueOrDefault(p.Key)))
        .Where(p => p.Count > 0)
        .ToDictionary(p => p.Key, p => p.Count);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task Campaign_ByDefault_PostsOnceInEachTeamsGeneralChannel()
    {
        await RunCampaignAsync();

        Assert.Equal([BeechTeam, OakfieldTeam], Reminded().Keys.Order());
        Assert.All(Reminded().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task PostRemindersHere_TeamOwner_MovesTheTeamsReminderToThatChannel()
    {
        var answer = await SayInChannelAsync(StaffRoom, OakfieldTeam, Owner, "post reminders here");
        var asked = await SayInChannelAsync(StaffRoom, OakfieldTeam, Sam, "reminder channel");

        await RunCampaignAsync();

        Assert.StartsWith("Done: this team's annual reminder will be posted in this channel", answer);
        Assert.StartsWith("This team's annual reminder is posted in this channel", asked);
        Assert.Equal([BeechTeam, StaffRoom], Reminded().Keys.Order());
    }

    [Fact]
    public async Task PostRemindersHere_NotAnOwner_IsRefusedAndTheReminderStaysInGeneral()
    {
        var answer = await SayInChannelAsync(YearSeven, OakfieldTeam, Sam, "post reminders here");
        var asked = await SayInChannelAsync(YearSeven, OakfieldTeam, Sam, "reminder channel");

        await RunCampaignAsync();

        Assert.Equal("Only an owner of this team can choose where its reminders go.", answer);
        Assert.StartsWith("This team's annual reminder is posted in its General channel.", asked);
        Assert.Equal([BeechTeam, OakfieldTeam], Reminded().Keys.Order());
    }

    [Fact]
    public async Task PostRemindersHere_GraphUnavailable_SaysOwnershipCouldNotBeCheckedAndChangesNothing()
    {
        _graph.Failing = true;

        var answer = await SayInChannelAsync(StaffRoom, OakfieldTeam, Owner, "post reminders here");
        await RunCampaignAsync();

        Assert.StartsWith("I couldn't check with Microsoft 365 that you own this team", answer);
        Assert.Equal([BeechTeam, OakfieldTeam], Reminded().Keys.Order());
    }

    [Fact]
    public async Task Acknowledge_SamePersonInBothTeamsCopies_CountsOnceAndTheReportShowsThemInEachTeam()
    {
        var campaignId = await RunCampaignAsync();

        await PressAsync(OakfieldTeam, OakfieldTeam, Sam, campaignId);
        await PressAsync(BeechTeam, BeechTeam, Sam, campaignId);
        var report = await SayInChannelAsync(BeechTeam, BeechTeam, Admin, "reminder report");

        Assert.Equal(1, await _bot.Services.GetRequiredService<AcknowledgementStore>().CountAsync(campaignId, default));
        Assert.Contains("Beech Academy Staff: 2 members, 1 acknowledged, 1 not yet.", report);
        Assert.Contains("Oakfield Primary Staff: 2 members, 1 acknowledged, 1 not yet.", report);
        Assert.Contains("posted to 2 of 2 channels and chats", report);
    }

    private async Task<string> RunCampaignAsync()
    {
        var started = await SayInChannelAsync(BeechTeam, BeechTeam, Admin, "start reminder campaign now");
        Assert.StartsWith("Started this year's reminder", started);
        var campaigns = _bot.Services.GetRequiredService<CampaignStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await campaigns.LatestAsync(timeout.Token) is not { Status: Campaign.Complete })
            await Task.Delay(50, timeout.Token);
        return (await campaigns.LatestAsync(default))!.Id;
    }

    private async Task PostAsync(JsonObject activity)
    {
        var response = await _bot.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}");
    }

    /// <returns>The text of the bot's reply.</returns>
    private async Task<string> SayInChannelAsync(string channelId, string teamId, string aadObjectId, string text)
    {
        var message = TeamsPayloads.Load(TeamsPayloads.ChannelMention, _teams.ServiceUrl, $"{channelId};messageid={Random.Shared.Next()}");
        message["text"] = "<at>Policy Bot</at> " + text;
        message["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = "Staff member", ["aadObjectId"] = aadObjectId };
        message["channelData"]!["teamsChannelId"] = channelId;
        message["channelData"]!["teamsTeamId"] = teamId;
        message["channelData"]!["channel"] = new JsonObject { ["id"] = channelId };
        message["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
        var before = _teams.Replies.Count;
        await PostAsync(message);
        return string.Join("\n", _teams.Replies.Skip(before).Select(reply => (string?)reply["text"]));
    }

    private async Task PressAsync(string channelId, string teamId, string aadObjectId, string campaignId)
    {
        var press = TeamsPayloads.Load(TeamsPayloads.CardAction, _teams.ServiceUrl, channelId);
        press["conversation"]!["conversationType"] = "channel";
        press["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = "Sam Taylor", ["aadObjectId"] = aadObjectId };
        press["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["team"] = new JsonObject { ["id"] = teamId },
            ["tenant"] = new JsonObject { ["id"] = TeamsPayloads.TenantId },
        };
        press["value"]!["action"]!["verb"] = ReminderCard.AcknowledgeVerb;
        press["value"]!["action"]!["data"] = new JsonObject { ["campaignId"] = campaignId };
        await PostAsync(press);
    }

    private JsonObject Installed(string teamId, string name, string groupId)
    {
        var update = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, _teams.ServiceUrl, teamId);
        update["channelData"]!["team"] = new JsonObject { ["id"] = teamId, ["name"] = name, ["aadGroupId"] = groupId };
        return update;
    }
}
