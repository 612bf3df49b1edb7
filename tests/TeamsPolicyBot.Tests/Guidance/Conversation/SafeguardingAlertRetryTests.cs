using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

/// <summary>A safeguarding alert Teams will not take is retried by the outbox, and never given up on silently.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SafeguardingAlertRetryTests(AzuriteFixture azurite)
{
    private const string ReportQuestion = "A former pupil who is 16 sent me a friend request on Facebook. Can I accept it?";
    private const string DslRole = "the designated senior leader for Child Protection";
    private const string Note = "Sent last night; I have not replied.";

    [Fact]
    public async Task TellDsl_TeamsFailsEveryTry_RetriedThenLoggedAsAnErrorAndTheSenderToldToPhone()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await GuidanceBotHost.StartAsync(azurite, GuidanceBotHost.DslId,
            settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.100" },
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var card = AnswerCard.Read(Assert.Single(await host.SayAsync(ReportQuestion)));
        host.Connector.Failing = request => request.Body.Contains(GuidanceBotHost.DslId, StringComparison.Ordinal) ? 503 : null;

        var (body, _) = await host.PressAsync(card.ButtonFor(TellSafeguardingLeadAction.Verb), new Dictionary<string, string> { ["note"] = Note });

        Assert.Contains(
            $"Teams didn't take the alert for {DslRole} just now. I'm still trying and will tell you here if it can't get through. If it's urgent, phone or speak to {DslRole} now.",
            AnswerCard.Read(JsonSerializer.SerializeToElement(body["value"])).Texts);
        var alertTries = CreatedChatsWith(host, GuidanceBotHost.DslId);

        // Outbox:UrgentMaxAttempts (4) tries in all, each after a longer wait.
        while ((await OutboxProbe.RowsAsync(host.Tables)).Single() is var row && row.GetString("State") != "gaveUp")
        {
            if (row.GetBoolean("Claimed") == false && row.GetDateTimeOffset("DueAt") is { } due && due > host.Time.GetUtcNow())
                host.Time.Advance(due - host.Time.GetUtcNow());
            await Task.Delay(50);
        }
        await OutboxProbe.SettledAsync(host.Tables, host.Time);

        Assert.True(CreatedChatsWith(host, GuidanceBotHost.DslId) > alertTries, "the alert was tried again");
        var toSender = host.Connector.Requests.SkipWhile(r => !(r.Method == "POST" && r.PathAndQuery == "/v3/conversations"
            && r.Body.Contains(GuidanceBotHost.StaffAadObjectId, StringComparison.Ordinal))).ToList();
        var told = Assert.Single(toSender, r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Equal($"Your safeguarding alert from 10:42 could not reach {DslRole} through Teams, even after trying again. Please phone or speak to {DslRole} directly now.", told.Text);

        var error = Assert.Single(logs.Logs, log => log.Level == LogLevel.Error && log.Category.EndsWith(nameof(SafeguardingAlertFollowUp), StringComparison.Ordinal));
        Assert.Contains("could not be delivered", error.Message, StringComparison.Ordinal);
        Assert.All(logs.Logs, log =>
        {
            Assert.DoesNotContain("Sam Taylor", log.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Note, log.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("former pupil", log.Message, StringComparison.Ordinal);
        });
        var given = Assert.Single(await OutboxProbe.RowsAsync(host.Tables));
        Assert.Equal(4, given.GetInt32("Attempts"));
        Assert.Empty(given.GetBinary("Body"));
    }

    private static int CreatedChatsWith(GuidanceBotHost host, string aadObjectId) => host.Connector.Requests.Count(r =>
        r.Method == "POST" && r.PathAndQuery == "/v3/conversations" && r.Body.Contains(aadObjectId, StringComparison.Ordinal));
}
