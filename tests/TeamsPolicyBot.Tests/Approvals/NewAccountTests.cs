using System.Text.Json.Nodes;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>A new official account request (the business case) goes through the same approval machinery.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NewAccountTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApprovalsHost _host = null!;

    public async Task InitializeAsync() => _host = await ApprovalsHost.StartAsync(azurite, new() { ["Policy:Pack"] = "wy-catholic" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RequestNewAccount_BusinessCaseApproved_RequesterTold()
    {
        var form = CardJson.Card(Assert.Single(await _host.SayAsync("request a new account")));
        Assert.Equal([ApprovalVerbs.SubmitAccount], CardJson.Verbs(form));

        var submitted = await _host.InvokeAsync(ApprovalVerbs.SubmitAccount, BusinessCase(), Requester, replyToId: "1741165305555");
        var requestId = (string)submitted["value"]!["refresh"]!["action"]!["data"]!["requestId"]!;
        var approverCard = CardJson.Card(_host.Connector.Requests.First(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains("New official account request", CardJson.TextRuns(approverCard));
        Assert.Contains("Ms Okafor and Mr Doyle", CardJson.TextRuns(approverCard));

        var decided = await _host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Jo);

        Assert.Contains("You approved this request.", CardJson.Text(decided["value"]));
        var stored = await _host.StoredAsync(requestId);
        Assert.Equal((RequestKinds.NewAccount, ApprovalStatus.Approved), (stored.Kind, stored.Status));
        Assert.Contains(_host.Connector.Requests, r => r.Text == "Your request was approved.");
    }

    [Fact]
    public async Task SubmitAccount_SameStaffTwice_FormBackAskingForTwoPeople()
    {
        var form = BusinessCase();
        form["secondStaff"] = "ms okafor";

        var body = await _host.InvokeAsync(ApprovalVerbs.SubmitAccount, form, Requester);

        Assert.Contains("Name two different members of staff", CardJson.Text(body["value"]));
        Assert.Empty(_host.Connector.Requests);
    }

    private static JsonObject BusinessCase() => new()
    {
        ["accountName"] = "Instagram: St Mary's Year 6 Art",
        ["aim"] = "Share finished artwork (no faces) with families.",
        ["audience"] = "Parents and carers of Year 6",
        ["promotion"] = "Newsletter and the school website",
        ["firstStaff"] = "Ms Okafor",
        ["secondStaff"] = "Mr Doyle",
        ["visibility"] = "closed",
        ["logonRecord"] = "The school's password manager",
        ["note"] = "",
    };
}
