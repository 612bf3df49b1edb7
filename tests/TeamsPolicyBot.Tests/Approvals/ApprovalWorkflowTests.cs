using System.Text.Json.Nodes;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>Post approval end to end over /api/messages: request, pre-check, approvers' cards, decision, updates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApprovalWorkflowTests(AzuriteFixture azurite) : ApprovalsHostTests(azurite)
{
    [Fact]
    public async Task Approve_HappyPath_EveryCardCopyUpdatedAndRequesterTold()
    {
        var form = Assert.Single(await Host.SayAsync("request a post"));
        Assert.Equal([ApprovalVerbs.SubmitPost], CardJson.Verbs(CardJson.Card(form)));

        var before = Host.Connector.Requests.Count;
        var requestId = await Host.SubmitAsync();
        var toApprovers = Host.Connector.Requests.Skip(before).ToList();
        // One 1:1 chat opened and one card posted per approver.
        Assert.Equal(2, toApprovers.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("v3/conversations", StringComparison.Ordinal)));
        var approverCards = toApprovers.Where(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, approverCards.Count);
        Assert.All(approverCards, card => Assert.Contains("Well done to Year 5", CardJson.Text(CardJson.Card(card))));
        Assert.All(approverCards, card => Assert.Equal(
            [ApprovalCards.UserMri(Jo.AadObjectId), ApprovalCards.UserMri(Priya.AadObjectId)],
            CardJson.Card(card)["refresh"]!["userIds"]!.AsArray().Select(id => (string)id!).Order()));

        var joView = await Host.InvokeAsync(ApprovalVerbs.Refresh, new JsonObject { ["requestId"] = requestId }, Jo, trigger: "automatic");
        Assert.Equal([ApprovalVerbs.Decide, ApprovalVerbs.Decide], CardJson.Verbs(joView["value"]));

        before = Host.Connector.Requests.Count;
        var decided = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve", "Lovely, post it at 4pm."), Jo);

        Assert.Contains("You approved this request.", CardJson.Text(decided["value"]));
        var after = Host.Connector.Requests.Skip(before).ToList();
        var updates = after.Where(r => r.Method == "PUT").ToList();
        // Both approvers' copies and the requester's own card.
        Assert.Equal(3, updates.Count);
        Assert.All(updates, update => Assert.Contains("Approved by Jo Bloggs", CardJson.Text(CardJson.Card(update))));
        Assert.All(updates, update => Assert.Empty(CardJson.Verbs(CardJson.Card(update))));
        Assert.Contains(updates, u => u.PathAndQuery.EndsWith("/activities/1741165301245", StringComparison.Ordinal));
        var told = Assert.Single(after, r => r.Method == "POST" && r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Equal("Your request was approved.", told.Text);
        Assert.Contains("Lovely, post it at 4pm.", CardJson.Text(CardJson.Card(told)));
        var stored = await Host.StoredAsync(requestId);
        Assert.Equal(ApprovalStatus.Approved, stored.Status);
        Assert.Equal(Jo.AadObjectId, stored.DecidedBy!.Id);
        var audit = await new ApprovalAuditLog(Host.Tables).EntriesForAsync(requestId, CancellationToken.None);
        Assert.Equal(
            [(AuditActions.Requested, Requester.AadObjectId, Host.ChatId), (AuditActions.Approved, Jo.AadObjectId, Host.ChatId)],
            audit.Select(e => (e.Action, e.ActorId, e.ConversationId!)));
    }

    [Fact]
    public async Task Submit_OneApproverUnreachable_OthersStillGetTheCardAndTheirCopyIsUpdated()
    {
        Host.Connector.AnswerNext(403);
        var requestId = await Host.SubmitAsync();

        var before = Host.Connector.Requests.Count;
        await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Jo);

        // The approver who got the card, and the requester's own card.
        Assert.Equal(2, Host.Connector.Requests.Skip(before).Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task Decide_NotAnApprover_RefusedAndNothingChanges()
    {
        var requestId = await Host.SubmitAsync();

        var body = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Colleague);

        Assert.Equal("Only approvers can approve or reject requests.", (string?)body["value"]);
        Assert.Equal(ApprovalStatus.Pending, (await Host.StoredAsync(requestId)).Status);
        var view = await Host.InvokeAsync(ApprovalVerbs.Refresh, new JsonObject { ["requestId"] = requestId }, Colleague, trigger: "automatic");
        Assert.Empty(CardJson.Verbs(view["value"]));
    }

    [Fact]
    public async Task Decide_RequesterIsAlsoAnApprover_CannotApproveOwnRequest()
    {
        await using var host = await ApprovalsHost.StartAsync(Azurite, new() { ["Approvals:Approvers"] = $"{Requester.AadObjectId},{Jo.AadObjectId}" });
        var requestId = await host.SubmitAsync();

        var body = await host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Requester);

        Assert.Contains("can't approve or reject your own request", (string?)body["value"]);
        Assert.Equal(ApprovalStatus.Pending, (await host.StoredAsync(requestId)).Status);
    }

    [Fact]
    public async Task Decide_RejectWithoutComment_AsksForOneAndKeepsItPending()
    {
        var requestId = await Host.SubmitAsync();

        var body = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "reject"), Jo);

        Assert.Contains("Please add a comment", CardJson.Text(body["value"]));
        Assert.Equal(ApprovalStatus.Pending, (await Host.StoredAsync(requestId)).Status);
    }

    [Fact]
    public async Task Decide_FiftyAtOnce_ExactlyOneDecisionAndEveryoneToldTheOutcome()
    {
        var requestId = await Host.SubmitAsync();

        var clicks = Enumerable.Range(0, 50).Select(i => Host.InvokeAsync(ApprovalVerbs.Decide,
            Decision(requestId, i % 2 == 0 ? "approve" : "reject", $"comment {i}"), i % 3 == 0 ? Priya : Jo));
        var answers = await Task.WhenAll(clicks);

        var stored = await Host.StoredAsync(requestId);
        Assert.NotEqual(ApprovalStatus.Pending, stored.Status);
        var winners = answers.Where(a => (string?)a["type"] == "application/vnd.microsoft.card.adaptive").ToList();
        var winner = Assert.Single(winners);
        Assert.Contains($"You {stored.Status} this request.", CardJson.Text(winner["value"]));
        var expected = $"This request was already {stored.Status} by {stored.DecidedBy!.Name} on {ApprovalCards.When(stored.DecidedAt)}.";
        Assert.All(answers.Except(winners), loser => Assert.Equal(expected, (string?)loser["value"]));
        var audit = await new ApprovalAuditLog(Host.Tables).EntriesForAsync(requestId, CancellationToken.None);
        Assert.Single(audit, e => e.Action is AuditActions.Approved or AuditActions.Rejected);
    }

    [Fact]
    public async Task Decide_RequestThatNeverPassedThePreCheck_Refused()
    {
        var blocked = GoodPost();
        blocked["photos"] = "unsure";
        blocked["precheck"] = "passed";
        var body = await Host.InvokeAsync(ApprovalVerbs.SubmitPost, blocked, Requester, replyToId: "1741165309999");
        Assert.Contains("not sure everyone pictured has written consent", CardJson.Text(body["value"]));
        var wouldBeId = ApprovalIds.New(Host.Time.GetUtcNow(), Host.ChatId, "1741165309999");

        var decided = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(wouldBeId, "approve"), Jo);

        Assert.StartsWith("I can't find that request", (string?)decided["value"]);
        Assert.Empty(Host.Connector.Requests);
    }

    [Fact]
    public async Task Submit_HostileText_ShownLiterallyOnTheApproverCard()
    {
        const string text = "${requester} said \"hi\" **bold** [click](https://evil.example) <at>Jo</at> \\n";

        await Host.SubmitAsync(GoodPost(text));

        var card = CardJson.Card(Host.Connector.Requests.First(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains(CardJson.TextRuns(card), run => run == text);
        Assert.DoesNotContain(CardJson.TextBlocks(card), block => block.Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_BotRestartedBetweenRequestAndDecision_LosesNothing()
    {
        var requestId = await Host.SubmitAsync();

        await Host.RestartAsync();
        var before = Host.Connector.Requests.Count;
        var decided = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "reject", "Please crop the photo."), Priya);

        Assert.Contains("You rejected this request.", CardJson.Text(decided["value"]));
        Assert.Equal(3, Host.Connector.Requests.Skip(before).Count(r => r.Method == "PUT"));
        var stored = await Host.StoredAsync(requestId);
        Assert.Equal(ApprovalStatus.Rejected, stored.Status);
        Assert.Equal("Please crop the photo.", stored.Comment);
    }
}

/// <summary>With Approvals:ChannelId set, the card opens a new thread in the approvers' channel instead of 1:1 chats.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApproversChannelTests(AzuriteFixture azurite)
{
    private const string ChannelId = "19:Vq3Lr8sKpT1xZ5wNcB7mJ2hF9dG4aE6y@thread.tacv2";

    [Fact]
    public async Task Submit_ChannelConfigured_PostsOneNewThreadWhoseCardShowsTheDecision()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite, new() { ["Approvals:ChannelId"] = ChannelId, ["Approvals:TeamId"] = ChannelId });

        var requestId = await host.SubmitAsync();

        var thread = Assert.Single(host.Connector.Requests);
        Assert.Equal(("POST", true), (thread.Method, thread.PathAndQuery.EndsWith("v3/conversations", StringComparison.Ordinal)));
        Assert.Equal(ChannelId, (string?)thread.Json["channelData"]!["channel"]!["id"]);
        Assert.Equal(ChannelId, (string?)thread.Json["channelData"]!["team"]!["id"]);
        Assert.True((bool)thread.Json["isGroup"]!);
        var card = thread.Json["activity"]!["attachments"]![0]!["content"]!;
        Assert.Contains("Well done to Year 5 for a brilliant sports day!", CardJson.TextRuns(card));

        await host.InvokeAsync(ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve"), ApprovalsHost.Jo);

        // The thread's card (its id came back when the thread was opened), beside the requester's own copy.
        var threadCard = Assert.Single(host.Connector.Requests,
            r => r.Method == "PUT" && r.PathAndQuery.StartsWith("/v3/conversations/" + Uri.EscapeDataString(ChannelId + ";messageid="), StringComparison.Ordinal));
        Assert.Contains("Approved by Jo Bloggs", CardJson.Text(CardJson.Card(threadCard)));
    }
}
