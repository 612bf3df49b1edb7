using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.PolicyLeads;

/// <summary>An answer a lead agreed to reuse is shown beside the rules' verdict on similar questions, and only there.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewedAnswersTests(AzuriteFixture azurite) : PolicyLeadHostTests(azurite)
{
    private const string LeadsAnswer = "Yes, for planning, as long as no pupil or staff personal data goes into it.";
    private const string Shown = "Your policy lead answered a similar question on 21 November:";

    [Fact]
    public async Task Answer_Reusable_ShownForARewordedQuestionBesideTheVerdict()
    {
        await AnswerReusableAsync(ChatGptQuestion, LeadsAnswer, "yes");

        var reworded = await AnswerToAsync("Am I allowed to use AI tools like ChatGPT for lesson planning?");

        Assert.Equal("Use caution", reworded.Headline);
        Assert.Contains(Shown, reworded.Texts);
        Assert.Contains($"Yes. {LeadsAnswer}", reworded.Texts);
    }

    [Theory]
    [InlineData("Can I play online games with people I don't know?")]
    [InlineData("Can I store lesson plans in my personal cloud drive?")]
    // The same topic (work time) and one of the three clauses the ChatGPT question quoted: close, but not the same reading.
    [InlineData("Can I check Facebook during my lunch break?")]
    public async Task Answer_Reusable_NotShownForAnUnrelatedQuestion(string unrelated)
    {
        await AnswerReusableAsync(ChatGptQuestion, LeadsAnswer, "yes");

        var answer = await AnswerToAsync(unrelated);

        Assert.DoesNotContain(Shown, answer.Texts);
        Assert.DoesNotContain(answer.Texts, text => text.Contains(LeadsAnswer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer_NotMarkedReusable_NotShownForTheSameQuestion()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        await LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer(LeadsAnswer, reusable: false));

        var again = await AnswerToAsync(ChatGptQuestion);

        Assert.DoesNotContain(Shown, again.Texts);
    }

    [Fact]
    public async Task Answer_ReusableYesBesideARulesNo_TheNoStandsAndTheCardSaysSo()
    {
        const string Parents = "Can I join a WhatsApp group for parents of my son's football team?";
        var first = await AnswerToAsync(Parents);
        var notRight = await PressAsync(first.ButtonFor(TeamsPolicyBot.Guidance.Conversation.GuidanceFeedbackAction.Verb, "No"), Requester);
        var questionId = await AskLeadAsync(AnswerCard.Read(System.Text.Json.JsonSerializer.SerializeToElement(notRight["value"])));
        await LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer("Fine for your own child's team; keep school matters out of it.", "yes", reusable: true));

        var reworded = await AnswerToAsync("Am I allowed to be in a parents' WhatsApp group for my own child's football club?");

        Assert.Equal("No", reworded.Headline);
        Assert.Contains(Shown, reworded.Texts);
        Assert.Contains("Fine for your own child's team; keep school matters out of it.", reworded.Texts);
        Assert.DoesNotContain(reworded.Texts, text => text.StartsWith("Yes.", StringComparison.Ordinal));
        Assert.Contains(reworded.Texts, text => text.StartsWith("This does not change the answer above", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpertAnswers_LeadRetiresAnAnswer_NoLongerShown()
    {
        await AnswerReusableAsync(ChatGptQuestion, LeadsAnswer, "yes");

        var list = CardJson.Card(Assert.Single(await Host.SayAsync("expert answers", Priya)));
        Assert.Contains(LeadsAnswer, CardJson.TextRuns(list));
        var questionId = (string)list["body"]!.AsArray().SelectMany(Buttons).Single()["data"]!["questionId"]!;

        var retired = await LeadActsAsync(LeadVerbs.Retire, questionId, Priya);

        Assert.DoesNotContain(LeadsAnswer, CardJson.TextRuns(retired["value"]));
        Assert.DoesNotContain(Shown, (await AnswerToAsync(ChatGptQuestion)).Texts);
        var audit = await new LeadQuestionAudit(Host.Tables).EntriesForAsync(questionId, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == LeadAuditActions.Retired && e.ActorId == Priya.AadObjectId);
    }

    [Fact]
    public async Task ExpertAnswers_NotALead_RefusedAndCannotRetire()
    {
        var questionId = await AnswerReusableAsync(ChatGptQuestion, LeadsAnswer, "yes");

        var reply = Assert.Single(await Host.SayAsync("expert answers", Colleague));
        var retire = await LeadActsAsync(LeadVerbs.Retire, questionId, Colleague);

        Assert.Equal(ExpertAnswersCommand.NotAllowedText, reply.Text);
        Assert.Equal(LeadQuestionCardHandler.NotLeadText, (string?)retire["value"]);
        Assert.Contains((await AnswerToAsync("Am I allowed to use AI tools like ChatGPT for lesson planning?")).Texts, text => text.Contains(LeadsAnswer, StringComparison.Ordinal));
    }

    private async Task<string> AnswerReusableAsync(string question, string answer, string verdict)
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(question));
        await LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer(answer, verdict, reusable: true));
        return questionId;
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Buttons(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj when (string?)obj["type"] == "Action.Execute" => [obj],
        System.Text.Json.Nodes.JsonObject obj => obj.Select(p => p.Value).SelectMany(Buttons),
        System.Text.Json.Nodes.JsonArray array => array.SelectMany(Buttons),
        _ => [],
    };
}
