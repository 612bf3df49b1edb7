using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>Saved Teams installation and channel events posted to /api/messages, and what the registry then holds.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TargetRegistryTests(BotApp app, AzuriteFixture azurite) : IClassFixture<BotApp>, IAsyncLifetime
{
    private static readonly string TablePrefix = AzuriteFixture.UniqueTablePrefix();

    private readonly BotApp _bot = app
        .WithStorage(azurite, TablePrefix);

    private readonly string _teamId = $"19:{Guid.NewGuid():N}@thread.tacv2";
    private FakeTeams _teams = null!;

    public async Task InitializeAsync() => _teams = await FakeTeams.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private TargetRegistry Registry => _bot.Services.GetRequiredService<TargetRegistry>();

    private JsonObject BotAddedToTeam()
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, _teams.ServiceUrl, _teamId);
        activity["channelData"]!["team"]!["id"] = _teamId;
        return activity;
    }

    private JsonObject ChannelEvent(string eventType, string channelId, string? name)
    {
        var activity = BotAddedToTeam();
        activity.Remove("membersAdded");
        activity["channelData"]!["eventType"] = eventType;
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = name };
        return activity;
    }

    private async Task<ReminderTarget?> StoredAsync(string conversationId) =>
        await Registry.GetAsync(TeamsPayloads.TenantId, conversationId, default);

    [Fact]
    public async Task PostActivity_BotAddedToTeam_RegistersTheTeamWithWhatIsNeededToPostLater()
    {
        var response = await _bot.PostActivityAsync(BotAddedToTeam());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var general = await StoredAsync(_teamId);
        Assert.NotNull(general);
        Assert.Equal(ReminderTarget.ChannelKind, general.Kind);
        Assert.Equal("Oakfield Primary Staff", general.TeamName);
        Assert.Equal("3e5f7a9b-1c2d-4e6f-8a0b-c1d2e3f4a5b6", general.TeamAadGroupId);
        Assert.Equal(TeamsPayloads.BotId, general.BotId);
        Assert.Equal(_teams.ServiceUrl.AbsoluteUri, general.ServiceUrl);
        Assert.Equal(TeamsPayloads.TenantId, general.TenantId);
        Assert.False(general.Removed);
    }

    [Fact]
    public async Task PostActivity_InstallationUpdateInTeam_RegistersTheTeam()
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.InstallationAdd, _teams.ServiceUrl, _teamId);
        activity["conversation"]!["conversationType"] = "channel";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = _teamId, ["name"] = "Oakfield Primary Staff" };

        await _bot.PostActivityAsync(activity);

        Assert.Equal("Oakfield Primary Staff", (await StoredAsync(_teamId))?.TeamName);
    }

    [Fact]
    public async Task PostActivity_InstalledInGroupChat_RegistersTheChat()
    {
        var chatId = $"19:{Guid.NewGuid():N}@thread.v2";
        var activity = TeamsPayloads.Load(TeamsPayloads.InstallationAdd, _teams.ServiceUrl, chatId);
        activity["conversation"]!["conversationType"] = "groupChat";

        await _bot.PostActivityAsync(activity);

        Assert.Equal(ReminderTarget.GroupChatKind, (await StoredAsync(chatId))?.Kind);
    }

    [Fact]
    public async Task PostActivity_InstalledInPersonalChat_RegistersNothing()
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.InstallationAdd, _teams.ServiceUrl);

        await _bot.PostActivityAsync(activity);

        Assert.Null(await StoredAsync(TeamsPayloads.ConversationId(activity)));
    }

    [Fact]
    public async Task PostActivity_ChannelCreatedThenDeleted_AddsThenRemovesTheChannel()
    {
        await _bot.PostActivityAsync(BotAddedToTeam());
        var channelId = $"19:{Guid.NewGuid():N}@thread.tacv2";

        await _bot.PostActivityAsync(ChannelEvent(TeamsEvents.ChannelCreated, channelId, "Year 7 tutors"));
        var created = await StoredAsync(channelId);
        await _bot.PostActivityAsync(ChannelEvent(TeamsEvents.ChannelDeleted, channelId, "Year 7 tutors"));

        Assert.Equal("Year 7 tutors", created?.Name);
        Assert.Equal(_teamId, created?.TeamId);
        Assert.True((await StoredAsync(channelId))?.Removed);
        Assert.False((await StoredAsync(_teamId))?.Removed);
    }

    [Fact]
    public async Task PostActivity_UninstalledFromTeam_MarksEveryChannelRemoved()
    {
        await _bot.PostActivityAsync(BotAddedToTeam());
        var channelId = $"19:{Guid.NewGuid():N}@thread.tacv2";
        await _bot.PostActivityAsync(ChannelEvent(TeamsEvents.ChannelCreated, channelId, "Staffroom"));
        var removal = TeamsPayloads.Load(TeamsPayloads.InstallationRemove, _teams.ServiceUrl, _teamId);
        removal["conversation"]!["conversationType"] = "channel";
        removal["channelData"]!["team"] = new JsonObject { ["id"] = _teamId };

        await _bot.PostActivityAsync(removal);

        Assert.True((await StoredAsync(_teamId))?.Removed);
        Assert.True((await StoredAsync(channelId))?.Removed);
    }

    [Fact]
    public async Task PostActivity_ReinstalledAfterRemoval_IsActiveAgain()
    {
        await _bot.PostActivityAsync(BotAddedToTeam());
        var removed = BotAddedToTeam();
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TeamsPayloads.BotId });
        await _bot.PostActivityAsync(removed);
        var whileRemoved = await StoredAsync(_teamId);

        await _bot.PostActivityAsync(BotAddedToTeam());

        Assert.True(whileRemoved?.Removed);
        Assert.False((await StoredAsync(_teamId))?.Removed);
    }
}
