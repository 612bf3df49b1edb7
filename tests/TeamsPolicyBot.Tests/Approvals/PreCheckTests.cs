using System.Text.Json.Nodes;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>The pre-check on submission: problems come back on the filled-in form with the pack's clause; nothing reaches approvers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PreCheckTests(AzuriteFixture azurite) : ApprovalsHostTests(azurite)
{
    [Theory]
    [InlineData("photos", "unsure", "not sure everyone pictured has written consent")]
    [InlineData("identifies", "yes", "full names or class")]
    [InlineData("noPhotoList", "yes", "on the no-photo list")]
    [InlineData("noPhotoList", "unsure", "whether a pupil pictured is on the no-photo list")]
    public async Task Submit_PhotoProblem_FormComesBackFilledInWithThePacksClause(string input, string answer, string problem)
    {
        var form = GoodPost();
        form[input] = answer;

        var body = await Host.InvokeAsync(ApprovalVerbs.SubmitPost, form, Requester);

        var card = body["value"];
        Assert.Contains(problem, CardJson.Text(card));
        var clause = Host.Service<PolicyPack>().Clause("photo-consent-and-names");
        Assert.Contains($"“{clause.Quote}”", CardJson.TextRuns(card));
        Assert.Contains($"{clause.Section} ", CardJson.TextRuns(card));
        Assert.Equal([ApprovalVerbs.SubmitPost], CardJson.Verbs(card));
        Assert.Equal(GoodPost()["text"]!.GetValue<string>(), InputValue(card, "text"));
        Assert.Empty(Host.Connector.Requests);
    }

    [Theory]
    [InlineData("Call Mrs Jones on 07700 900123 for tickets", "a phone number")]
    [InlineData("Email parents@example.org with questions", "an email address")]
    [InlineData("Collection from 14 Acacia Avenue at 3pm", "a home or street address")]
    public async Task Submit_PersonalInformationInText_BlockedWithThePersonalInformationClause(string text, string found)
    {
        var body = await Host.InvokeAsync(ApprovalVerbs.SubmitPost, GoodPost(text), Requester);

        Assert.Contains($"contains {found}", CardJson.Text(body["value"]));
        Assert.Contains($"“{Host.Service<PolicyPack>().Clause("personal-information").Quote}”", CardJson.TextRuns(body["value"]));
        Assert.Empty(Host.Connector.Requests);
    }

    [Fact]
    public async Task Submit_NoPhotosAndNamesGiven_PassesBecauseNamesAloneAreNotWithPhotos()
    {
        var form = GoodPost("Congratulations to Year 5 on their poetry prize!");
        form["photos"] = "none";
        form["identifies"] = "yes";
        form.Remove("noPhotoList");

        var requestId = await Host.SubmitAsync(form);

        Assert.Equal(ApprovalStatus.Pending, (await Host.StoredAsync(requestId)).Status);
    }

    [Fact]
    public async Task Submit_WithALink_PassesAndWarnsTheApprover()
    {
        var form = GoodPost("Sports day results are on our website: https://fierte.example/sports");

        await Host.SubmitAsync(form);

        var approverCard = CardJson.Card(Host.Connector.Requests.First(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains("For the approver to check", CardJson.Text(approverCard));
        Assert.Contains("links to other sites", CardJson.Text(approverCard));
    }

    [Fact]
    public async Task Submit_PoliticalPost_PassesAndWarnsTheApproverWithThePacksControversialClause()
    {
        await using var trinity = await ApprovalsHost.StartAsync(Azurite, new() { ["Policy:Pack"] = "trinity" });
        var form = GoodPost("Vote Labour on Thursday to save our school funding");
        form["account"] = trinity.Service<ApprovalCards>().TrustAccounts[0];

        await trinity.SubmitAsync(form);

        var approverCard = CardJson.Card(trinity.Connector.Requests.First(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains("may be controversial", CardJson.Text(approverCard));
        var clause = trinity.Service<PolicyPack>().Clause("senior-leader-for-controversial");
        Assert.Contains($"“{clause.Quote}”", CardJson.TextRuns(approverCard));
    }

    [Fact]
    public async Task Submit_MissingAnswers_SaysWhatIsMissing()
    {
        var body = await Host.InvokeAsync(ApprovalVerbs.SubmitPost, new JsonObject { ["text"] = "Hello" }, Requester);

        var text = CardJson.Text(body["value"]);
        Assert.Contains("Choose the official account", text);
        Assert.Contains("Give the date", text);
        Assert.Empty(Host.Connector.Requests);
    }

    [Theory]
    [InlineData("request a post")]
    [InlineData("Request approval")]
    [InlineData("request approval for a post")]
    [InlineData("I'd like to post the sports day results on the school account")]
    public async Task Say_ExplicitRequest_SendsTheForm(string text)
    {
        var reply = Assert.Single(await Host.SayAsync(text));

        Assert.Equal([ApprovalVerbs.SubmitPost], CardJson.Verbs(CardJson.Card(reply)));
    }

    [Theory]
    [InlineData("can I post sports day photos?")]
    [InlineData("I'd like to post sports day photos on the school account, is that ok?")]
    public async Task Say_QuestionAboutPosting_IsGuidanceNotARequest(string text)
    {
        var replies = await Host.SayAsync(text);

        // Whatever the guidance dialog answers, it is not the request form.
        Assert.DoesNotContain(replies, reply => CardJson.Verbs(reply.Json["attachments"]?[0]?["content"]).Contains(ApprovalVerbs.SubmitPost));
    }

    private static string? InputValue(JsonNode? card, string id) =>
        (string?)card!["body"]!.AsArray().OfType<JsonObject>().First(e => (string?)e["id"] == id)["value"];
}
