using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// Load with something breaking underneath: storage stopped for 10 s, the connector refusing with 429 and 500
/// storms, the bot killed (SIGKILL) with a post request awaiting its decision. Each prints what users saw.
/// </summary>
public static class FaultRuns
{
    private const string StorageApology = "reach my storage just now";
    private const int Rate = 50;

    /// <summary>Azurite stopped 8 s into a 30 s run and started again (empty, as in-memory) 10 s later.</summary>
    public static async Task StorageOutageAsync(TestBed bed, IReadOnlyList<string> questions)
    {
        Console.WriteLine($"Storage outage: {Rate} turns/s for 30 s; Azurite stopped at 8 s, back at 18 s");
        using var driver = bed.Driver(bed.Ours, questions);
        using var health = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var started = Stopwatch.GetTimestamp();
        var healthChecks = new List<(TimeSpan At, int Status)>();
        using var stopHealth = new CancellationTokenSource();
        var polling = Task.Run(async () =>
        {
            while (!stopHealth.IsCancellationRequested)
            {
                var at = Stopwatch.GetElapsedTime(started);
                int status;
                try
                {
                    using var response = await health.GetAsync(new Uri(bed.Ours.Address, "healthz"));
                    status = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }
                lock (healthChecks)
                    healthChecks.Add((at, status));
                await Task.Delay(500);
            }
        });
        var outage = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
            bed.Azurite.Stop();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await bed.Azurite.RestartAsync(bed.RepositoryRoot);
        });

        var run = await driver.OpenLoopAsync(50, Rate, TimeSpan.FromSeconds(30));
        await outage;
        await stopHealth.CancelAsync();
        await polling;

        var answered = run.Turns.Count(t => t.Reply?.IsGuidanceAnswer == true);
        var apologies = run.Turns.Count(t => t.Reply?.Contains(StorageApology) == true);
        var lastFive = run.Turns.Skip(run.Turns.Count - 5 * Rate).ToList();
        Console.WriteLine($"  turns {run.Turns.Count}: answered {answered}, told politely to try again {apologies}, other {run.Turns.Count - answered - apologies - run.Unanswered}, unanswered {run.Unanswered}");
        Console.WriteLine($"  HTTP 5xx or no answer from /api/messages: {run.ServerErrors}");
        if (run.Turns.FirstOrDefault(t => t.Reply is { IsGuidanceAnswer: false } reply && !reply.Contains(StorageApology)) is { Reply: { } other })
            Console.WriteLine($"  an 'other' reply: {other.Body[..Math.Min(300, other.Body.Length)]}");
        string During(Func<TimeSpan, bool> window) => string.Join(", ", healthChecks.Where(h => window(h.At)).GroupBy(h => h.Status).Select(g => $"{g.Key}×{g.Count()}"));
        Console.WriteLine($"  /healthz while stopped (9-18 s): {During(at => at > TimeSpan.FromSeconds(9) && at < TimeSpan.FromSeconds(18))}; after (21 s on): {During(at => at > TimeSpan.FromSeconds(21))}");
        Console.WriteLine($"  last 5 s, after recovery without a restart: {lastFive.Count(t => t.Reply?.IsGuidanceAnswer == true)} of {lastFive.Count} answered");
    }

    /// <summary>The connector answers every request with 429 (Retry-After: 1) for 4 s, later with 500 for 4 s.</summary>
    public static async Task ConnectorStormAsync(TestBed bed, IReadOnlyList<string> questions)
    {
        Console.WriteLine($"Connector storms: {Rate} turns/s for 30 s; every post refused with 429 at 5-9 s and with 500 at 17-21 s");
        using var driver = bed.Driver(bed.Ours, questions);
        var storms = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            bed.Connector.Storm(429, TimeSpan.FromSeconds(4));
            // Far enough apart that the first storm's last retries (up to 1 + 2 + 4 s later) do not meet the second.
            await Task.Delay(TimeSpan.FromSeconds(12));
            bed.Connector.Storm(500, TimeSpan.FromSeconds(4));
        });
        var run = await driver.OpenLoopAsync(50, Rate, TimeSpan.FromSeconds(30));
        await storms;
        Console.WriteLine($"  turns {run.Turns.Count}: replies delivered {run.Turns.Count - run.Unanswered}, lost {run.Unanswered}, delivered twice {bed.Connector.Duplicates}");
        Console.WriteLine($"  posts refused by the storms (and retried by the bot): {bed.Connector.Refused}; HTTP 5xx from /api/messages: {run.ServerErrors}");
        var lostBySecond = run.Turns.Select((turn, i) => (turn, Second: i / Rate)).Where(t => t.turn.Reply is null).GroupBy(t => t.Second);
        Console.WriteLine($"  lost, by the second the turn was sent: {string.Join(", ", lostBySecond.Select(g => $"{g.Key} s: {g.Count()}"))}");
        Console.WriteLine($"  latency of delivered replies: p50 {run.Percentile(50):0} ms, p99 {run.Percentile(99):0} ms, max {run.Percentile(100):0} ms");

        // A reply Teams refused through every retry is kept in the outbox and tried again later (Outbox:FirstRetryAfter, 30 s).
        var waited = Stopwatch.StartNew();
        while (bed.Connector.LateReplies < run.Unanswered && waited.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(500);
        Console.WriteLine($"  of the {run.Unanswered} not delivered within the driver's {LoadDriver.ReplyTimeout.TotalSeconds:0} s: delivered later by the outbox {bed.Connector.LateReplies} (waited {waited.Elapsed.TotalSeconds:0} s more); delivered twice {bed.Connector.Duplicates}");
    }

    /// <summary>A post request submitted, the bot killed at once with SIGKILL, started again on the same Azurite, then decided.</summary>
    public static async Task KillMidApprovalAsync(TestBed bed)
    {
        Console.WriteLine("Kill mid-approval: submit a post request, kill -9 the bot, start it again, the approver decides");
        const string requester = "6f1c3e2a-9b8d-4c7e-a1f0-5d4b3c2a1e0f";
        var conversation = $"a:kill-{Guid.NewGuid():N}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var submitted = await InvokeAsync(http, bed, bed.Activities.CardAction(conversation, requester, ApprovalVerbs.SubmitPost, LoadActivities.PostForm()));
        var requestId = (string?)submitted?["value"]?["refresh"]?["action"]?["data"]?["requestId"];
        if (requestId is null)
        {
            Console.WriteLine($"  FAILED: the submission was not accepted: {submitted?.ToJsonString()}");
            return;
        }
        var killedPid = bed.Ours.Id;
        bed.Ours.Kill();
        Console.WriteLine($"  request {requestId} submitted; bot (pid {killedPid}) killed with SIGKILL");

        await bed.RestartOursAsync();
        var store = new ApprovalRequestStore(new BotTables(new TableServiceClient(bed.Azurite.ConnectionString, TableClientDefaults.Create())));
        var afterRestart = await store.GetAsync(requestId, CancellationToken.None);
        Console.WriteLine($"  after restart (pid {bed.Ours.Id}): request {(afterRestart is null ? "LOST" : $"found, {afterRestart.Request.Status}")}");

        var decision = new JsonObject { ["requestId"] = requestId, ["decision"] = "approve", ["comment"] = "" };
        var decided = await InvokeAsync(http, bed, bed.Activities.CardAction($"a:approver-{Guid.NewGuid():N}", LoadActivities.ApproverAadObjectId, ApprovalVerbs.Decide, decision));
        var stored = await store.GetAsync(requestId, CancellationToken.None);
        Console.WriteLine($"  approver's decision answered {(int?)decided?["statusCode"]} ({decided?["type"]}); stored status now {stored?.Request.Status ?? "LOST"}");
    }

    private static async Task<JsonNode?> InvokeAsync(HttpClient http, TestBed bed, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(bed.Ours.MessagesUrl, content);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
