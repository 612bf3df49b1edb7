using System.Text.Json.Nodes;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>A new official account request (the business case) goes through the same approval machinery.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NewAccountTests(AzuriteFixture azurite) : ApprovalsHostTests(azurite, new() { ["Policy:Pack"] = "wy-catholic" })
{
    [Fact]
    public async Task RequestNewAccount_BusinessCaseApproved_RequesterTold()
    {
        var form = CardJson.Card(Assert.Single(await Host.SayAsync("request a new account")));
        Assert.Equal([ApprovalVerbs.SubmitAccount], CardJson.Verbs(form));

        var submitted = await Host.InvokeAsync(ApprovalVerbs.SubmitAccount, BusinessCase(), Requester, replyToId: "1741165305555");
        var requestId = (string)submitted["value"]!["refresh"]!["action"]!["data"]!["requestId"]!;
        var approverCard = CardJson.Card(Host.Connector.Requests.First(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains("New official account request", CardJson.TextRuns(approverCard));
        Assert.Contains("Ms Okafor and Mr Doyle", CardJson.TextRuns(approverCard));

        var decided = await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Jo);

        Assert.Contains("You approved this request.", CardJson.Text(decided["value"]));
        var stored = await Host.StoredAsync(requestId);
        Assert.Equal((RequestKinds.NewAccount, ApprovalStatus.Approved), (stored.Kind, stored.Status));
        Assert.Contains(Host.Connector.Requests, r => r.Text == "Your request was approved.");
    }

    [Fact]
    public async Task SubmitAccount_SameStaffTwice_FormBackAskingForTwoPeople()
    {
        var form = BusinessCase();
        form["secondStaff"] = "ms okafor";

        var body = await Host.InvokeAsync(ApprovalVerbs.SubmitAccount, form, Requester);

        Assert.Contains("Name two different members of staff", CardJson.Text(body["value"]));
        Assert.Empty(Host.Connector.Requests);
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
