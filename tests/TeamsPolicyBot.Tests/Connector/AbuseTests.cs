using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>
/// Mutated Teams payloads thrown at /api/messages of the whole bot (storage in Azurite, replies to a fake connector):
/// bad input gets a 4xx and never a 5xx or a failed turn, and the bot still answers afterwards. The tenant allow-list
/// is tested in <see cref="MessagesEndpointTests"/>; user text shown literally in cards in
/// CardConformanceTests (every card), ApprovalWorkflowTests (an approval post) and GuidanceConversationTests (a question).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AbuseTests(AzuriteFixture azurite)
{
    private const int Seed = 20261121;
    private const int Mutations = 10_000;

    [Fact]
    public async Task PostActivity_TenThousandMutatedPayloads_NeverFailsAndStillAnswersHelp()
    {
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var bot = new BotApp()
            .WithStorage(azurite, AzuriteFixture.UniqueTablePrefix())
            .WithSetting("Logging:LogLevel:Default", "Warning")
            .WithSetting("Logging:Console:LogLevel:Default", "None")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var payloads = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Connector", "Payloads"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => TeamsPayloads.Load(Path.GetFileNameWithoutExtension(path), connector.ServiceUrl))
            .ToArray();
        var client = bot.CreateClient();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Mutations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            // Each case has its own seed, so one failure reproduces on its own.
            var random = new Random(Seed + i);
            var payload = payloads[random.Next(payloads.Length)];
            payload = (JsonObject)payload.DeepClone();
            payload["conversation"]!["id"] = $"a:abuse-{i}";
            var (body, description) = new ActivityMutator(random).Mutate(payload);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/messages", content, cancellationToken);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            // 501 is the designed answer to an invoke no handler takes (architecture.md), not a failure.
            if (status >= 500 && status != (int)HttpStatusCode.NotImplemented)
                failures.Add($"case {i} (seed {Seed + i}): {status} after {description}");
        });

        var help = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        help["text"] = "help";
        var before = connector.Requests.Count;
        var helped = await bot.PostActivityAsync(help);

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        var turnErrors = logs.Logs.Where(log => log.Level >= LogLevel.Error).Select(log => $"{log.Message} {log.Exception}").Distinct().Take(5).ToList();
        Assert.True(turnErrors.Count == 0, string.Join("\n", turnErrors));
        // The mutations reach every gate: refused as malformed, refused as too large, and let through to a turn.
        var seen = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        Assert.True(statuses.ContainsKey(400) && statuses.ContainsKey(413) && statuses.ContainsKey(200), seen);
        Assert.Equal(HttpStatusCode.OK, helped.StatusCode);
        var helpConversation = Uri.EscapeDataString(TeamsPayloads.ConversationId(help));
        Assert.Contains(connector.Requests.Skip(before), request => request.PathAndQuery.Contains(helpConversation, StringComparison.Ordinal));
    }
}
