using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.PolicyLeads;

/// <summary>The question text is personal data: deleted after Experts:RetentionDays, while the answer and its record stay.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuestionTextSweeperTests(AzuriteFixture azurite) : PolicyLeadHostTests(azurite, new() { ["Experts:RetentionDays"] = "30" })
{
    [Fact]
    public async Task Sweep_PastRetention_QuestionNoteAndNameDeletedAnswerKept()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion), "I would not put any pupil data into it.");
        await LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer("Only with the school account.", reusable: true));
        var sweeper = Host.Service<QuestionTextSweeper>();

        Host.Time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(ChatGptQuestion, (await StoredAsync(questionId)).Question);

        Host.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));

        var stored = await StoredAsync(questionId);
        Assert.Equal(("", "", "", true), (stored.Question, stored.Note, stored.Asker.Name, stored.TextDeleted));
        Assert.Equal("Only with the school account.", stored.Answer!.Text);
        var card = CardJson.Text((await LeadActsAsync(LeadVerbs.Refresh, questionId, Jo, trigger: "automatic"))["value"]);
        Assert.DoesNotContain(ChatGptQuestion, card);
        Assert.DoesNotContain(Requester.Name, card);
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        var audit = await new LeadQuestionAudit(Host.Tables).EntriesForAsync(questionId, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == LeadAuditActions.TextDeleted);
    }
}
