using System.Diagnostics;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>
/// The real bot, in its own process, sending a campaign, killed with SIGKILL mid-campaign (no chance to save or to
/// release its lease); another instance takes over once the lease expires.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignCrashTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string LeaseDuration = "00:00:06";
    private const int DeliveredBeforeKill = 15;

    private readonly string _tablePrefix = AzuriteFixture.UniqueTablePrefix();
    private FakeTeams _teams = null!;

    public async Task InitializeAsync() => _teams = await FakeTeams.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task BotProcessKilledMidCampaign_AnotherInstanceTakesOverAfterLeaseExpiry_EveryChannelGetsExactlyOneReminder()
    {
        await using var survivor = CampaignRig.Create(azurite.ConnectionString, _tablePrefix,
            new Dictionary<string, string?> { ["Reminders:LeaseDuration"] = LeaseDuration, ["Reminders:EveryChannel"] = "true" });
        var channels = new List<string>();
        for (var t = 0; t < 4; t++)
        {
            var teamId = $"19:crash-team{t}@thread.tacv2";
            _teams.AddTeam(teamId, [.. Enumerable.Range(1, 9).Select(c => $"Channel {c}")]);
            await survivor.InstallInTeamAsync(_teams.ServiceUrl, teamId, $"School {t}");
            channels.Add(teamId);
            channels.AddRange(Enumerable.Range(0, 9).Select(c => $"{teamId}-channel-{c}"));
        }
        var campaign = await survivor.StartCampaignAsync();
        _teams.HoldAfter = DeliveredBeforeKill;

        using (var bot = StartBotProcess())
        {
            await _teams.Held.WaitAsync(TimeSpan.FromSeconds(60));
            await WaitUntilAsync(async () => (await survivor.DeliveriesAsync(campaign.Id)).Count(d => d.Status == Delivery.Sent) == DeliveredBeforeKill);
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
        var afterKill = await survivor.DeliveriesAsync(campaign.Id);
        _teams.HoldAfter = null;

        var first = await survivor.RunAsync();
        var result = first;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (result == CampaignRunResult.NotLeader)
        {
            await Task.Delay(250, timeout.Token);
            result = await survivor.RunAsync(timeout.Token);
        }

        Assert.Equal(DeliveredBeforeKill, afterKill.Count(d => d.Status == Delivery.Sent));
        Assert.Contains(afterKill, d => d.Status == Delivery.Attempting);
        Assert.Equal(CampaignRunResult.NotLeader, first);
        Assert.Equal(CampaignRunResult.Finished, result);
        Assert.Equal(channels.Order(), _teams.Delivered.Keys.Order());
        Assert.All(_teams.Delivered, pair => Assert.True(pair.Value == 1, $"{pair.Key} got {pair.Value} reminders"));
    }

    /// <summary>The bot as deployed (the test's copy of TeamsPolicyBot.dll), resuming the unfinished campaign at start-up.</summary>
    private Process StartBotProcess()
    {
        var bin = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(bin, "TeamsPolicyBot.dll") },
            WorkingDirectory = bin,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Urls"] = "http://127.0.0.1:0",
                ["Bot__AppId"] = "",
                ["Bot__Retry__BaseDelay"] = "00:00:00.010",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__TablePrefix"] = _tablePrefix,
                ["Policy__Pack"] = "trinity",
                ["Reminders__LeaseDuration"] = LeaseDuration,
                ["Bot__Pacing__RequestsPerSecond"] = "50",
                ["Reminders__EveryChannel"] = "true",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }
}
