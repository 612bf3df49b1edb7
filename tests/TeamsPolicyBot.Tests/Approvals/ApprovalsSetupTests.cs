using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>Bad configuration stops the bot at start-up with a clear message; bad invoke data gets a clear answer, never a 500.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApprovalsSetupTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Approvals:Approvers", "not-a-guid", "Approvals:Approvers: 'not-a-guid' is not an Entra object id")]
    [InlineData("Approvals:ApproverGroupId", "approvers", "Approvals:ApproverGroupId must be the Entra ID group's object id")]
    public void Start_InvalidApprovalsSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        using var bot = new BotApp().WithSetting(key, value).WithSetting("Policy:Pack", "fierte");

        var error = Assert.Throws<OptionsValidationException>(() => bot.CreateClient());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task RequestPost_AccountsConfigured_FormOffersThoseInsteadOfThePacks()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite, new()
        {
            ["Approvals:Accounts:0"] = "St Mary's on X, @stmarys",
            ["Approvals:Accounts:1"] = "St Mary's Facebook page",
        });

        var form = CardJson.Card(Assert.Single(await host.SayAsync("request a post")));

        var account = form["body"]!.AsArray().OfType<JsonObject>().First(e => (string?)e["id"] == "account");
        Assert.Equal(["St Mary's on X, @stmarys", "St Mary's Facebook page"], account["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    [Fact]
    public async Task Invoke_DataNotAnObject_AnsweredWithTheFormNotAnError()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite);
        var invoke = await host.InvokeAsync(ApprovalVerbs.SubmitPost, JsonValue.Create("approve everything")!, Requester);

        Assert.Equal(200, (int)invoke["statusCode"]!);
        Assert.Contains("Write the text of the post.", CardJson.Text(invoke["value"]));
    }

    [Fact]
    public async Task Invoke_WithoutEntraObjectId_RefusedAsBadRequest()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite);

        var body = await host.InvokeAsync(ApprovalVerbs.Decide, Decision("20261121-0000000000", "approve"), Jo with { AadObjectId = "" });

        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Empty(host.Connector.Requests);
    }

    [Fact]
    public async Task Decide_ForgedRequestId_NotLookedUpAndRefused()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite);

        var body = await host.InvokeAsync(ApprovalVerbs.Decide, Decision("x' or PartitionKey ne '", "approve"), Jo);

        Assert.StartsWith("I can't find that request", (string?)body["value"]);
    }
}
