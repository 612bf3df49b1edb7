using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Telemetry;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>Campaigns sent through a fake Teams into real Azurite: pacing, failures, crashes and several instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignRunnerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _tablePrefix = AzuriteFixture.UniqueTablePrefix();
    private FakeTeams _teams = null!;

    public async Task InitializeAsync() => _teams = await FakeTeams.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    /// <summary>A rig posting in every channel (most tests here are about many posts), unless <paramref name="settings"/> say otherwise.</summary>
    private CampaignRig Rig(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Reminders:EveryChannel"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return CampaignRig.Create(azurite.ConnectionString, _tablePrefix, all);
    }

    /// <summary>The rig's <c>policybot.reminders.deliveries</c> measurements, summed by outcome.</summary>
    private static MetricCollector<long> Deliveries(CampaignRig rig) =>
        new(rig.Get<IMeterFactory>(), TelemetryExtensions.MeterName, "policybot.reminders.deliveries");

    private static Dictionary<string, long> ByOutcome(MetricCollector<long> deliveries) => deliveries.GetMeasurementSnapshot()
        .GroupBy(m => (string)m.Tags["outcome"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    private async Task<IReadOnlyList<string>> InstallTeamsAsync(CampaignRig rig, int teams, int channelsPerTeam)
    {
        var channels = new List<string>();
        for (var t = 0; t < teams; t++)
        {
            var teamId = $"19:team{t}-{Guid.NewGuid():N}@thread.tacv2";
            _teams.AddTeam(teamId, [.. Enumerable.Range(0, channelsPerTeam - 1).Select(c => $"Year {c + 7}")]);
            await rig.InstallInTeamAsync(_teams.ServiceUrl, teamId, $"School {t}");
            channels.Add(teamId);
            channels.AddRange(Enumerable.Range(0, channelsPerTeam - 1).Select(c => $"{teamId}-channel-{c}"));
        }
        return channels;
    }

    [Fact]
    public async Task RunAsync_EveryChannel_PostsOneReminderCardToEveryChannel()
    {
        await using var rig = Rig();
        var channels = await InstallTeamsAsync(rig, teams: 3, channelsPerTeam: 4);
        var campaign = await rig.StartCampaignAsync();

        var result = await rig.RunAsync();

        Assert.Equal(CampaignRunResult.Finished, result);
        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.All(_teams.Delivered.Values, count => Assert.Equal(1, count));
        var post = _teams.Posts.First();
        Assert.Equal("application/vnd.microsoft.card.adaptive", post["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(CampaignRig.BotId, post["from"]!["id"]!.GetValue<string>());
        Assert.All(await rig.DeliveriesAsync(campaign.Id), d => Assert.Equal(Delivery.Sent, d.Status));
        Assert.Equal(Campaign.Complete, (await rig.Get<CampaignStore>().GetAsync(campaign.Id, default))!.Status);
    }

    [Fact]
    public async Task RunAsync_ChannelDeletedWhileItsEventWasMissed_SkipsItAndMarksItRemoved()
    {
        await using var rig = Rig();
        var channels = await InstallTeamsAsync(rig, teams: 1, channelsPerTeam: 2);
        var teamId = channels[0];
        var deleted = $"{teamId}-deleted";
        await rig.ObserveAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ServiceUrl = _teams.ServiceUrl,
            Recipient = new ChannelAccount { Id = CampaignRig.BotId },
            Conversation = new ConversationAccount { Id = teamId, ConversationType = ConversationTypes.Channel, TenantId = CampaignRig.TenantId },
            ChannelData = new TeamsChannelData
            {
                Team = new TeamInfo { Id = teamId },
                Channel = new ChannelInfo { Id = deleted, Name = "Old clubs" },
                EventType = TeamsEvents.ChannelCreated,
            },
        });
        var registry = rig.Get<TargetRegistry>();
        Assert.False((await registry.GetAsync(CampaignRig.TenantId, deleted, default))!.Removed);
        await rig.StartCampaignAsync();

        await rig.RunAsync();

        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.True((await registry.GetAsync(CampaignRig.TenantId, deleted, default))!.Removed);
        Assert.False((await registry.GetAsync(CampaignRig.TenantId, teamId, default))!.Removed);
    }

    [Fact]
    public async Task RunAsync_CampaignAlreadyComplete_PostsNothingMore()
    {
        await using var rig = Rig();
        await InstallTeamsAsync(rig, teams: 1, channelsPerTeam: 3);
        await rig.StartCampaignAsync();
        await rig.RunAsync();

        var (_, created) = await rig.Get<CampaignStarter>().StartAsync("another-admin", default);
        await rig.RunAsync();

        Assert.False(created);
        Assert.Equal(3, _teams.DeliveredTotal);
    }

    [Fact]
    public async Task RunAsync_Throttled_PausesForRetryAfterSlowsDownAndPostsEachChannelOnce()
    {
        await using var rig = Rig(new Dictionary<string, string?> { ["Bot:Retry:MaxAttempts"] = "1" });
        var channels = await InstallTeamsAsync(rig, teams: 1, channelsPerTeam: 6);
        _teams.RetryAfter = TimeSpan.FromSeconds(1);
        _teams.FailNext(429, 429, 429);
        await rig.StartCampaignAsync();
        var bucket = rig.Get<TenantPacer>().For(CampaignRig.TenantId);

        await rig.RunAsync();

        Assert.True(_teams.Throttled >= 3);
        Assert.True(bucket.Rate < 50, $"rate stayed at {bucket.Rate}");
        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.All(_teams.Delivered.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task RunAsync_ServerErrorsBeyondConnectorRetries_TriesAgainLaterAndPostsOnce()
    {
        await using var rig = Rig(new Dictionary<string, string?> { ["Bot:Retry:MaxAttempts"] = "1" });
        var channels = await InstallTeamsAsync(rig, teams: 1, channelsPerTeam: 2);
        _teams.FailNext(500, 503, 502, 504);
        var campaign = await rig.StartCampaignAsync();

        await rig.RunAsync();

        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.All(_teams.Delivered.Values, count => Assert.Equal(1, count));
        Assert.Contains(await rig.DeliveriesAsync(campaign.Id), d => d.Attempts > 1 && d.Status == Delivery.Sent);
    }

    [Fact]
    public async Task RunAsync_ServerErrorsEveryTime_MarksFailedAfterMaxAttempts()
    {
        await using var rig = Rig(new Dictionary<string, string?> { ["Bot:Retry:MaxAttempts"] = "1", ["Reminders:MaxAttempts"] = "2" });
        await InstallTeamsAsync(rig, teams: 1, channelsPerTeam: 1);
        _teams.FailNext(500, 500, 500, 500);
        var campaign = await rig.StartCampaignAsync();
        using var deliveries = Deliveries(rig);

        await rig.RunAsync();

        var delivery = Assert.Single(await rig.DeliveriesAsync(campaign.Id));
        Assert.Equal(Delivery.Failed, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
        Assert.Empty(_teams.Delivered);
        Assert.Equal(new Dictionary<string, long> { [ReminderMetrics.Failed] = 1 }, ByOutcome(deliveries));
        Assert.All(deliveries.GetMeasurementSnapshot(), m => Assert.Equal(campaign.Id, m.Tags["campaign"]));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task RunAsync_ChannelRefuses_MarksDeliveryInactiveAndTargetRemoved(int status)
    {
        await using var rig = Rig();
        var channels = await InstallTeamsAsync(rig, teams: 1, channelsPerTeam: 3);
        _teams.Remove(channels[1], status);
        var campaign = await rig.StartCampaignAsync();
        using var deliveries = Deliveries(rig);

        await rig.RunAsync();

        var refused = Assert.Single(await rig.DeliveriesAsync(campaign.Id), d => d.ConversationId == channels[1]);
        Assert.Equal(Delivery.Inactive, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.True((await rig.Get<TargetRegistry>().GetAsync(CampaignRig.TenantId, channels[1], default))!.Removed);
        Assert.Equal(2, _teams.DeliveredTotal);
        Assert.Equal(new Dictionary<string, long> { [ReminderMetrics.Delivered] = 2, [ReminderMetrics.Removed] = 1 }, ByOutcome(deliveries));
    }

    [Fact]
    public async Task RunAsync_KilledMidCampaignThenRestarted_EveryChannelGetsExactlyOneReminder()
    {
        var first = Rig();
        var channels = await InstallTeamsAsync(first, teams: 4, channelsPerTeam: 10);
        var campaign = await first.StartCampaignAsync();
        _teams.HoldAfter = 15;
        using var kill = new CancellationTokenSource();
        var running = first.RunAsync(kill.Token);

        // Killed while posts are in flight and not yet accepted, once every accepted post is recorded as sent.
        await _teams.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(async () => (await first.DeliveriesAsync(campaign.Id)).Count(d => d.Status == Delivery.Sent) == 15);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var afterKill = await first.DeliveriesAsync(campaign.Id);
        await first.DisposeAsync();

        _teams.HoldAfter = null;
        await using var restarted = Rig();
        var result = await restarted.RunAsync();

        Assert.Equal(15, afterKill.Count(d => d.Status == Delivery.Sent));
        Assert.Contains(afterKill, d => d.Status == Delivery.Attempting);
        Assert.Equal(CampaignRunResult.Finished, result);
        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.All(_teams.Delivered, pair => Assert.True(pair.Value == 1, $"{pair.Key} got {pair.Value} reminders"));
    }

    [Fact]
    public async Task RunAsync_TwoInstancesAtOnce_EveryChannelGetsExactlyOneReminder()
    {
        await using var one = Rig(new Dictionary<string, string?> { ["Bot:Pacing:RequestsPerSecond"] = "20" });
        await using var two = Rig(new Dictionary<string, string?> { ["Bot:Pacing:RequestsPerSecond"] = "20" });
        var channels = await InstallTeamsAsync(one, teams: 2, channelsPerTeam: 10);
        await one.StartCampaignAsync();

        var results = await Task.WhenAll(one.RunAsync(), two.RunAsync());

        Assert.Contains(CampaignRunResult.Finished, results);
        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.All(_teams.Delivered.Values, count => Assert.Equal(1, count));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }
}
