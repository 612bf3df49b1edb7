using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>"I have read and understood" and Teams' refresh, as invokes through /api/messages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderCardActionsTests(BotApp app, AzuriteFixture azurite) : IClassFixture<BotApp>, IAsyncLifetime
{
    private static readonly string TablePrefix = AzuriteFixture.UniqueTablePrefix();

    private readonly BotApp _bot = app
        .WithStorage(azurite, TablePrefix);

    private FakeTeams _teams = null!;
    private string _campaignId = "";

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _campaignId = (await _bot.Services.GetRequiredService<CampaignStarter>().StartAsync("admin", default)).Campaign.Id;
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private async Task<JsonObject> PressAsync(string verb, string aadObjectId, string name, string? campaignId = null)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.CardAction, _teams.ServiceUrl, $"19:{Guid.NewGuid():N}@thread.tacv2");
        activity["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = name, ["aadObjectId"] = aadObjectId };
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = new JsonObject { ["campaignId"] = campaignId ?? _campaignId };
        var response = await _bot.PostActivityAsync(activity);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static string Texts(JsonObject invokeResponse) => invokeResponse["value"]!.ToJsonString();

    private static bool HasAcknowledgeButton(JsonObject invokeResponse) =>
        invokeResponse["value"]!["actions"]!.AsArray().Any(a => (string?)a!["verb"] == ReminderCard.AcknowledgeVerb);

    [Fact]
    public async Task Acknowledge_FirstPress_AnswersWithTheirAcknowledgedCard()
    {
        var person = Guid.NewGuid().ToString();

        var answer = await PressAsync(ReminderCard.AcknowledgeVerb, person, "Sam Taylor");

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Contains("You acknowledged on", Texts(answer));
        Assert.False(HasAcknowledgeButton(answer));
        Assert.Equal(ReminderCard.RefreshVerb, (string?)answer["value"]!["refresh"]!["action"]!["verb"]);
        var stored = await _bot.Services.GetRequiredService<AcknowledgementStore>().GetAsync(_campaignId, person, default);
        Assert.Equal("Sam Taylor", stored?.Name);
    }

    [Fact]
    public async Task Acknowledge_PressedTwice_KeepsOneAcknowledgementWithTheFirstTime()
    {
        var person = Guid.NewGuid().ToString();
        var store = _bot.Services.GetRequiredService<AcknowledgementStore>();
        await PressAsync(ReminderCard.AcknowledgeVerb, person, "Sam Taylor");
        var first = await store.GetAsync(_campaignId, person, default);
        var countAfterFirst = await store.CountAsync(_campaignId, default);

        await Task.WhenAll(PressAsync(ReminderCard.AcknowledgeVerb, person, "Sam Taylor"), PressAsync(ReminderCard.AcknowledgeVerb, person, "Sam Taylor"));

        Assert.Equal(first!.AcknowledgedAt, (await store.GetAsync(_campaignId, person, default))!.AcknowledgedAt);
        Assert.Equal(countAfterFirst, await store.CountAsync(_campaignId, default));
    }

    [Fact]
    public async Task Refresh_ColleagueWhoHasNotAcknowledged_SeesTheButtonAndHowManyHave()
    {
        await PressAsync(ReminderCard.AcknowledgeVerb, Guid.NewGuid().ToString(), "Sam Taylor");
        var count = await _bot.Services.GetRequiredService<AcknowledgementStore>().CountAsync(_campaignId, default);

        var answer = await PressAsync(ReminderCard.RefreshVerb, Guid.NewGuid().ToString(), "Alex Jones");

        Assert.True(HasAcknowledgeButton(answer));
        Assert.DoesNotContain("You acknowledged on", Texts(answer));
        Assert.Contains(count == 1 ? "1 colleague has acknowledged" : $"{count} colleagues have acknowledged", Texts(answer));
    }

    [Fact]
    public async Task Refresh_PersonWhoAcknowledged_SeesTheirAcknowledgement()
    {
        var person = Guid.NewGuid().ToString();
        await PressAsync(ReminderCard.AcknowledgeVerb, person, "Sam Taylor");

        var answer = await PressAsync(ReminderCard.RefreshVerb, person, "Sam Taylor");

        Assert.Contains("You acknowledged on", Texts(answer));
        Assert.False(HasAcknowledgeButton(answer));
    }

    [Fact]
    public async Task Acknowledge_UnknownCampaign_AnswersAnErrorAndStoresNothing()
    {
        var person = Guid.NewGuid().ToString();

        var answer = await PressAsync(ReminderCard.AcknowledgeVerb, person, "Sam Taylor", campaignId: "fierte-1999");

        Assert.Equal(404, (int?)answer["statusCode"]);
        Assert.Null(await _bot.Services.GetRequiredService<AcknowledgementStore>().GetAsync("fierte-1999", person, default));
    }
}
