using System.Diagnostics;
using System.Globalization;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Testing;
using TeamsPolicyBot.Tests.Reminders;

// Sends one reminder campaign to N channels (Reminders:EveryChannel, 100 channels a team) through a fake Teams that enforces a rate with 429s and injects 5xx,
// with real Azurite, and prints how long it took against the floor (N / rate) and what was lost or duplicated.
// Usage: dotnet run -c Release --project tests/TeamsPolicyBot.Benchmarks -- [--channels 5000] [--rate 50] [--limit 45] [--errors 0.01]

var options = BenchmarkOptions.Parse(args);
const int ChannelsPerTeam = 100;

using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory));
await using var teams = await FakeTeams.StartAsync();
teams.PostsPerSecond = options.Limit;
teams.ServerErrorRate = options.Errors;
teams.RetryAfter = TimeSpan.FromSeconds(1);
{
    await using var rig = CampaignRig.Create(azurite.ConnectionString, "bench" + Guid.NewGuid().ToString("N")[..12], new Dictionary<string, string?>
    {
        ["Bot:Pacing:RequestsPerSecond"] = options.Rate.ToString(CultureInfo.InvariantCulture),
        ["Reminders:EveryChannel"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Reminders:RetryDelay"] = "00:00:01",
        ["Bot:Retry:BaseDelay"] = "00:00:00.200",
        ["Bot:Retry:MaxDelay"] = "00:00:05",
    });

    var installing = Stopwatch.StartNew();
    for (var (team, remaining) = (0, options.Channels); remaining > 0; team++, remaining -= ChannelsPerTeam)
    {
        var teamId = $"19:bench-team-{team}@thread.tacv2";
        teams.AddTeam(teamId, [.. Enumerable.Range(1, Math.Min(ChannelsPerTeam, remaining) - 1).Select(c => $"Channel {c}")]);
        await rig.InstallInTeamAsync(teams.ServiceUrl, teamId, $"Benchmark school {team}");
    }
    installing.Stop();

    var campaignTime = Stopwatch.StartNew();
    var campaign = await rig.StartCampaignAsync();
    using var finished = new CancellationTokenSource();
    var progress = ReportProgressAsync(teams, rig.Get<TenantPacer>().For(CampaignRig.TenantId), finished.Token);
    var result = await rig.RunAsync();
    campaignTime.Stop();
    await finished.CancelAsync();
    await progress;

    var deliveries = await rig.DeliveriesAsync(campaign.Id);
    var delivered = teams.Delivered;
    var sendingSpan = teams.LastDeliveredAt - teams.FirstDeliveredAt ?? TimeSpan.Zero;
    var effectiveRate = Math.Min(options.Rate, options.Limit);
    var floor = TimeSpan.FromSeconds(options.Channels / effectiveRate);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        Reminder campaign benchmark
          channels                {options.Channels} ({Math.Ceiling(options.Channels / (double)ChannelsPerTeam)} teams)
          bot ceiling             {options.Rate}/s (Bot:Pacing:RequestsPerSecond, per tenant; Teams allows 50/s)
          fake Teams limit        {options.Limit}/s with 429 Retry-After 1 s; {options.Errors:P1} of posts answered 503
          installing teams        {installing.Elapsed.TotalSeconds:0.0} s
          campaign (run result)   {campaignTime.Elapsed.TotalSeconds:0.0} s ({result}), of which first to last post {sendingSpan.TotalSeconds:0.0} s
          floor N / rate          {floor.TotalSeconds:0.0} s at {effectiveRate}/s  ->  sending took {sendingSpan / floor:0.00} x the floor
          429s answered           {teams.Throttled}
          5xx answered            {teams.ServerErrors}
          channels reached        {delivered.Count} of {options.Channels}
          lost                    {options.Channels - delivered.Count}
          duplicated              {delivered.Values.Sum(n => n - 1)}
          deliveries by status    {string.Join(", ", deliveries.GroupBy(d => d.Status).Select(g => $"{g.Key} {g.Count()}"))}
        """));
}

// Every 10 s: posts delivered and the tenant bucket's rate, to see how the pace follows the fake Teams' limit.
static async Task ReportProgressAsync(FakeTeams teams, TenantBucket bucket, CancellationToken finished)
{
    var clock = Stopwatch.StartNew();
    try
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), finished);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {clock.Elapsed.TotalSeconds,5:0} s  {teams.DeliveredTotal,5} delivered  {teams.Throttled,3} throttled  bucket {bucket.Rate:0.0}/s"));
        }
    }
    catch (OperationCanceledException)
    {
    }
}

internal sealed record BenchmarkOptions(int Channels, double Rate, int Limit, double Errors)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Channels: 5000, Rate: 50, Limit: 45, Errors: 0.01);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--channels" => options with { Channels = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--limit" => options with { Limit = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--errors" => options with { Errors = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --channels N --rate R --limit L --errors P"),
            };
        }
        return options;
    }
}
