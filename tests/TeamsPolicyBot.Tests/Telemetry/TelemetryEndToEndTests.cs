using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Telemetry;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Telemetry;

/// <summary>
/// The bot in production mode with telemetry on (an OTLP collector on 127.0.0.1, plus the in-memory exporters),
/// driven through real turns that carry a pupil's name, staff names, a note, a post, a comment and real tokens: the
/// spans and metrics an IT lead needs are exported, and none of those texts, tokens or conversation ids reaches any
/// span, log record or metric.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class TelemetryEndToEndTests(AzuriteFixture azurite)
{
    private const string AppId = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";
    private const string PupilName = "Marigold Featherstonehaugh";
    private const string Question = $"A former pupil who is 16, {PupilName}, sent me a friend request on Facebook. Can I accept it?";
    private const string Note = "She wrote again from Wrenfield Lodge last night";
    private const string PostText = "Congratulations to Octavia Brimblecombe on her county chess title!";
    private const string Comment = "Lovely, but check Brimblecombe photo consent first";
    private const string ClientSecret = "client-secret-Q7vX2pLm9RtZ";
    private const string OutgoingToken = "outgoing-token-W4kN8sJd3HyB";
    private const string DslId = "0b6f3c1e-7a2d-4e9b-8c5f-1d2e3f4a5b6c";
    private const string DeputyDslId = "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b";
    private static readonly Staff Member = new("29:1Perpetua0Quill7Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2Zq", "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c", "Perpetua Quillfeather");
    private static readonly Staff Approver = new("29:1Thaddeus0Wimble7Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2Yw", "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5e", "Thaddeus Wimbleworth");
    private static readonly TimeSpan ApproverTook = TimeSpan.FromHours(3);

    private readonly string _chatId = $"a:1{Guid.NewGuid():N}";
    private readonly string _teamId = $"19:{Guid.NewGuid():N}@thread.tacv2";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Turns_TelemetryOn_ExportRequestsCallsAndMetricsButNoTextNameTokenOrConversationId()
    {
        await using var identity = await FakeConnectorIdentity.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var collector = await FakeCollector.StartAsync();
        var telemetry = new TelemetryCapture();
        var bot = Bot(identity, connector, collector, telemetry);
        var tokens = new List<string>();
        string Token()
        {
            tokens.Add(identity.CreateToken(new TokenSpec(AppId, connector.ServiceUrl.ToString())));
            return tokens[^1];
        }

        // A guidance question naming a pupil; the answer says to report, and "Tell … now" reaches one of two contacts.
        var question = Message(connector, Question);
        var asked = await bot.PostActivityAsync(question, Token());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var answer = AnswerCard.Read(Assert.Single(await connector.WaitForRequestsAsync(1)));
        var tell = answer.ButtonFor(TellSafeguardingLeadAction.Verb);
        connector.AnswerNext(StatusCodes.Status403Forbidden);
        var data = JsonNode.Parse(tell.Data.GetRawText())!.AsObject();
        data["note"] = Note;
        await InvokeAsync(bot, connector, Token(), tell.Verb, data, Member);

        // A body the bot cannot read, with the name where a date belongs: refused, and the parse error logged.
        var garbled = Message(connector, Question);
        garbled["timestamp"] = PupilName;
        Assert.Equal(HttpStatusCode.BadRequest, (await bot.PostActivityAsync(garbled, Token())).StatusCode);

        // A post request, approved three hours later with a comment.
        var submitted = await InvokeAsync(bot, connector, Token(), ApprovalVerbs.SubmitPost, ApprovalsHost.GoodPost(PostText), Member);
        var requestId = submitted["value"]!["refresh"]!["action"]!["data"]!["requestId"]!.GetValue<string>();
        _time.Advance(ApproverTook);
        await InvokeAsync(bot, connector, Token(), ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve", Comment), Approver);

        // The bot installed in a team, the year's reminder posted there, and acknowledged (pressed twice: counted once).
        var installed = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, connector.ServiceUrl, _teamId);
        installed["channelData"]!["team"]!["id"] = _teamId;
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(installed, Token())).StatusCode);
        var campaignId = (await bot.Services.GetRequiredService<CampaignStarter>().StartAsync("admin", default)).Campaign.Id;
        await WaitForReminderAsync(connector);
        for (var press = 0; press < 2; press++)
        {
            await InvokeAsync(bot, connector, Token(), ReminderCard.AcknowledgeVerb, new JsonObject { ["campaignId"] = campaignId }, Member,
                conversationId: _teamId);
        }

        var expectedAnswer = bot.Services.GetRequiredService<GuidanceEngine>().Answer(Question, new Dictionary<string, string>());
        // Exported now, with no time limit: the exports at shutdown share one, which a slow machine can use up.
        Assert.True(bot.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(bot.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(bot.Services.GetRequiredService<LoggerProvider>().ForceFlush());
        await bot.DisposeAsync();

        // The texts really went through the bot: Teams got them in cards, so their absence below means something.
        var sentToTeams = string.Join("\n", connector.Requests.Select(request => request.Body));
        Assert.Contains(Member.Name, sentToTeams);
        Assert.Contains(Note, sentToTeams);
        Assert.Contains(PostText, sentToTeams);
        Assert.Contains(PupilName, sentToTeams);

        // The question's request: its server span, the reply to Teams and the table calls, in one trace.
        var traceId = Assert.Single(asked.Headers.GetValues(TurnLogScope.CorrelationHeader));
        var trace = telemetry.Spans.Where(span => span.TraceId.ToHexString() == traceId).ToList();
        Assert.Contains(trace, span => span.Kind == ActivityKind.Server && (string?)span.GetTagItem("http.route") == "/api/messages");
        var reply = Assert.Single(trace, span => span.Kind == ActivityKind.Client && (string?)span.GetTagItem("server.address") == connector.ServiceUrl.Host
            && (int?)span.GetTagItem("server.port") == connector.ServiceUrl.Port);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/v3/conversations/\{id\}/activities(/\{id\})?$", (string?)reply.GetTagItem("url.full"));
        var tableCalls = trace.Where(span => span.Source.Name == "Azure.Core.Http").ToList();
        Assert.NotEmpty(tableCalls);
        Assert.All(tableCalls, call => Assert.Matches(@"^http://127\.0\.0\.1:\d+/devstoreaccount1/\w+(\((…)?\))?$", (string?)call.GetTagItem("url.full")));

        // What an IT lead charts.
        var answered = Assert.Single(telemetry.Points("policybot.guidance.answers"));
        Assert.Equal(1, answered.Point.GetSumLong());
        Assert.Equal(new Dictionary<string, string>
        {
            ["pack"] = "fierte",
            ["topic"] = expectedAnswer.Topic!,
            ["verdict"] = expectedAnswer.Verdict!,
            ["report_to"] = "safeguardingLead",
        }, answered.Tags);
        var raised = Assert.Single(telemetry.Points("policybot.guidance.reports_raised"));
        Assert.Equal((1, "fierte", "safeguardingLead"), (raised.Point.GetSumLong(), raised.Tags["pack"], raised.Tags["role"]));
        Assert.Equal(new Dictionary<string, long> { ["sent"] = 1, ["failed"] = 1 }, Sums(telemetry, "policybot.safeguarding.alerts", "outcome"));
        Assert.Equal(new Dictionary<string, long> { ["post"] = 1 }, Sums(telemetry, "policybot.approvals.submitted", "kind"));
        Assert.Equal(new Dictionary<string, long> { ["approved"] = 1 }, Sums(telemetry, "policybot.approvals.decided", "outcome"));
        var decision = Assert.Single(telemetry.Points("policybot.approvals.time_to_decision"));
        Assert.Equal((1, ApproverTook.TotalSeconds), (decision.Point.GetHistogramCount(), decision.Point.GetHistogramSum()));
        Assert.Equal(new Dictionary<string, long> { ["delivered"] = 1 }, Sums(telemetry, "policybot.reminders.deliveries", "outcome"));
        var acknowledged = Assert.Single(telemetry.Points("policybot.reminders.acknowledged"));
        Assert.Equal((1, campaignId), (acknowledged.Point.GetSumLong(), acknowledged.Tags["campaign"]));

        // Logs carry the turn's scope (so scopes are exported, and checked below).
        Assert.Contains(telemetry.Logs, log => HasScope(log, "ConversationHash", TurnLogScope.HashConversationId(_chatId)));

        // The collector got all three signals over OTLP.
        Assert.Superset(new HashSet<string> { "/v1/traces", "/v1/metrics", "/v1/logs" }, collector.Paths);

        string[] secrets =
        [
            PupilName, "Featherstonehaugh", Question, Member.Name, Approver.Name, Note, PostText, "Brimblecombe", Comment,
            ClientSecret, OutgoingToken, _chatId, Uri.EscapeDataString(_chatId), _teamId, Uri.EscapeDataString(_teamId),
            Member.AadObjectId, Approver.AadObjectId, Member.TeamsId,
            .. tokens, .. tokens.Select(token => token.Split('.')[2]),
        ];
        var exported = string.Join("\n", telemetry.Texts()) + "\n" + collector.Text;
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, exported));
    }

    private BotApp Bot(FakeConnectorIdentity identity, FakeConnector connector, FakeCollector collector, TelemetryCapture telemetry)
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken(OutgoingToken, DateTimeOffset.UtcNow.AddHours(1)));
        return new BotApp()
            .WithSetting("Bot:AppId", AppId)
            .WithSetting("Bot:TenantId", TeamsPayloads.TenantId)
            .WithSetting("Bot:ClientSecret", ClientSecret)
            .WithSetting("Bot:OpenIdMetadataUrl", identity.MetadataUrl.ToString())
            .WithSetting("Bot:AllowedTenants", TeamsPayloads.TenantId)
            .WithStorage(azurite, AzuriteFixture.UniqueTablePrefix())
            .WithSetting("Policy:Pack", "fierte")
            .WithSetting("Safeguarding:Contacts", $"{DslId},{DeputyDslId}")
            .WithSetting("Approvals:Approvers", Approver.AadObjectId)
            .WithSetting("Reminders:StartOnReminderDate", "false")
            .WithSetting(TelemetryExtensions.OtlpSetting, collector.Endpoint.ToString())
            .WithSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            // Everything any library would log, so that every log line is checked.
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithServices(services =>
            {
                services.AddSingleton(credential.Object);
                services.AddSingleton<TimeProvider>(_time);
                telemetry.AddTo(services);
            });
    }

    private JsonObject Message(FakeConnector connector, string text)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl, _chatId);
        activity["text"] = text;
        activity["from"] = From(Member);
        return activity;
    }

    private async Task<JsonNode> InvokeAsync(
        BotApp bot, FakeConnector connector, string token, string verb, JsonObject data, Staff from, string? conversationId = null)
    {
        var invoke = TeamsPayloads.Load(TeamsPayloads.CardAction, connector.ServiceUrl, conversationId ?? _chatId);
        invoke["from"] = From(from);
        invoke["replyToId"] = "1741165301245";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await bot.PostActivityAsync(invoke, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
        return body;
    }

    private async Task WaitForReminderAsync(FakeConnector connector)
    {
        var posted = $"/v3/conversations/{Uri.EscapeDataString(_teamId)}/activities";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!connector.Requests.Any(request => request.PathAndQuery == posted
            && request.Body.Contains(ReminderCard.AcknowledgeVerb, StringComparison.Ordinal)))
            await Task.Delay(50, timeout.Token);
    }

    private static JsonObject From(Staff staff) => new() { ["id"] = staff.TeamsId, ["name"] = staff.Name, ["aadObjectId"] = staff.AadObjectId };

    private static Dictionary<string, long> Sums(TelemetryCapture telemetry, string metric, string tag) =>
        telemetry.Points(metric).ToDictionary(point => point.Tags[tag], point => point.Point.GetSumLong());

    private static bool HasScope(LogRecord log, string name, string value)
    {
        var found = false;
        log.ForEachScope((scope, _) => found |= TelemetryCapture.Values(scope).Any(pair => pair.Key == name && pair.Value as string == value), (object?)null);
        return found;
    }
}
