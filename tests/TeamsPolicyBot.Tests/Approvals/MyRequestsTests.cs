using System.Text.Json.Nodes;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>"my requests" with Withdraw, and "pending" for approvers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MyRequestsTests(AzuriteFixture azurite) : ApprovalsHostTests(azurite)
{
    [Fact]
    public async Task Withdraw_FromMyRequests_RequestWithdrawnAndEveryCardCopyUpdated()
    {
        var requestId = await Host.SubmitAsync();
        var list = CardJson.Card(Assert.Single(await Host.SayAsync("my requests")));
        Assert.Contains($"Waiting for {Host.Service<PolicyPack>().Role("postApprover")} to approve", CardJson.Text(list));
        Assert.Equal([ApprovalVerbs.Withdraw], CardJson.Verbs(list));

        var before = Host.Connector.Requests.Count;
        var body = await Host.InvokeAsync(ApprovalVerbs.Withdraw, new JsonObject { ["requestId"] = requestId, ["view"] = "list" }, Requester);

        Assert.Equal("Your request has been withdrawn.", (string?)body["value"]);
        Assert.Equal(ApprovalStatus.Withdrawn, (await Host.StoredAsync(requestId)).Status);
        var updates = Host.Connector.Requests.Skip(before).Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.Contains("Withdrawn by Sam Taylor", CardJson.Text(CardJson.Card(u))));
        var late = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Jo);
        Assert.StartsWith("This request was already withdrawn by Sam Taylor", (string?)late["value"]);
    }

    [Fact]
    public async Task Withdraw_BySomeoneElse_Refused()
    {
        var requestId = await Host.SubmitAsync();

        var body = await Host.InvokeAsync(ApprovalVerbs.Withdraw, new JsonObject { ["requestId"] = requestId }, Jo);

        Assert.Equal("Only the person who made a request can withdraw it.", (string?)body["value"]);
        Assert.Equal(ApprovalStatus.Pending, (await Host.StoredAsync(requestId)).Status);
    }

    [Fact]
    public async Task Pending_Approver_SeesWaitingRequestsWithReview()
    {
        await Host.SubmitAsync();

        var list = CardJson.Card(Assert.Single(await Host.SayAsync("pending", Jo)));

        Assert.Equal([ApprovalVerbs.Refresh], CardJson.Verbs(list));
        Assert.Contains("Post on the academy's official X (Twitter) account, @fierte on 2026-11-27 at 16:00", CardJson.TextRuns(list));
    }

    [Fact]
    public async Task Pending_NotAnApprover_Refused()
    {
        await Host.SubmitAsync();

        var reply = Assert.Single(await Host.SayAsync("pending", Colleague));

        Assert.StartsWith("Only approvers can see pending requests", reply.Text);
    }
}
