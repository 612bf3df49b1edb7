using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>The administrator commands, typed in Teams.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderCommandsTests(BotApp app, AzuriteFixture azurite) : IClassFixture<BotApp>
{
    private const string Admin = "6f1c3e2a-9b8d-4c7e-a1f0-5d4b3c2a1e0f";
    private static readonly string TablePrefix = AzuriteFixture.UniqueTablePrefix();

    private readonly BotApp _bot = app
        .WithStorage(azurite, TablePrefix)
        .WithSetting("Admin:Users", "someone-else, " + Admin);

    private async Task<IReadOnlyList<RecordedRequest>> SayAsync(string text, string? aadObjectId = null)
    {
        await using var connector = await FakeConnector.StartAsync();
        var message = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        message["text"] = text;
        if (aadObjectId is not null)
            message["from"]!["aadObjectId"] = aadObjectId;
        await _bot.PostActivityAsync(message);
        return connector.Requests;
    }

    [Fact]
    public async Task StartCommand_NotAnAdministrator_IsRefusedAndStartsNothing()
    {
        var replies = await SayAsync("start reminder campaign now", aadObjectId: Guid.NewGuid().ToString());

        Assert.Equal("Only the bot's administrators can do that.", Assert.Single(replies).Text);
        Assert.Null(await _bot.Services.GetRequiredService<CampaignStore>().LatestAsync(default));
    }

    [Fact]
    public async Task PreviewCommand_Administrator_GetsTheReminderCardInTheirChat()
    {
        var reply = Assert.Single(await SayAsync("preview reminder"));

        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.AttachmentContentType);
        Assert.Equal("reminder.acknowledge", reply.AttachmentContent.GetProperty("actions")[0].GetProperty("verb").GetString());
    }

    [Fact]
    public async Task StartCommand_AdministratorTwice_StartsThisYearsCampaignOnce()
    {
        var first = Assert.Single(await SayAsync("Start reminder campaign now"));
        var second = Assert.Single(await SayAsync("start reminder campaign now"));

        Assert.StartsWith("Started this year's reminder", first.Text);
        Assert.Contains("was already started on", second.Text);
        Assert.Single(await _bot.Services.GetRequiredService<CampaignStore>().AllAsync(default));
    }

    [Fact]
    public async Task ReportCsvCommand_Administrator_GetsPlainTextCsvWithAHeaderRow()
    {
        await _bot.Services.GetRequiredService<CampaignStarter>().StartAsync(Admin, default);

        var reply = Assert.Single(await SayAsync("reminder report  csv"));

        Assert.StartsWith("Team or chat,Name,Email,Entra object id,Acknowledged,Acknowledged at (UK time)\r\n", reply.Text);
        Assert.Equal("plain", reply.Json["textFormat"]?.GetValue<string>());
    }
}
