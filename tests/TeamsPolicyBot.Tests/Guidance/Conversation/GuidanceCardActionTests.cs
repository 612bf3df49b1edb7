using Azure.Data.Tables;
using System.Text.Json;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

/// <summary>The answer card's buttons: "Tell … now" reaches the safeguarding contacts; "Was this right?" is counted once per person.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GuidanceCardActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ReportQuestion = "A former pupil who is 16 sent me a friend request on Facebook. Can I accept it?";
    private const string DslRole = "the designated senior leader for Child Protection";
    private const string Note = "Sent last night; I have not replied.";

    private GuidanceBotHost _host = null!;

    public async Task InitializeAsync() => _host = await GuidanceBotHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TellDsl_TwoContacts_SendsEachACardRecordsTheReportAndConfirmsWithTheTime()
    {
        var card = await AskAsync(ReportQuestion);

        var (body, sent) = await _host.PressAsync(card.ButtonFor(TellSafeguardingLeadAction.Verb), new Dictionary<string, string> { ["note"] = Note });

        var created = sent.Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/v3/conversations", StringComparison.Ordinal)).ToList();
        Assert.Equal([GuidanceBotHost.DslId, GuidanceBotHost.DeputyDslId], created.Select(r => r.Json["members"]![0]!["id"]!.GetValue<string>()));
        var alerts = sent.Where(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)).Select(AnswerCard.Read).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, alert =>
        {
            Assert.Contains("Sam Taylor", alert.Texts);
            Assert.Contains("Tuesday 4 March 2025 at 10:42", alert.Texts);
            Assert.Contains("friend-request", alert.Texts);
            Assert.Contains($"No, report to {DslRole}", alert.Texts);
            Assert.Contains(Note, alert.Texts);
        });

        var updated = UpdatedCard(body);
        Assert.Contains($"Sent to {DslRole} at 10:42.", updated.Texts);
        Assert.DoesNotContain(updated.Buttons, button => button.Verb == TellSafeguardingLeadAction.Verb);
        Assert.Equal("No", updated.Headline);

        var report = Assert.Single(await ReadAllAsync(SafeguardingReportStore.TableName));
        Assert.Equal("Sam Taylor", report.GetString("RaisedBy"));
        Assert.Equal(GuidanceBotHost.StaffAadObjectId, report.GetString("RaisedById"));
        Assert.Equal(_host.Time.GetUtcNow(), report.GetDateTimeOffset("RaisedAt"));
        Assert.Equal("friend-request", report.GetString("Topic"));
        Assert.Equal(Note, report.GetString("Note"));
        Assert.Equal($"{GuidanceBotHost.DslId},{GuidanceBotHost.DeputyDslId}", report.GetString("ContactsReached"));
        var deliveries = JsonSerializer.Deserialize<SafeguardingDelivery[]>(report.GetString("Deliveries")!, JsonSerializerOptions.Web)!;
        Assert.All(deliveries, delivery => Assert.Equal("Ok", delivery.Status));
    }

    [Fact]
    public async Task TellDsl_NoContactReachable_TellsStaffPlainlyToSpeakToTheLeadNow()
    {
        await using var host = await GuidanceBotHost.StartAsync(azurite, GuidanceBotHost.DslId);
        var card = AnswerCard.Read(Assert.Single(await host.SayAsync(ReportQuestion)));
        host.Connector.AnswerNext(403);

        var (body, _) = await host.PressAsync(card.ButtonFor(TellSafeguardingLeadAction.Verb));

        var updated = UpdatedCard(body);
        Assert.Contains($"I could not reach {DslRole} through Teams. Phone or speak to {DslRole} now.", updated.Texts);
        var report = Assert.Single(await ReadAllAsync(SafeguardingReportStore.TableName, host));
        Assert.Equal("", report.GetString("ContactsReached"));
        Assert.Contains("BotRemoved", report.GetString("Deliveries"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TellDsl_OneOfTwoContactsUnreachable_SaysHowManyWereReached()
    {
        var card = await AskAsync(ReportQuestion);
        _host.Connector.AnswerNext(403);

        var (body, _) = await _host.PressAsync(card.ButtonFor(TellSafeguardingLeadAction.Verb));

        Assert.Contains($"Sent to {DslRole} at 10:42 (1 of 2 contacts reached).", UpdatedCard(body).Texts);
    }

    [Fact]
    public async Task TellDsl_StorageDownAfterSending_StillConfirmsToStaff()
    {
        var card = await AskAsync(ReportQuestion);
        await _host.RestartAsync(storageDown: true);

        var (body, sent) = await _host.PressAsync(card.ButtonFor(TellSafeguardingLeadAction.Verb));

        Assert.Equal(2, sent.Count(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains($"Sent to {DslRole} at 10:42.", UpdatedCard(body).Texts);
    }

    [Fact]
    public async Task Feedback_ForgedDocumentLink_RedrawnWithThePacksOwn()
    {
        var card = await AskAsync(ReportQuestion);
        var button = card.ButtonFor(GuidanceFeedbackAction.Verb, "Yes");
        var data = System.Text.Json.Nodes.JsonNode.Parse(button.Data.GetRawText())!;
        data["answer"]!["document"]!["link"] = "https://phish.example/login";
        var forged = button with { Data = JsonSerializer.SerializeToElement(data) };

        var (body, _) = await _host.PressAsync(forged);

        Assert.DoesNotContain("phish.example", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCard_NoContactsConfigured_SaysWhomToSpeakToInsteadOfTheButton()
    {
        await using var host = await GuidanceBotHost.StartAsync(azurite, contacts: "");

        var card = AnswerCard.Read(Assert.Single(await host.SayAsync(ReportQuestion)));

        Assert.DoesNotContain(card.Buttons, button => button.Verb == TellSafeguardingLeadAction.Verb);
        Assert.Contains($"Speak to {DslRole} now, in person or by phone.", card.Texts);
    }

    [Fact]
    public async Task Feedback_FirstVote_StoredPerPackAndTopicAndCardSaysThanks()
    {
        var card = await AskAsync(ReportQuestion);

        var (body, _) = await _host.PressAsync(card.ButtonFor(GuidanceFeedbackAction.Verb, "Yes"));

        var updated = UpdatedCard(body);
        Assert.Contains(GuidanceFeedbackAction.ThanksText, updated.Texts);
        Assert.DoesNotContain(updated.Buttons, button => button.Verb == GuidanceFeedbackAction.Verb);
        Assert.Equal([new FeedbackCount("friend-request", 1, 0)], await CountsAsync());
    }

    [Fact]
    public async Task Feedback_SecondVoteOnTheSameAnswer_RefusedAndNotCounted()
    {
        var card = await AskAsync(ReportQuestion);
        await _host.PressAsync(card.ButtonFor(GuidanceFeedbackAction.Verb, "Yes"));

        var (body, _) = await _host.PressAsync(card.ButtonFor(GuidanceFeedbackAction.Verb, "No"));

        Assert.Contains(GuidanceFeedbackAction.AlreadyVotedText, UpdatedCard(body).Texts);
        Assert.Equal([new FeedbackCount("friend-request", 1, 0)], await CountsAsync());
    }

    [Fact]
    public async Task Feedback_AnotherPersonOnTheSameAnswer_Counted()
    {
        var card = await AskAsync(ReportQuestion);
        await _host.PressAsync(card.ButtonFor(GuidanceFeedbackAction.Verb, "Yes"));

        await _host.PressAsync(card.ButtonFor(GuidanceFeedbackAction.Verb, "No"), fromAadObjectId: "1a2b3c4d-0000-4000-8000-000000000001");

        Assert.Equal([new FeedbackCount("friend-request", 1, 1)], await CountsAsync());
    }

    [Fact]
    public async Task FeedbackSummary_PolicyLeadAfterVotes_ListsCountsPerTopic()
    {
        var card = await AskAsync(ReportQuestion);
        await _host.PressAsync(card.ButtonFor(GuidanceFeedbackAction.Verb, "No"));

        var reply = Assert.Single(await _host.SayAsync("Feedback summary"));

        Assert.Equal(
            "\"Was this right?\" for the fierte pack, by topic:\n\n- friend-request: 0 yes, 1 no\n\nNobody has asked the policy lead a question yet.",
            reply.Text);
    }

    [Fact]
    public async Task FeedbackSummary_NotAPolicyLead_Refused()
    {
        await using var host = await GuidanceBotHost.StartAsync(azurite, feedbackReaders: GuidanceBotHost.DslId);

        var reply = Assert.Single(await host.SayAsync("feedback summary"));

        Assert.Equal(FeedbackSummaryCommand.NotAllowedText, reply.Text);
    }

    [Fact]
    public async Task Feedback_ButtonDataNotFromAnAnswerCard_AnsweredWithBadRequest()
    {
        var forged = new AnswerCard.Button("Yes", GuidanceFeedbackAction.Verb, JsonSerializer.SerializeToElement(new { helpful = true }));

        var (body, _) = await _host.PressAsync(forged);

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
    }

    private async Task<AnswerCard> AskAsync(string question) => AnswerCard.Read(Assert.Single(await _host.SayAsync(question)));

    private static AnswerCard UpdatedCard(System.Text.Json.Nodes.JsonObject body)
    {
        Assert.True(200 == body["statusCode"]!.GetValue<int>(), body.ToJsonString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return AnswerCard.Read(JsonSerializer.SerializeToElement(body["value"]));
    }

    private async Task<IReadOnlyList<FeedbackCount>> CountsAsync() =>
        await new GuidanceFeedbackStore(_host.Tables, TimeProvider.System).CountsAsync("fierte", default);

    private async Task<List<TableEntity>> ReadAllAsync(string table, GuidanceBotHost? host = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in (host ?? _host).Table(table).QueryAsync<TableEntity>())
            rows.Add(row);
        return rows;
    }
}
