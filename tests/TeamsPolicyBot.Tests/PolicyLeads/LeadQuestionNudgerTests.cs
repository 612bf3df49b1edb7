using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.PolicyLeads;

/// <summary>Questions nobody claimed within Experts:NudgeAfterHours are brought to the leads once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadQuestionNudgerTests(AzuriteFixture azurite) : PolicyLeadHostTests(azurite, new() { ["Experts:NudgeAfterHours"] = "24" })
{
    private const string Reminder = "still waiting for a policy lead to claim it";

    [Fact]
    public async Task NudgeDue_UnclaimedPastTheThreshold_LeadsRemindedOnceOnly()
    {
        await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        var nudger = Host.Service<LeadQuestionNudger>();

        Host.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await nudger.NudgeDueAsync(CancellationToken.None));

        Host.Time.Advance(TimeSpan.FromHours(2));
        var before = Host.Connector.Requests.Count;
        Assert.Equal(1, await nudger.NudgeDueAsync(CancellationToken.None));
        Assert.Equal(2, Host.Connector.Requests.Skip(before).Count(r => r.Text?.Contains(Reminder) == true));

        Host.Time.Advance(TimeSpan.FromHours(30));
        Assert.Equal(0, await nudger.NudgeDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task NudgeDue_ClaimedBeforeTheThreshold_NoReminder()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        await LeadActsAsync(LeadVerbs.Claim, questionId, Jo);

        Host.Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, await Host.Service<LeadQuestionNudger>().NudgeDueAsync(CancellationToken.None));
        Assert.DoesNotContain(Host.Connector.Requests, r => r.Text?.Contains(Reminder) == true);
    }

    [Fact]
    public async Task NudgeDue_TwoInstancesAtOnce_OnlyOneSendsTheReminder()
    {
        await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        Host.Time.Advance(TimeSpan.FromHours(25));
        var nudger = Host.Service<LeadQuestionNudger>();

        var counts = await Task.WhenAll(nudger.NudgeDueAsync(CancellationToken.None), nudger.NudgeDueAsync(CancellationToken.None));

        Assert.Equal(1, counts.Sum());
        Assert.Equal(2, Host.Connector.Requests.Count(r => r.Text?.Contains(Reminder) == true));
    }
}

/// <summary>With Experts:ChannelId set, the nudge is a reply in the question's thread rather than 1:1 messages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadQuestionChannelNudgeTests(AzuriteFixture azurite)
    : PolicyLeadHostTests(azurite, new() { ["Experts:ChannelId"] = "19:Lk4Pq9sWtR2xY6nMcB8vJ3hG0dF5aE7z@thread.tacv2" })
{
    [Fact]
    public async Task NudgeDue_ChannelConfigured_OneReplyInTheQuestionsThread()
    {
        var answer = await AnswerToAsync(ChatGptQuestion);
        await PressAsync(answer.ButtonFor(LeadVerbs.Ask), Requester);
        Host.Time.Advance(TimeSpan.FromHours(25));
        var before = Host.Connector.Requests.Count;

        Assert.Equal(1, await Host.Service<LeadQuestionNudger>().NudgeDueAsync(CancellationToken.None));

        var reply = Assert.Single(Host.Connector.Requests.Skip(before));
        Assert.Contains("still waiting for a policy lead to claim it", reply.Text);
        Assert.StartsWith("/v3/conversations/" + Uri.EscapeDataString("19:Lk4Pq9sWtR2xY6nMcB8vJ3hG0dF5aE7z@thread.tacv2;messageid="), reply.PathAndQuery);
    }
}
