using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Academies.ThreeAcademies;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>Post requests go to their academy's approvers (the trust's for a trust-wide account), and only they decide.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcademyApprovalsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ThreeAcademies _trust = null!;

    public async Task InitializeAsync() => _trust = await ThreeAcademies.StartAsync(azurite);

    public async Task DisposeAsync() => await _trust.DisposeAsync();

    [Fact]
    public async Task Submit_QueenEmmasPost_ReachesOnlyQueenEmmasApproversFromTheirGroup()
    {
        var before = _trust.Host.Connector.Requests.Count;

        var body = await _trust.SubmitPostAsync(QueenEmmasTeacher, QueenEmmas, QueenEmmasAccount);

        Assert.Contains("Sent for approval.", CardJson.Text(body["value"]));
        Assert.Equal([QueenEmmasHead.AadObjectId], MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
        Assert.Contains(_trust.Graph.Requests, r => r.Contains($"/groups/{QueenEmmasGroup}/transitiveMembers", StringComparison.Ordinal));
        var stored = await _trust.Host.StoredAsync(RequestId(body));
        Assert.Equal(QueenEmmas, stored.AcademyId);
        Assert.Contains(stored.Fields, f => f is { Label: "Academy", Value: QueenEmmasName });
    }

    [Fact]
    public async Task Submit_EachAcademysPost_NeverReachesAnotherAcademysApprovers()
    {
        var before = _trust.Host.Connector.Requests.Count;
        await _trust.SubmitPostAsync(HenryBoxTeacher, HenryBox, HenryBoxAccount);
        var henryBox = MessagedPeople(_trust.Host.Connector.Requests.Skip(before));

        before = _trust.Host.Connector.Requests.Count;
        await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen);
        await _trust.SubmitPostAsync(WoodGreenTeacher, WoodGreen, TrustAccount);
        var woodGreen = MessagedPeople(_trust.Host.Connector.Requests.Skip(before));

        Assert.Equal([HenryBoxHead.AadObjectId], henryBox);
        Assert.Equal([WoodGreenHead.AadObjectId], woodGreen);
    }

    [Fact]
    public async Task Submit_TrustWideAccountFromAnAcademyWithItsOwnAccounts_GoesToTheTrustsApprovers()
    {
        var before = _trust.Host.Connector.Requests.Count;

        var body = await _trust.SubmitPostAsync(HenryBoxTeacher, HenryBox, TrustAccount);

        Assert.Equal(new[] { ApprovalsHost.Jo.AadObjectId, ApprovalsHost.Priya.AadObjectId }.Order(), MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
        Assert.Equal("", (await _trust.Host.StoredAsync(RequestId(body))).AcademyId);
    }

    [Fact]
    public async Task Submit_FormNamesAnAcademyTheRequesterIsNotIn_GoesToTheirOwnAcademy()
    {
        var before = _trust.Host.Connector.Requests.Count;

        var body = await _trust.SubmitPostAsync(HenryBoxTeacher, QueenEmmas, HenryBoxAccount);

        Assert.Equal([HenryBoxHead.AadObjectId], MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
        Assert.Equal(HenryBox, (await _trust.Host.StoredAsync(RequestId(body))).AcademyId);
    }

    [Fact]
    public async Task Decide_ApproverOfAnotherAcademy_RefusedAuditedAndStillPending()
    {
        var requestId = RequestId(await _trust.SubmitPostAsync(QueenEmmasTeacher, QueenEmmas, QueenEmmasAccount));

        var refused = await _trust.Host.InvokeAsync(ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve"), HenryBoxHead);
        var approved = await _trust.Host.InvokeAsync(ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve"), QueenEmmasHead);

        Assert.Equal($"Only the approvers of {QueenEmmasName} can approve or reject this request.", (string?)refused["value"]);
        Assert.Contains("You approved this request.", CardJson.Text(approved["value"]));
        var audit = await _trust.Host.Service<ApprovalAuditLog>().EntriesForAsync(requestId, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == AuditActions.Refused && e.ActorId == HenryBoxHead.AadObjectId && e.Detail == "approver of another academy");
        Assert.Equal(QueenEmmasHead.AadObjectId, (await _trust.Host.StoredAsync(requestId)).DecidedBy!.Id);
    }

    [Fact]
    public async Task Decide_TrustApproverOnAnAcademysRequest_Refused()
    {
        var requestId = RequestId(await _trust.SubmitPostAsync(HenryBoxTeacher, HenryBox, HenryBoxAccount));

        var refused = await _trust.Host.InvokeAsync(ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve"), ApprovalsHost.Jo);

        Assert.Equal($"Only the approvers of {HenryBoxName} can approve or reject this request.", (string?)refused["value"]);
        Assert.True((await _trust.Host.StoredAsync(requestId)).IsPending);
    }

    [Fact]
    public async Task Nudge_AcademysRequestWaitingTooLong_RemindsOnlyThatAcademysApprovers()
    {
        await _trust.SubmitPostAsync(QueenEmmasTeacher, QueenEmmas, QueenEmmasAccount);
        _trust.Host.Time.Advance(TimeSpan.FromHours(25));
        var before = _trust.Host.Connector.Requests.Count;

        Assert.Equal(1, await _trust.Host.Service<ApprovalNudger>().NudgeDueAsync(CancellationToken.None));

        Assert.Equal([QueenEmmasHead.AadObjectId], MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
    }

    [Fact]
    public async Task RequestPost_AcademyWithOwnAccounts_OffersItsAccountsThenTheTrusts()
    {
        var form = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("request a post", HenryBoxTeacher)));

        var account = form["body"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>().First(e => (string?)e["id"] == "account");
        Assert.Equal([HenryBoxAccount, TrustAccount], account["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Contains($"For {HenryBoxName}", CardJson.Text(form));
    }
}
