using System.Net;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Welcome;

namespace TeamsPolicyBot.Tests.Hosting;

/// <summary>
/// Two instances of the bot on one set of tables, as App Service runs them when it scales out: each turn may reach
/// either, so nothing a conversation or a decision needs may live in one instance's memory.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string AgeMissing = "A former pupil sent me a friend request on Instagram. Can I accept it?";

    private static readonly IReadOnlyList<Staff> Approvers = [.. Enumerable.Range(1, 40).Select(i =>
        new Staff($"29:1approver{i:D2}Wq8Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2Aa", $"3b9e2f1c-7a4d-4e8b-b2c6-{i:D12}", $"Approver {i}"))];

    private readonly AzuriteFixture _azurite;
    private readonly string _tablePrefix = AzuriteFixture.UniqueTablePrefix();
    private readonly List<BotApp> _instances = [];
    private FakeConnector _connector = null!;

    public TwoInstancesTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _instances.Add(Instance());
        _instances.Add(Instance());
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task PostActivity_DialogStartedOnOneInstanceAnsweredOnTheOther_Continues()
    {
        var conversations = Enumerable.Range(0, 10).Select(_ => $"a:{Guid.NewGuid():N}").ToList();

        await Task.WhenAll(conversations.Select(async (conversation, i) =>
        {
            var asked = PromptCard.Read(Assert.Single(await SayAsync(_instances[i % 2], conversation, AgeMissing)));
            Assert.Contains("How old are they now?", asked.Texts);

            var answer = AnswerCard.Read(Assert.Single(await SayAsync(_instances[(i + 1) % 2], conversation, "19")));

            Assert.Equal("No", answer.Headline);
            Assert.Contains(AgeMissing, answer.Texts);
        }));
    }

    [Fact]
    public async Task Decide_FortyApproversAtOnceAcrossBothInstances_OneDecisionAndEveryCopyShowsIt()
    {
        var requestId = await SubmitAsync();
        await OutboxProbe.SettledAsync(Tables, TimeProvider.System);
        var copies = await new ApprovalCardStore(Tables).CopiesOfAsync(requestId, default);
        // Each approver's, and the requester's form that became the request.
        Assert.Equal(Approvers.Count + 1, copies.Count);

        var answers = await Task.WhenAll(Approvers.Select((approver, i) => InvokeAsync(_instances[i % 2], ApprovalVerbs.Decide,
            ApprovalsHost.Decision(requestId, i % 2 == 0 ? "approve" : "reject", $"comment {i}"), approver, $"a:{Guid.NewGuid():N}")));

        var stored = (await new ApprovalRequestStore(Tables).GetAsync(requestId, default))!.Request;
        var winner = Assert.Single(answers, a => (string?)a["type"] == "application/vnd.microsoft.card.adaptive");
        Assert.Contains($"You {stored.Status} this request.", CardJson.Text(winner["value"]));
        var expected = $"This request was already {stored.Status} by {stored.DecidedBy!.Name} on {ApprovalCards.When(stored.DecidedAt)}.";
        Assert.All(answers.Where(a => a != winner), loser => Assert.Equal(expected, (string?)loser["value"]));
        var audit = await new ApprovalAuditLog(Tables).EntriesForAsync(requestId, default);
        Assert.Single(audit, e => e.Action is AuditActions.Approved or AuditActions.Rejected);
        var outcome = $"{(stored.Status == ApprovalStatus.Approved ? "Approved" : "Rejected")} by {stored.DecidedBy.Name} on";
        await OutboxProbe.SettledAsync(Tables, TimeProvider.System);
        var shown = await LatestCardsAsync(copies);
        Assert.All(shown, card => Assert.Contains(outcome, card));
    }

    [Fact]
    public async Task PostActivity_InstallAnnouncedToEachInstanceAtOnce_WelcomesOnce()
    {
        var installation = TeamsPayloads.Load(TeamsPayloads.InstallationAdd, _connector.ServiceUrl);
        var conversation = TeamsPayloads.ConversationId(installation);
        var botAdded = TeamsPayloads.Load(TeamsPayloads.BotAddedToTeam, _connector.ServiceUrl, conversation);

        var responses = await Task.WhenAll(_instances[0].PostActivityAsync(installation), _instances[1].PostActivityAsync(botAdded));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        WelcomeCardAssert.IsWelcomeCard(Assert.Single(RequestsTo(conversation)).AttachmentContent);
    }

    private BotTables Tables => _azurite.CreateTables(_tablePrefix);

    private BotApp Instance() => new BotApp()
        .WithStorage(_azurite, _tablePrefix)
        .WithSetting("Policy:Pack", "fierte")
        .WithSetting("Approvals:Approvers", string.Join(',', Approvers.Select(a => a.AadObjectId)));

    private async Task<IReadOnlyList<RecordedRequest>> SayAsync(BotApp instance, string conversation, string text)
    {
        var before = RequestsTo(conversation).Count;
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, _connector.ServiceUrl, conversation);
        activity["text"] = text;
        activity["id"] = Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString();
        var response = await instance.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. RequestsTo(conversation).Skip(before)];
    }

    private List<RecordedRequest> RequestsTo(string conversation) =>
        [.. _connector.Requests.Where(r => Uri.UnescapeDataString(r.PathAndQuery).StartsWith($"/v3/conversations/{conversation}/", StringComparison.Ordinal))];

    private async Task<string> SubmitAsync()
    {
        var form = ApprovalsHost.GoodPost();
        form["plannedDate"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd");
        var body = await InvokeAsync(_instances[0], ApprovalVerbs.SubmitPost, form, ApprovalsHost.Requester, $"a:{Guid.NewGuid():N}");
        var id = (string?)body["value"]?["refresh"]?["action"]?["data"]?["requestId"];
        Assert.True(id is not null, $"the submission was not accepted: {body.ToJsonString()}");
        return id!;
    }

    private async Task<JsonNode> InvokeAsync(BotApp instance, string verb, JsonNode data, Staff from, string conversation)
    {
        var invoke = TeamsPayloads.Load(TeamsPayloads.CardAction, _connector.ServiceUrl, conversation);
        invoke["from"] = new JsonObject { ["id"] = from.TeamsId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        invoke["replyToId"] = $"1:{Guid.NewGuid():N}";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await instance.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The text of each copy's card as its latest update left it, once every copy has had one (they may follow the click).</summary>
    private async Task<IReadOnlyList<string>> LatestCardsAsync(IReadOnlyList<CardCopy> copies)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var updates = _connector.Requests.Where(r => r.Method == "PUT")
                .GroupBy(r => Uri.UnescapeDataString(r.PathAndQuery))
                .ToDictionary(g => g.Key, g => CardJson.Text(CardJson.Card(g.Last())));
            var latest = copies.Select(copy => updates.GetValueOrDefault($"/v3/conversations/{copy.ConversationId}/activities/{copy.ActivityId}")).ToList();
            if (latest.All(card => card is not null))
                return latest!;
            await Task.Delay(100, timeout.Token);
        }
    }
}
