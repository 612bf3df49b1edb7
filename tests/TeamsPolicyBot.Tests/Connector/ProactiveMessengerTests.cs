using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>1:1 messages to a member of staff outside their own turn, through a real (fake) Bot Connector.</summary>
public class ProactiveMessengerTests(BotApp app) : IClassFixture<BotApp>
{
    private const string HeadteacherAadId = "6a0c2f1e-3b4d-4c5e-8f90-1a2b3c4d5e6f";
    private static readonly ChannelAccount Bot = new() { Id = TeamsPayloads.BotId, Name = "Policy Bot" };

    [Fact]
    public async Task SendToPersonAsync_BotInstalled_OpensTheChatThenPostsIntoIt()
    {
        await using var connector = await FakeConnector.StartAsync();
        var messenger = app.Services.GetRequiredService<ProactiveMessenger>();

        var result = await messenger.SendToPersonAsync(
            connector.ServiceUrl, TeamsPayloads.TenantId, Bot, HeadteacherAadId, new Activity { Text = "A post is waiting for you." }, default);

        Assert.True(result.IsOk);
        var requests = await connector.WaitForRequestsAsync(2);
        var open = requests[0].Json;
        Assert.Equal("/v3/conversations", requests[0].PathAndQuery);
        Assert.Equal(HeadteacherAadId, open["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsPayloads.TenantId, open["tenantId"]!.GetValue<string>());
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(result.Value!.ConversationId)}/activities", requests[1].PathAndQuery);
        Assert.Equal("A post is waiting for you.", requests[1].Text);
        Assert.Equal(TeamsPayloads.BotId, requests[1].Json["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendToPersonAsync_BotNotInstalledForThem_ReportsBotRemovedAndPostsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.AnswerNext(StatusCodes.Status403Forbidden);
        var messenger = app.Services.GetRequiredService<ProactiveMessenger>();

        var result = await messenger.SendToPersonAsync(
            connector.ServiceUrl, TeamsPayloads.TenantId, Bot, HeadteacherAadId, new Activity { Text = "hello" }, default);

        Assert.Equal(ConnectorStatus.BotRemoved, result.Status);
        Assert.Single(connector.Requests);
    }
}
