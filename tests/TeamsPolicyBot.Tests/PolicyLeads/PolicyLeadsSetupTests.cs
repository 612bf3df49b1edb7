using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.People;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.PolicyLeads;

/// <summary>How "Ask the policy lead" is set up: bad settings stop the bot, no leads means no button, nothing personal in the logs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PolicyLeadsSetupTests(AzuriteFixture azurite)
{
    private const string ChannelId = "19:Lk4Pq9sWtR2xY6nMcB8vJ3hG0dF5aE7z@thread.tacv2";

    [Theory]
    [InlineData("Experts:Leads", "morgan", "Experts:Leads: 'morgan' is not an Entra object id")]
    [InlineData("Experts:LeadGroupId", "policy-leads", "Experts:LeadGroupId must be the Entra ID group's object id")]
    [InlineData("Experts:ChannelId", ChannelId, "Experts:ChannelId is set but nobody may answer there")]
    [InlineData("Experts:RetentionDays", "0", "RetentionDays")]
    public void Start_InvalidExpertsSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        using var bot = new BotApp().WithSetting(key, value).WithSetting("Policy:Pack", "fierte");

        var error = Assert.Throws<OptionsValidationException>(() => bot.CreateClient());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Answer_NoLeadsConfigured_AskThePolicyLeadNotOffered()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite);

        var answer = AnswerCard.Read(Assert.Single(await host.SayAsync(PolicyLeadHostTests.ChatGptQuestion)));

        Assert.Equal("Use caution", answer.Headline);
        Assert.DoesNotContain(answer.Buttons, button => button.Verb == LeadVerbs.Ask);
    }

    [Fact]
    public async Task Claim_LeadGroupConfigured_GroupMemberClaimsAndNonMemberRefused()
    {
        var graph = new FakeGraphGroup([Jo.AadObjectId], [Priya.AadObjectId]);
        await using var host = await ApprovalsHost.StartAsync(azurite, new() { ["Experts:LeadGroupId"] = FakeGraphGroup.GroupId },
            services => services.AddSingleton(graph.Client()));
        var answer = AnswerCard.Read(Assert.Single(await host.SayAsync(PolicyLeadHostTests.ChatGptQuestion)));
        var before = host.Connector.Requests.Count;
        await host.InvokeAsync(LeadVerbs.Ask, Data(answer.ButtonFor(LeadVerbs.Ask), ""), Requester);
        var toLeads = host.Connector.Requests.Skip(before).Where(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        var questionId = (string)CardJson.Card(toLeads[0])["refresh"]!["action"]!["data"]!["questionId"]!;

        var refused = await host.InvokeAsync(LeadVerbs.Claim, new System.Text.Json.Nodes.JsonObject { ["questionId"] = questionId }, Colleague);
        var claimed = await host.InvokeAsync(LeadVerbs.Claim, new System.Text.Json.Nodes.JsonObject { ["questionId"] = questionId }, Priya);

        Assert.Equal(2, toLeads.Count);
        Assert.Equal(LeadQuestionCardHandler.NotLeadText, (string?)refused["value"]);
        Assert.Contains("You claimed this question.", CardJson.Text(claimed["value"]));
    }

    [Fact]
    public async Task AskClaimAnswer_Logged_NeverTheQuestionOrTheNote()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await ApprovalsHost.StartAsync(azurite, new() { ["Experts:Leads"] = Jo.AadObjectId },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var answer = AnswerCard.Read(Assert.Single(await host.SayAsync(PolicyLeadHostTests.ChatGptQuestion)));

        var asked = await host.InvokeAsync(LeadVerbs.Ask, Data(answer.ButtonFor(LeadVerbs.Ask), "Marigold Featherstonehaugh asked me"), Requester);
        var questionId = (string)CardJson.Card(host.Connector.Requests.Last(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)))
            ["refresh"]!["action"]!["data"]!["questionId"]!;
        await host.InvokeAsync(LeadVerbs.Answer, new System.Text.Json.Nodes.JsonObject { ["questionId"] = questionId, ["answer"] = "Yes." }, Jo);

        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(asked["value"]));
        var everything = string.Join("\n", logs.Logs.Select(log => log.AllText));
        Assert.Contains(questionId, everything);
        Assert.DoesNotContain("ChatGPT", everything);
        Assert.DoesNotContain("Featherstonehaugh", everything);
    }

    [Fact]
    public async Task Ask_ChannelConfigured_OneThreadWhoseCardShowsTheAnswer()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite, new()
        {
            ["Experts:Leads"] = $"{Jo.AadObjectId},{Priya.AadObjectId}",
            ["Experts:ChannelId"] = ChannelId,
        });
        var answer = AnswerCard.Read(Assert.Single(await host.SayAsync(PolicyLeadHostTests.ChatGptQuestion)));
        var before = host.Connector.Requests.Count;

        await host.InvokeAsync(LeadVerbs.Ask, Data(answer.ButtonFor(LeadVerbs.Ask), ""), Requester);

        var thread = Assert.Single(host.Connector.Requests.Skip(before));
        Assert.Equal(ChannelId, (string?)thread.Json["channelData"]!["channel"]!["id"]);
        var card = thread.Json["activity"]!["attachments"]![0]!["content"]!;
        Assert.Contains(PolicyLeadHostTests.ChatGptQuestion, CardJson.TextRuns(card));
        var questionId = (string)card["refresh"]!["action"]!["data"]!["questionId"]!;

        await host.InvokeAsync(LeadVerbs.Answer, new System.Text.Json.Nodes.JsonObject { ["questionId"] = questionId, ["answer"] = "Yes, for planning." }, Priya);

        var threadCard = Assert.Single(host.Connector.Requests,
            r => r.Method == "PUT" && r.PathAndQuery.StartsWith("/v3/conversations/" + Uri.EscapeDataString(ChannelId + ";messageid="), StringComparison.Ordinal));
        Assert.Contains("Answered by Priya Shah", CardJson.Text(CardJson.Card(threadCard)));
    }

    private static System.Text.Json.Nodes.JsonObject Data(AnswerCard.Button button, string note)
    {
        var data = System.Text.Json.Nodes.JsonNode.Parse(button.Data.GetRawText())!.AsObject();
        data["leadNote"] = note;
        return data;
    }
}
