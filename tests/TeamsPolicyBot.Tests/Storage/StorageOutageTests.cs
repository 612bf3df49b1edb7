using System.Net;
using TeamsPolicyBot.Testing;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>
/// Storage stopping and coming back under a running bot, on an Azurite of this test's own (the shared one must keep
/// running). The load benchmark's storage-outage mode does the same under load.
/// </summary>
public sealed class StorageOutageTests
{
    private const string Question = "Can I post photos from sports day on my personal Instagram?";

    [Fact]
    public async Task PostActivity_StorageStoppedThenBack_ApologisesWhileDownAndAnswersAgainWithoutRestart()
    {
        var root = AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory);
        using var azurite = await AzuriteProcess.StartAsync(root);
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApp().WithSetting("Storage:ConnectionString", azurite.ConnectionString);
        var client = bot.CreateClient();

        var before = await AskAsync(bot, connector);
        azurite.Stop();
        var during = await AskAsync(bot, connector);
        var healthDuring = await client.GetAsync("/healthz");
        await azurite.RestartAsync(root);
        var after = await AskAsync(bot, connector);
        var healthAfter = await client.GetAsync("/healthz");

        Assert.Equal("application/vnd.microsoft.card.adaptive", before.AttachmentContentType);
        Assert.StartsWith("I couldn't reach my storage just now", during.Text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthDuring.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", after.AttachmentContentType);
        Assert.Equal(HttpStatusCode.OK, healthAfter.StatusCode);
    }

    /// <summary>Asks the question in a new conversation; the turn must be answered 200 (never 5xx) with one reply.</summary>
    private static async Task<RecordedRequest> AskAsync(BotApp bot, FakeConnector connector)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        activity["text"] = Question;
        var count = connector.Requests.Count;

        var response = await bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await connector.WaitForRequestsAsync(count + 1))[count];
    }
}
