using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Academies.ThreeAcademies;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>"Tell the DSL now" reaches only the member of staff's own academy's DSL and deputies, and answers name them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcademySafeguardingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ReportQuestion = "A former pupil who is 16 sent me a friend request on Facebook. Can I accept it?";

    private ThreeAcademies _trust = null!;

    public async Task InitializeAsync() => _trust = await ThreeAcademies.StartAsync(azurite);

    public async Task DisposeAsync() => await _trust.DisposeAsync();

    [Fact]
    public async Task TellDsl_QueenEmmasTeacher_AlertsOnlyQueenEmmasDslAndDeputy()
    {
        var answer = await AskAsync(QueenEmmasTeacher);

        var sent = await TellAsync(QueenEmmasTeacher, answer);

        Assert.Equal(new[] { QueenEmmasDsl.AadObjectId, QueenEmmasDeputy.AadObjectId }.Order(StringComparer.Ordinal), MessagedPeople(sent));
    }

    [Fact]
    public async Task TellDsl_EachAcademysTeacher_NeverAlertsAnotherAcademysDsl()
    {
        var henryBox = MessagedPeople(await TellAsync(HenryBoxTeacher, await AskAsync(HenryBoxTeacher)));
        await _trust.ChooseAsync(WoodGreenTeacher, WoodGreen);
        var woodGreen = MessagedPeople(await TellAsync(WoodGreenTeacher, await AskAsync(WoodGreenTeacher)));

        Assert.Equal([HenryBoxDsl.AadObjectId], henryBox);
        Assert.Equal([WoodGreenDsl.AadObjectId], woodGreen);
    }

    [Fact]
    public async Task TellDsl_AcademyNotKnown_AlertsTheTrustsContacts()
    {
        var sent = await TellAsync(WoodGreenTeacher, await AskAsync(WoodGreenTeacher));

        Assert.Equal([TrustDsl.AadObjectId], MessagedPeople(sent));
    }

    [Fact]
    public async Task Answer_ReportQuestion_NamesTheAcademyAndItsLeads()
    {
        var answer = await AskAsync(QueenEmmasTeacher);

        var tell = answer.Buttons.Single(b => b.Verb == TellSafeguardingLeadAction.Verb);
        Assert.EndsWith($" at {QueenEmmasName} (Ms Dsl or Mr Deputy) now", tell.Title);
    }

    private async Task<AnswerCard> AskAsync(Staff who)
    {
        var sent = await _trust.Host.SayAsync(ReportQuestion, who);
        return AnswerCard.Read(sent.Single(r => r.AttachmentContentType is not null));
    }

    private async Task<IReadOnlyList<RecordedRequest>> TellAsync(Staff who, AnswerCard answer)
    {
        var button = answer.Buttons.Single(b => b.Verb == TellSafeguardingLeadAction.Verb);
        var data = JsonNode.Parse(button.Data.GetRawText())!;
        data["note"] = "Sent last night.";
        var before = _trust.Host.Connector.Requests.Count;
        var body = await _trust.Host.InvokeAsync(TellSafeguardingLeadAction.Verb, data, who);
        Assert.Contains("Sent to", JsonSerializer.Serialize(body));
        return [.. _trust.Host.Connector.Requests.Skip(before)];
    }
}
