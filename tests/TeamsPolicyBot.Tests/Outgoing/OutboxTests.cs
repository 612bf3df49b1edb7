using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Outgoing;

/// <summary>The outbox as an operator sees it: two instances on one table, retries with backoff, replies not lost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> QuickPolls = new() { ["Outbox:PollInterval"] = "00:00:00.100" };

    [Fact]
    public async Task Queue_TwoInstancesOnOneTable_EachMessageSentExactlyOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Delay = TimeSpan.FromMilliseconds(100);
        var prefix = AzuriteFixture.UniqueTablePrefix();
        await using var first = Instance(prefix);
        await using var second = Instance(prefix);
        _ = second.Server;
        var from = new BotAddress(connector.ServiceUrl, "tenant", new ChannelAccount { Id = "28:bot" });

        // Queued by the first; the second finds them on its polls while the first is sending.
        await first.Services.GetRequiredService<Outbox>().QueueAsync(Enumerable.Range(1, 80).Select(i => new OutboxMessage(
            "Test|two-instances", $"message|{i}", Destination.Conversation(from, $"a:chat{i}"),
            new Activity { Type = ActivityTypes.Message, Text = $"message {i}" })), CancellationToken.None);
        await OutboxProbe.SettledAsync(azurite.CreateTables(prefix), TimeProvider.System, TimeSpan.FromSeconds(60));

        var texts = connector.Requests.Select(r => r.Text).ToList();
        Assert.Equal(80, texts.Count);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => $"message {i}").Order(), texts.Order());
        Assert.Empty(await OutboxProbe.RowsAsync(azurite.CreateTables(prefix)));
    }

    [Fact]
    public async Task Reply_TeamsFailsThroughEveryRetry_SentLaterByTheOutbox()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite, QuickPolls);
        host.Connector.Failing = _ => 500;

        var failed = await host.SayAsync("help");

        Assert.All(failed, request => Assert.Null(request.AnsweredId));
        var waiting = Assert.Single(await OutboxProbe.RowsAsync(host.Tables));
        Assert.Equal(1, waiting.GetInt32("Attempts"));
        Assert.Equal("Failed (500)", waiting.GetString("LastStatus"));
        Assert.True(waiting.GetDateTimeOffset("DueAt") >= host.Time.GetUtcNow() + TimeSpan.FromSeconds(30));

        host.Connector.Failing = null;
        var before = host.Connector.Requests.Count;
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await OutboxProbe.SettledAsync(host.Tables, host.Time);

        var reply = Assert.Single(host.Connector.Requests.Skip(before));
        Assert.Equal(failed[0].Body, reply.Body);
        Assert.Equal(failed[0].PathAndQuery, reply.PathAndQuery);
        Assert.Empty(await OutboxProbe.RowsAsync(host.Tables));
    }

    [Fact]
    public async Task Queued_TeamsKeepsFailing_RetriedWithGrowingDelaysThenGivenUpWithoutTheMessage()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite, new(QuickPolls) { ["Outbox:MaxAttempts"] = "3" });
        host.Connector.Failing = _ => 503;
        await host.SayAsync("help");
        var delays = new List<TimeSpan>();

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            var row = Assert.Single(await OutboxProbe.RowsAsync(host.Tables));
            delays.Add(row.GetDateTimeOffset("DueAt")!.Value - host.Time.GetUtcNow());
            host.Time.Advance(delays[^1]);
            await WaitForAsync(async () => (await OutboxProbe.RowsAsync(host.Tables)).Single() is var r
                && (r.GetInt32("Attempts") == attempt && r.GetBoolean("Claimed") == false || r.GetString("State") == "gaveUp"));
        }

        Assert.True(delays[1] > delays[0], $"the second wait ({delays[1]}) is longer than the first ({delays[0]})");
        var given = Assert.Single(await OutboxProbe.RowsAsync(host.Tables));
        Assert.Equal("gaveUp", given.GetString("State"));
        Assert.Equal(3, given.GetInt32("Attempts"));
        Assert.Empty(given.GetBinary("Body"));
    }

    private BotApp Instance(string prefix)
    {
        var app = new BotApp().WithStorage(azurite, prefix);
        foreach (var (key, value) in QuickPolls)
            app.WithSetting(key, value);
        return app;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
