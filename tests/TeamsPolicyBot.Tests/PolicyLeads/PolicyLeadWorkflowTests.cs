using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.PolicyLeads;

/// <summary>"Ask the policy lead" end to end over /api/messages: the question reaches the leads, one answers, the asker hears.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PolicyLeadWorkflowTests(AzuriteFixture azurite) : PolicyLeadHostTests(azurite)
{
    [Fact]
    public async Task Ask_FallbackThenClaimAndAnswer_AskerToldWithTheLeadsNameAndEveryCopyShowsItAnswered()
    {
        var answer = await AnswerToAsync(ChatGptQuestion);
        Assert.Equal("Use caution", answer.Headline);
        Assert.Contains("leadNote", answer.Inputs);

        var before = Host.Connector.Requests.Count;
        var questionId = await AskLeadAsync(answer, "I would not put any pupil data into it.");

        var toLeads = Host.Connector.Requests.Skip(before).Where(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toLeads.Count);
        Assert.All(toLeads, card =>
        {
            var text = CardJson.Text(CardJson.Card(card));
            Assert.Contains(ChatGptQuestion, text);
            Assert.Contains("I would not put any pupil data into it.", text);
            Assert.Contains("does not answer this directly", text);
            Assert.Contains(answer.Texts.First(t => t.StartsWith('“')), CardJson.TextRuns(CardJson.Card(card)));
            Assert.Contains("Waiting for a policy lead", text);
        });
        Assert.Equal([LeadVerbs.Claim, LeadVerbs.Answer], CardJson.Verbs((await LeadActsAsync(LeadVerbs.Refresh, questionId, Jo, trigger: "automatic"))["value"]));
        Assert.Empty(CardJson.Verbs((await LeadActsAsync(LeadVerbs.Refresh, questionId, Colleague, trigger: "automatic"))["value"]));

        before = Host.Connector.Requests.Count;
        var claimed = await LeadActsAsync(LeadVerbs.Claim, questionId, Jo);

        Assert.Contains("You claimed this question.", CardJson.Text(claimed["value"]));
        Assert.Equal([LeadVerbs.Answer], CardJson.Verbs(claimed["value"]));
        var claimUpdates = Host.Connector.Requests.Skip(before).Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, claimUpdates.Count);
        Assert.All(claimUpdates, update => Assert.Contains("Claimed by Jo Bloggs", CardJson.Text(CardJson.Card(update))));
        Assert.Empty(CardJson.Verbs((await LeadActsAsync(LeadVerbs.Refresh, questionId, Priya, trigger: "automatic"))["value"]));
        Assert.Equal("Jo Bloggs has already claimed this question.", (string?)(await LeadActsAsync(LeadVerbs.Claim, questionId, Priya))["value"]);

        before = Host.Connector.Requests.Count;
        var answered = await LeadActsAsync(LeadVerbs.Answer, questionId, Jo,
            Answer("Yes, for planning, as long as no pupil data goes into it.", "yes", "scope-personal-vs-sanctioned"));

        Assert.Contains("Your answer was sent", CardJson.Text(answered["value"]));
        var after = Host.Connector.Requests.Skip(before).ToList();
        var updates = after.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, update =>
        {
            Assert.Contains("Answered by Jo Bloggs", CardJson.Text(CardJson.Card(update)));
            Assert.Empty(CardJson.Verbs(CardJson.Card(update)));
        });
        var told = Assert.Single(after, r => r.Method == "POST" && r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Equal("Jo Bloggs, your policy lead, answered your question.", told.Text);
        var toldCard = CardJson.Text(CardJson.Card(told));
        Assert.Contains("Yes, for planning, as long as no pupil data goes into it.", toldCard);
        Assert.Contains("Definition of Scope", toldCard);
        Assert.Contains(Requester.AadObjectId, Assert.Single(after, r => r.PathAndQuery.EndsWith("v3/conversations", StringComparison.Ordinal)).Body);

        var stored = await StoredAsync(questionId);
        Assert.Equal((QuestionStatus.Answered, Jo.AadObjectId, "yes"), (stored.Status, stored.Answer!.By.Id, stored.Answer.Verdict));
        var audit = await new LeadQuestionAudit(Host.Tables).EntriesForAsync(questionId, CancellationToken.None);
        Assert.Equal(
            [(LeadAuditActions.Asked, Requester.AadObjectId), (LeadAuditActions.Claimed, Jo.AadObjectId), (LeadAuditActions.Answered, Jo.AadObjectId)],
            audit.Select(e => (e.Action, e.ActorId)));
    }

    [Fact]
    public async Task Answer_TwoLeadsAtOnce_FirstAnswerWinsAndTheOtherIsTold()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        var before = Host.Connector.Requests.Count;

        var answers = await Task.WhenAll(
            LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer("Jo's answer.")),
            LeadActsAsync(LeadVerbs.Answer, questionId, Priya, Answer("Priya's answer.")));

        var stored = await StoredAsync(questionId);
        var winner = Assert.Single(answers, a => (string?)a["type"] == "application/vnd.microsoft.card.adaptive");
        Assert.Contains("Your answer was sent", CardJson.Text(winner["value"]));
        var loser = Assert.Single(answers, a => a != winner);
        Assert.Equal($"{stored.Answer!.By.Name} already answered this question, on {TeamsPolicyBot.Approvals.ApprovalCards.When(stored.Answer.At)}.", (string?)loser["value"]);
        var told = Assert.Single(Host.Connector.Requests.Skip(before), r => r.Text?.EndsWith("answered your question.", StringComparison.Ordinal) == true);
        Assert.Contains(stored.Answer.Text, CardJson.Text(CardJson.Card(told)));
        var audit = await new LeadQuestionAudit(Host.Tables).EntriesForAsync(questionId, CancellationToken.None);
        Assert.Single(audit, e => e.Action == LeadAuditActions.Answered);
    }

    [Fact]
    public async Task Answer_NotALead_RefusedAndNothingChanges()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        var before = Host.Connector.Requests.Count;

        var claim = await LeadActsAsync(LeadVerbs.Claim, questionId, Colleague);
        var answer = await LeadActsAsync(LeadVerbs.Answer, questionId, Colleague, Answer("Go ahead."));

        Assert.Equal(LeadQuestionCardHandler.NotLeadText, (string?)claim["value"]);
        Assert.Equal(LeadQuestionCardHandler.NotLeadText, (string?)answer["value"]);
        Assert.Equal(QuestionStatus.Open, (await StoredAsync(questionId)).Status);
        Assert.Equal(before, Host.Connector.Requests.Count);
        var audit = await new LeadQuestionAudit(Host.Tables).EntriesForAsync(questionId, CancellationToken.None);
        Assert.Equal(2, audit.Count(e => e.Action == LeadAuditActions.Refused && e.ActorId == Colleague.AadObjectId));
    }

    [Fact]
    public async Task Answer_AskerUnreachable_LeadToldToPassItOn()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        Host.Connector.AnswerNext(403);

        var body = await LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer("Yes, for planning."));

        Assert.Contains("I couldn't reach Sam Taylor in Teams. Please pass it on yourself.", CardJson.Text(body["value"]));
        Assert.Equal(QuestionStatus.Answered, (await StoredAsync(questionId)).Status);
    }

    [Fact]
    public async Task Answer_Empty_AskedToWriteItAndStillOpen()
    {
        var questionId = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));

        var body = await LeadActsAsync(LeadVerbs.Answer, questionId, Jo, Answer("  "));

        Assert.Contains("Write your answer first.", CardJson.Text(body["value"]));
        Assert.Equal(QuestionStatus.Open, (await StoredAsync(questionId)).Status);
    }

    [Fact]
    public async Task Ask_PressedTwiceOnOneAnswer_AsksOnce()
    {
        var answer = await AnswerToAsync(ChatGptQuestion);

        var first = await AskLeadAsync(answer, cardMessageId: "1741165301245");
        var before = Host.Connector.Requests.Count;
        var second = await PressAsync(answer.ButtonFor(LeadVerbs.Ask), Requester, cardMessageId: "1741165301245");

        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(second["value"]));
        Assert.Equal(before, Host.Connector.Requests.Count);
        Assert.Equal(QuestionStatus.Open, (await StoredAsync(first)).Status);
    }

    [Fact]
    public async Task Feedback_NoOnARuleAnswer_OffersAskThePolicyLead()
    {
        var answer = await AnswerToAsync("Can I join a WhatsApp group for parents of my son's football team?");
        Assert.Equal("No", answer.Headline);
        Assert.DoesNotContain(answer.Buttons, b => b.Verb == LeadVerbs.Ask);

        var redrawn = await PressAsync(answer.ButtonFor(GuidanceFeedbackAction.Verb, "No"), Requester);

        var card = AnswerCard.Read(System.Text.Json.JsonSerializer.SerializeToElement(redrawn["value"]));
        var questionId = await AskLeadAsync(card, "My son is in the team; the parents are not from our school.");
        var stored = await StoredAsync(questionId);
        Assert.Equal((AskedBecause.NotRight, "no"), (stored.Because, stored.BotAnswer.Verdict));
    }

    [Fact]
    public async Task FeedbackSummary_QuestionsAskedAndAnswered_CountedPerTopic()
    {
        var answered = await AskLeadAsync(await AnswerToAsync(ChatGptQuestion));
        await AskLeadAsync(await AnswerToAsync("Am I allowed to use AI tools like ChatGPT for lesson planning?"));
        await LeadActsAsync(LeadVerbs.Answer, answered, Jo, Answer("Only with the school account."));
        var topic = (await StoredAsync(answered)).Topic;

        var summary = Assert.Single(await Host.SayAsync("feedback summary", Jo));

        Assert.Contains($"- {topic}: 1 open, 1 answered", summary.Text);
    }
}
