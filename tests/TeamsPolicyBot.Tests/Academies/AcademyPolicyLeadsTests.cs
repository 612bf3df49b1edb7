using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.PolicyLeads;
using static TeamsPolicyBot.Tests.Academies.ThreeAcademies;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>
/// Questions for the policy lead go to the leads of the asker's academy, and only they answer. Henry Box's lead is its
/// head, in Henry Box's own leads' channel; Queen Emma's leads are an Entra group (its head); Wood Green has none of its
/// own, so the trust's leads (Jo and Priya, <c>Experts:Leads</c>) answer its questions, 1:1.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcademyPolicyLeadsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string QueenEmmasLeadsGroup = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    private const string HenryBoxLeadsChannel = "19:hbs-policy-leads@thread.tacv2";

    private ThreeAcademies _trust = null!;

    public async Task InitializeAsync()
    {
        _trust = await ThreeAcademies.StartAsync(azurite, new()
        {
            ["Experts:Leads"] = $"{ApprovalsHost.Jo.AadObjectId},{ApprovalsHost.Priya.AadObjectId}",
            [$"Academies:{HenryBox}:Leads"] = HenryBoxHead.AadObjectId,
            [$"Academies:{HenryBox}:ExpertsChannelId"] = HenryBoxLeadsChannel,
            [$"Academies:{QueenEmmas}:LeadGroupId"] = QueenEmmasLeadsGroup,
        });
        _trust.Graph.Groups[QueenEmmasLeadsGroup] = [QueenEmmasHead.AadObjectId];
    }

    public async Task DisposeAsync() => await _trust.DisposeAsync();

    [Fact]
    public async Task Ask_QueenEmmasTeacher_ReachesOnlyQueenEmmasLeadsFromTheirGroup()
    {
        var before = _trust.Host.Connector.Requests.Count;

        var questionId = await AskAsync(QueenEmmasTeacher);

        var sent = _trust.Host.Connector.Requests.Skip(before).ToList();
        Assert.Equal([QueenEmmasHead.AadObjectId], MessagedPeople(sent));
        var card = CardJson.Card(Assert.Single(sent, r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)));
        Assert.Contains($"Asked by {QueenEmmasTeacher.Name} ({QueenEmmasName})", CardJson.Text(card));
        Assert.Contains(_trust.Graph.Requests, r => r.Contains($"/groups/{QueenEmmasLeadsGroup}/transitiveMembers", StringComparison.Ordinal));
        Assert.Equal(QueenEmmas, (await StoredAsync(questionId)).AcademyId);
    }

    [Fact]
    public async Task Ask_EachAcademysQuestion_NeverReachesAnotherAcademysLeads()
    {
        var henryBox = (await AskedAsync(HenryBoxTeacher)).Sent;

        await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen);
        var (woodGreenQuestion, woodGreenSent) = await AskedAsync(WoodGreenTeacher);
        var woodGreen = MessagedPeople(woodGreenSent);

        var thread = Assert.Single(henryBox);
        Assert.Equal(HenryBoxLeadsChannel, (string?)thread.Json["channelData"]!["channel"]!["id"]);
        Assert.Empty(MessagedPeople(henryBox));
        Assert.Equal(new[] { ApprovalsHost.Jo.AadObjectId, ApprovalsHost.Priya.AadObjectId }.Order(), woodGreen);
        Assert.Equal(WoodGreen, (await StoredAsync(woodGreenQuestion)).AcademyId);
    }

    [Fact]
    public async Task Claim_LeadOfAnotherAcademy_RefusedAuditedAndStillOpen()
    {
        var questionId = await AskAsync(QueenEmmasTeacher);

        var refused = await LeadActsAsync(LeadVerbs.Claim, questionId, HenryBoxHead);
        var claimed = await LeadActsAsync(LeadVerbs.Claim, questionId, QueenEmmasHead);

        Assert.Equal($"Only the policy leads of {QueenEmmasName} can claim or answer this question.", (string?)refused["value"]);
        Assert.Contains("You claimed this question.", CardJson.Text(claimed["value"]));
        var audit = await new LeadQuestionAudit(_trust.Host.Tables).EntriesForAsync(questionId, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == LeadAuditActions.Refused && e.ActorId == HenryBoxHead.AadObjectId && e.Detail == "policy lead of another academy");
        Assert.Equal(QueenEmmasHead.AadObjectId, (await StoredAsync(questionId)).ClaimedBy!.Id);
    }

    [Fact]
    public async Task Answer_TrustLeadOnAnAcademyWithLeadsOfItsOwn_RefusedAndNothingSent()
    {
        var questionId = await AskAsync(HenryBoxTeacher);
        var before = _trust.Host.Connector.Requests.Count;

        var refused = await LeadActsAsync(LeadVerbs.Answer, questionId, ApprovalsHost.Jo, new() { ["answer"] = "Yes." });

        Assert.Equal($"Only the policy leads of {HenryBoxName} can claim or answer this question.", (string?)refused["value"]);
        Assert.Equal(before, _trust.Host.Connector.Requests.Count);
        Assert.Equal(QuestionStatus.Open, (await StoredAsync(questionId)).Status);
    }

    [Fact]
    public async Task Answer_TrustLeadOnAnAcademyWithoutLeads_AnsweredAndAskerTold()
    {
        await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen);
        var questionId = await AskAsync(WoodGreenTeacher);
        var before = _trust.Host.Connector.Requests.Count;

        var refused = await LeadActsAsync(LeadVerbs.Answer, questionId, QueenEmmasHead, new() { ["answer"] = "No." });
        var answered = await LeadActsAsync(LeadVerbs.Answer, questionId, ApprovalsHost.Priya, new() { ["answer"] = "Yes, for planning." });

        Assert.Equal($"Only the policy leads of {WoodGreenName} can claim or answer this question.", (string?)refused["value"]);
        Assert.Contains("Your answer was sent", CardJson.Text(answered["value"]));
        Assert.Equal([WoodGreenTeacher.AadObjectId], MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
    }

    [Fact]
    public async Task Ask_TeacherInTwoAcademies_ChoosesThenReachesThatAcademysLeads()
    {
        var answer = await AnswerAsync(TwoSchoolsTeacher);
        var before = _trust.Host.Connector.Requests.Count;

        var asked = await PressAskAsync(answer, TwoSchoolsTeacher, "Year 9 want to use it too.");

        Assert.Equal(before, _trust.Host.Connector.Requests.Count);
        var choice = AcademyChoice(asked);
        Assert.Equal([HenryBox, WoodGreen], choice.Academies);
        Assert.Contains($"You work at {HenryBoxName} and {WoodGreenName}", choice.Label);
        Assert.Equal("Year 9 want to use it too.", choice.Note);

        var redrawn = AnswerCard.Read(JsonSerializer.SerializeToElement(asked["value"]));
        var sent = await PressAskAsync(redrawn, TwoSchoolsTeacher, "Year 9 want to use it too.", WoodGreen);

        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(sent["value"]));
        Assert.Equal(new[] { ApprovalsHost.Jo.AadObjectId, ApprovalsHost.Priya.AadObjectId }.Order(), MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
    }

    [Fact]
    public async Task Ask_ChoosingAnAcademyTheRecordsSayTheyAreNotIn_AskedAgainAndNothingSent()
    {
        var answer = await AnswerAsync(TwoSchoolsTeacher);
        var before = _trust.Host.Connector.Requests.Count;

        var asked = await PressAskAsync(answer, TwoSchoolsTeacher, "", QueenEmmas);

        Assert.Equal([HenryBox, WoodGreen], AcademyChoice(asked).Academies);
        Assert.Equal(before, _trust.Host.Connector.Requests.Count);
    }

    [Fact]
    public async Task Ask_AcademyNotKnown_ChosenOnceAndRemembered()
    {
        var first = await PressAskAsync(await AnswerAsync(WoodGreenTeacher), WoodGreenTeacher, "");
        Assert.Equal([QueenEmmas, HenryBox, WoodGreen], AcademyChoice(first).Academies);
        var before = _trust.Host.Connector.Requests.Count;

        var chosen = await PressAskAsync(AnswerCard.Read(JsonSerializer.SerializeToElement(first["value"])), WoodGreenTeacher, "", QueenEmmas);
        var toQueenEmmas = MessagedPeople(_trust.Host.Connector.Requests.Skip(before));
        before = _trust.Host.Connector.Requests.Count;
        var next = await PressAskAsync(await AnswerAsync(WoodGreenTeacher), WoodGreenTeacher, "");

        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(chosen["value"]));
        Assert.Equal([QueenEmmasHead.AadObjectId], toQueenEmmas);
        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(next["value"]));
        Assert.Equal([QueenEmmasHead.AadObjectId], MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
    }

    [Fact]
    public async Task Nudge_AcademysQuestionUnclaimed_RemindsOnlyThatAcademysLeads()
    {
        await AskAsync(QueenEmmasTeacher);
        _trust.Host.Time.Advance(TimeSpan.FromHours(25));
        var before = _trust.Host.Connector.Requests.Count;

        Assert.Equal(1, await _trust.Host.Service<LeadQuestionNudger>().NudgeDueAsync(CancellationToken.None));

        Assert.Equal([QueenEmmasHead.AadObjectId], MessagedPeople(_trust.Host.Connector.Requests.Skip(before)));
    }

    [Fact]
    public async Task ExpertAnswers_LeadOfOneAcademy_ListsOnlyThatAcademysReusedAnswers()
    {
        var queenEmmas = await AskAsync(QueenEmmasTeacher);
        await LeadActsAsync(LeadVerbs.Answer, queenEmmas, QueenEmmasHead, new() { ["answer"] = "Queen Emma's answer.", ["reusable"] = "true" });
        await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen);
        var woodGreen = await AskAsync(WoodGreenTeacher);
        await LeadActsAsync(LeadVerbs.Answer, woodGreen, ApprovalsHost.Jo, new() { ["answer"] = "The trust's answer.", ["reusable"] = "true" });

        var list = CardJson.Text(CardJson.Card(Assert.Single(await _trust.Host.SayAsync("expert answers", QueenEmmasHead))));

        Assert.Contains("Queen Emma's answer.", list);
        Assert.DoesNotContain("The trust's answer.", list);
    }

    /// <summary><paramref name="who"/> asks the fierte pack something it has no rule for, and gets "Use caution".</summary>
    private async Task<AnswerCard> AnswerAsync(Staff who)
    {
        var answer = AnswerCard.Read(Assert.Single(await _trust.Host.SayAsync(PolicyLeadHostTests.ChatGptQuestion, who)));
        Assert.Equal("Use caution", answer.Headline);
        return answer;
    }

    private async Task<string> AskAsync(Staff who) => (await AskedAsync(who)).QuestionId;

    /// <summary>Asks the policy lead as someone whose academy is known: the question's id, and what the asking sent.</summary>
    private async Task<(string QuestionId, IReadOnlyList<RecordedRequest> Sent)> AskedAsync(Staff who)
    {
        var answer = await AnswerAsync(who);
        var before = _trust.Host.Connector.Requests.Count;
        var body = await PressAskAsync(answer, who, "");
        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(body["value"]));
        var sent = _trust.Host.Connector.Requests.Skip(before).ToList();
        var card = sent
            .Select(r => r.Json["attachments"]?[0]?["content"] ?? r.Json["activity"]?["attachments"]?[0]?["content"])
            .First(c => c is not null)!;
        return ((string)card["refresh"]!["action"]!["data"]!["questionId"]!, sent);
    }

    private Task<JsonNode> PressAskAsync(AnswerCard answer, Staff who, string note, string? academy = null)
    {
        var data = JsonNode.Parse(answer.ButtonFor(LeadVerbs.Ask).Data.GetRawText())!.AsObject();
        data["leadNote"] = note;
        if (academy is not null)
            data["leadAcademy"] = academy;
        return _trust.Host.InvokeAsync(LeadVerbs.Ask, data, who, replyToId: Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString());
    }

    private Task<JsonNode> LeadActsAsync(string verb, string questionId, Staff lead, Dictionary<string, string>? inputs = null)
    {
        var data = new JsonObject { ["questionId"] = questionId };
        foreach (var (id, value) in inputs ?? [])
            data[id] = value;
        return _trust.Host.InvokeAsync(verb, data, lead);
    }

    private async Task<LeadQuestion> StoredAsync(string questionId) =>
        (await new LeadQuestionStore(_trust.Host.Tables).GetAsync(questionId, CancellationToken.None))!.Question;

    /// <summary>The answer card's academy choice: the academy ids offered, its label, and the note kept in the note box.</summary>
    private static (IReadOnlyList<string> Academies, string Label, string Note) AcademyChoice(JsonNode invokeBody)
    {
        var inputs = Walk(invokeBody["value"]).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();
        var choice = Assert.Single(inputs, e => (string?)e["id"] == "leadAcademy");
        var note = Assert.Single(inputs, e => (string?)e["id"] == "leadNote");
        return (choice["choices"]!.AsArray().Select(c => (string)c!["value"]!).ToList(), (string)choice["label"]!, (string?)note["value"] ?? "");
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Walk).Prepend(o),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };
}
