using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Connector;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Welcome;
using TeamsPolicyBot.Welcome;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>Teams activities posted to /api/messages, and what the bot then posts to the (fake) Bot Connector.</summary>
[Collection(AzuriteCollection.Name)]
public class WelcomeEndToEndTests(BotApp app, AzuriteFixture azurite) : IClassFixture<BotApp>
{
    private static readonly string TablePrefix = AzuriteFixture.UniqueTablePrefix();

    // Every message turn reads its conversation's dialog state, so the bot needs table storage.
    private readonly BotApp bot = app
        .WithStorage(azurite, TablePrefix);


    [Fact]
    public async Task PostActivity_BotAddedToTeam_PostsWelcomeCardToTheTeam()
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, connector.ServiceUrl, "19:team-general@thread.tacv2");

        var response = await bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v3/conversations/19%3Ateam-general%40thread.tacv2/activities", sent.PathAndQuery);
        AssertIsWelcomeCard(sent);
        Assert.Equal(TeamsPayloads.BotId, sent.Json["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_InstalledInPersonalChat_PostsWelcomeCard()
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = TeamsPayloads.Load(TeamsPayloads.InstallationAdd, connector.ServiceUrl);

        var response = await bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertIsWelcomeCard(Assert.Single(await connector.WaitForRequestsAsync(1)));
    }

    [Fact]
    public async Task PostActivity_InstallAnnouncedTwice_WelcomesOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var installation = TeamsPayloads.Load(TeamsPayloads.InstallationAdd, connector.ServiceUrl);
        var botAdded = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, connector.ServiceUrl, TeamsPayloads.ConversationId(installation));

        await bot.PostActivityAsync(installation);
        await bot.PostActivityAsync(botAdded);

        AssertIsWelcomeCard(Assert.Single(connector.Requests));
    }

    [Fact]
    public async Task PostActivity_SomeoneElseAddedToTeam_SendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, connector.ServiceUrl);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:new-teacher" });

        var response = await bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task PostActivity_Uninstalled_SendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();

        var response = await bot.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.InstallationRemove, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  Help ")]
    public async Task PostActivity_HelpInPersonalChat_RepliesWithWelcomeCard(string text)
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl, "a:help-chat");
        activity["text"] = text;

        await bot.PostActivityAsync(activity);

        var sent = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("/v3/conversations/a%3Ahelp-chat/activities/1741079722390", sent.PathAndQuery);
        AssertIsWelcomeCard(sent);
    }

    [Fact]
    public async Task PostActivity_ChannelMentionHelp_RepliesInThreadWithWelcomeCard()
    {
        await using var connector = await FakeConnector.StartAsync();
        const string conversationId = "19:Vq3Lr8sKpT1xZ5wNcB7mJ2hF9dG4aE6y@thread.tacv2;messageid=1741082571911";
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, connector.ServiceUrl, conversationId);

        await bot.PostActivityAsync(activity);

        var sent = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/1741082571911", sent.PathAndQuery);
        Assert.Equal("1741082571911", sent.Json["replyToId"]!.GetValue<string>());
        AssertIsWelcomeCard(sent);
    }

    [Fact]
    public void WelcomeCard_Rendered_NamesTheTrustAndOffersExampleQuestionsAsButtons()
    {
        var card = bot.Services.GetRequiredService<WelcomeCard>().Render();

        WelcomeCardAssert.IsWelcomeCard(card.Content!.Value);
    }

    private static void AssertIsWelcomeCard(RecordedRequest sent)
    {
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, sent.AttachmentContentType);
        WelcomeCardAssert.IsWelcomeCard(sent.AttachmentContent);
    }
}
